package vn.vongtay.children;

/** What a child received: a monthly social allowance, a scholarship, a health insurance card, a gift, ... */
public enum SupportKind {
	MONTHLY_ALLOWANCE, SCHOLARSHIP, HEALTH_INSURANCE_CARD, GIFT, TUITION_EXEMPTION, SCHOOL_SUPPLIES, MEDICAL_COSTS,
	NUTRITION, HOUSING, OTHER
}
