package vn.vongtay.casework;

/** The case worker submitted the plan of a cycle (Mẫu 04) to the commune chairman for approval. */
public record PlanSubmitted(long caseId, long unitId, int cycle) {
}
