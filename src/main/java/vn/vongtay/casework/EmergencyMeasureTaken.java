package vn.vongtay.casework;

/** Emergency measures were taken, within the deadline or not. */
public record EmergencyMeasureTaken(long caseId, long unitId, java.time.LocalDateTime takenAt, boolean onTime) {
}
