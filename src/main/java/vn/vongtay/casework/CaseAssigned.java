package vn.vongtay.casework;

/** The case was given to one of the commune's case workers. */
public record CaseAssigned(long caseId, long unitId, long caseWorkerId) {
}
