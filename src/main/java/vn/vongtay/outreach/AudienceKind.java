package vn.vongtay.outreach;

/** The groups of people the plans count as reached. */
public enum AudienceKind {
	FAMILIES_WITH_CHILDREN, CHILDREN_0_5, CHILDREN_6_10, CHILDREN_11_15, CHILDREN_16_17, PUPILS_PRIMARY,
	PUPILS_LOWER_SECONDARY, PUPILS_UPPER_SECONDARY, VOCATIONAL_STUDENTS, TEACHERS, PRONE_ESTABLISHMENT_WORKERS,
	ENTERPRISE_WORKERS, OFFICIALS, COLLABORATORS;

	public boolean children() {
		return name().startsWith("CHILDREN_");
	}
}
