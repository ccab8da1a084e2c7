package vn.vongtay.children;

/** As recorded; unknown when a report names a child whose sex nobody stated. */
public enum Sex {
	MALE, FEMALE, UNKNOWN
}
