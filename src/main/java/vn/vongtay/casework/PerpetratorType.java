package vn.vongtay.casework;

/** Who abused the child, as the statistics of abuse count them. */
public enum PerpetratorType {
	PARENT, STEP_PARENT, RELATIVE, CAREGIVER, TEACHER, ACQUAINTANCE, NEIGHBOUR, STRANGER, ANOTHER_CHILD, UNKNOWN
}
