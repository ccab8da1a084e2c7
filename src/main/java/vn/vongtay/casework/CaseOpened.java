package vn.vongtay.casework;

/** A case was opened in a commune for a report received at the time given (Vietnam time). */
public record CaseOpened(long caseId, long unitId, String provinceCode, Long childId,
		java.time.LocalDateTime receivedAt) {
}
