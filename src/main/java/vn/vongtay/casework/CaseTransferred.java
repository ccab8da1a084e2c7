package vn.vongtay.casework;

/** A case went to another commune with the child. */
public record CaseTransferred(long caseId, long fromUnitId, long toUnitId) {
}
