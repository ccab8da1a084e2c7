package vn.vongtay.casework;

/** A report was recorded and routed: to a new case, or to the open case of the same child. */
public record ReportReceived(long reportId, long caseId, long unitId, ReportChannel channel, boolean joinedOpenCase) {
}
