package vn.vongtay.casework;

/** The case worker proposed emergency measures (Mẫu 07) for the commune chairman to decide. */
public record EmergencyMeasureProposed(long caseId, long unitId) {
}
