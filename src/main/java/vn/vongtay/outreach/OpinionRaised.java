package vn.vongtay.outreach;

/** A child's opinion raised at a forum was recorded. */
public record OpinionRaised(long opinionId) {
}
