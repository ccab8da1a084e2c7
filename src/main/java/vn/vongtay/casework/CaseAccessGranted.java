package vn.vongtay.casework;

/** A supervisor broke the glass: the case is open to them for a few hours, for the written reason. */
public record CaseAccessGranted(long caseId, long unitId, long userId, String userName, String reason) {
}
