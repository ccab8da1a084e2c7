package vn.vongtay.casework;

/**
 * What the review of a plan rates (Mẫu 06, section 1): a) the harm to the child — whether it is still serious, the
 * abuser's access to the child, the obstacles to the child's safety in their care — where high means more danger;
 * b) the child's capacity to protect themselves and recover, where high means more capacity. The decree's wording of
 * a) is confirmed; b)'s criteria are not (docs/reference/nd56-forms.md), so b) is rated as one criterion.
 */
public enum ReviewCriterion {
	HARM_STILL_SERIOUS, ABUSER_ACCESS, CARE_ENVIRONMENT_OBSTACLES, SELF_PROTECTION_AND_RECOVERY
}
