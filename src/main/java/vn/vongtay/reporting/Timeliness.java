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

	/** How a report due on {@code due} stands today, judged by its first submission. */
	static Timeliness of(java.time.LocalDate due, java.time.LocalDateTime firstSubmitted, java.time.LocalDate today,
			int reminderDays) {
		if (firstSubmitted != null) {
			return firstSubmitted.toLocalDate().isAfter(due) ? LATE : ON_TIME;
		}
		if (today.isAfter(due)) {
			return OVERDUE;
		}
		return today.plusDays(reminderDays).isBefore(due) ? UPCOMING : DUE_SOON;
	}
}
