package vn.vongtay.casework;

/** A case was closed, after a review or without needing a plan. */
public record CaseClosed(long caseId, long unitId, CaseOutcome outcome, java.time.LocalDateTime closedAt) {
}
