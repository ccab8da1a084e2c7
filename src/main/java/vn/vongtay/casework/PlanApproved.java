package vn.vongtay.casework;

/** The chairman approved the plan of a cycle (Mẫu 05), within the deadline or not. */
public record PlanApproved(long caseId, long unitId, int cycle, java.time.LocalDateTime approvedAt, boolean onTime) {
}
