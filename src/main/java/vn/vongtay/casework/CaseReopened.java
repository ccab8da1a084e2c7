package vn.vongtay.casework;

/** A closed case was reopened for a new concern. */
public record CaseReopened(long caseId, long unitId) {
}
