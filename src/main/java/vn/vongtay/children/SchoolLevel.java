package vn.vongtay.children;

/** The level a child attends: preschool (mầm non) to upper secondary (THPT) or vocational training. */
public enum SchoolLevel {
	NONE, PRESCHOOL, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL
}
