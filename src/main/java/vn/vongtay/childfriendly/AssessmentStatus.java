package vn.vongtay.childfriendly;

/** Where a commune's assessment of a year stands. */
public enum AssessmentStatus {
	/** The commune is scoring itself. */
	DRAFT,
	/** Sent to the level above for review. */
	SUBMITTED,
	/** Sent back to the commune with the reviewer's comment. */
	RETURNED,
	/** Reviewed: the level above has set its own points and proposes the decision. */
	REVIEWED,
	RECOGNISED,
	NOT_RECOGNISED;

	/** Whether the commune may still change its own scores and evidence. */
	public boolean openToCommune() {
		return this == DRAFT || this == RETURNED;
	}

	public boolean decided() {
		return this == RECOGNISED || this == NOT_RECOGNISED;
	}
}
