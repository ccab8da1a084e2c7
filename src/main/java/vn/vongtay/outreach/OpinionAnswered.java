package vn.vongtay.outreach;

/** The answer to a child's opinion was recorded. */
public record OpinionAnswered(long opinionId) {
}
