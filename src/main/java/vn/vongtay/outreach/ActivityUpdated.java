package vn.vongtay.outreach;

/** An outreach activity's record was replaced (places, audiences, participants). */
public record ActivityUpdated(long activityId) {
}
