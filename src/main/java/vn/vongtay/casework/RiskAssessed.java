package vn.vongtay.casework;

/** An initial (Mẫu 02) or detailed (Mẫu 03) assessment found this risk. */
public record RiskAssessed(long caseId, long unitId, boolean detailed, RiskLevel riskLevel) {
}
