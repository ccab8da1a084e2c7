package vn.vongtay.outreach;

/** The sex of a child who raised an opinion, when the child chose to say. */
public enum Sex {
	FEMALE, MALE, NOT_STATED
}
