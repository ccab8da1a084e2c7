package vn.vongtay.outreach;

/** An outreach activity was recorded with its places, audiences and participants. */
public record ActivityRecorded(long activityId) {
}
