package vn.vongtay.casework;

/** How a case ended, for the statistics of support outcomes. */
public enum CaseOutcome {
	SAFE_WITH_FAMILY, ALTERNATIVE_CARE, SOCIAL_PROTECTION_FACILITY, MOVED_AWAY, NO_ABUSE_FOUND, NOT_A_CHILD_CASE,
	TURNED_SIXTEEN, OTHER
}
