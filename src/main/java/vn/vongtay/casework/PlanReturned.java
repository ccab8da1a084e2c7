package vn.vongtay.casework;

/** The chairman sent the plan of a cycle back to the case worker with what must change. */
public record PlanReturned(long caseId, long unitId, int cycle, String comment) {
}
