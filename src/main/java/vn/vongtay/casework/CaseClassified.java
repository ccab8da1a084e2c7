package vn.vongtay.casework;

/** The classification of a case (forms of abuse, setting, perpetrator) changed. */
public record CaseClassified(long caseId, long unitId) {
}
