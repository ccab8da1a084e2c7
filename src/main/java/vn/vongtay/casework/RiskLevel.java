package vn.vongtay.casework;

/**
 * The risk an assessment finds. SERIOUS is the danger of Nghị định 56 that calls for emergency measures within hours
 * (the child's life, health or dignity seriously threatened).
 */
public enum RiskLevel {
	SERIOUS, HIGH, MEDIUM, LOW;

	public boolean callsForEmergencyMeasures() {
		return this == SERIOUS;
	}
}
