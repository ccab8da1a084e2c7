package vn.vongtay.reporting;

/**
 * Whether a report came in time, judged by its first submission (a report returned for correction and submitted again
 * keeps the date it first came): ON_TIME or LATE once submitted; before that UPCOMING, DUE_SOON (within the reminder
 * window) or OVERDUE.
 */
public enum Timeliness {
	UPCOMING, DUE_SOON, OVERDUE, ON_TIME, LATE;

	public boolean missing() {
		return this == OVERDUE;
	}
}
