package vn.vongtay.casework;

/** Emergency measures and temporary isolation (Law on Children Art. 50; Nghị định 56 Art. 24). */
public enum EmergencyMeasureKind {
	EMERGENCY_MEDICAL_CARE, TEMPORARY_ISOLATION_FROM_ABUSER, TEMPORARY_SAFE_PLACE, TEMPORARY_ALTERNATIVE_CARE,
	POLICE_PROTECTION, ESSENTIAL_NEEDS, OTHER
}
