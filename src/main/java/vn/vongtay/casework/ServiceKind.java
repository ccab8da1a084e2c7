package vn.vongtay.casework;

/** Services a support/intervention plan names (Law on Children Art. 49-50). */
public enum ServiceKind {
	MEDICAL_CARE, PSYCHOLOGICAL_SUPPORT, LEGAL_AID, SAFE_SHELTER, ALTERNATIVE_CARE, EDUCATION_SUPPORT,
	POLICE_PROTECTION, FAMILY_SUPPORT, SOCIAL_ALLOWANCE, VOCATIONAL_TRAINING, OTHER
}
