package vn.vongtay.casework;

/**
 * PENDING: not done, not yet due. MET: done by the deadline. LATE: done after it. MISSED: not done and past due (the
 * case is overdue). NOT_REQUIRED: the case never needed it (no serious danger, or closed before a plan was due).
 */
public enum DeadlineStatus {
	PENDING, MET, LATE, MISSED, NOT_REQUIRED;

	/** Whether the deadline was met: true or false once decided, null while pending or when not required. */
	public Boolean met() {
		return switch (this) {
			case MET -> Boolean.TRUE;
			case LATE, MISSED -> Boolean.FALSE;
			case PENDING, NOT_REQUIRED -> null;
		};
	}

	public boolean open() {
		return this == PENDING || this == MISSED;
	}
}
