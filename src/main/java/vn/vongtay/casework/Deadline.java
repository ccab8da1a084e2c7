package vn.vongtay.casework;

import java.time.LocalDateTime;

/**
 * One deadline of a case, in Vietnam's time: when it falls due, when the work was done, and whether that met it.
 *
 * @param met true or false once decided; null while pending or when not required
 */
public record Deadline(DeadlineKind kind, LocalDateTime dueAt, LocalDateTime completedAt, DeadlineStatus status,
		Boolean met) {

	/**
	 * Emergency measures: met when taken by the deadline; not required once the initial assessment found no serious
	 * danger, or when the case was closed without ever finding one; missed while undecided or required and past due.
	 */
	static Deadline emergency(LocalDateTime dueAt, LocalDateTime takenAt, Boolean required, boolean closed,
			LocalDateTime now) {
		DeadlineStatus status;
		if (takenAt != null) {
			status = metBy(dueAt, takenAt) ? DeadlineStatus.MET : DeadlineStatus.LATE;
		}
		else if (Boolean.FALSE.equals(required) || (closed && required == null)) {
			status = DeadlineStatus.NOT_REQUIRED;
		}
		else {
			status = now.isAfter(dueAt) ? DeadlineStatus.MISSED : DeadlineStatus.PENDING;
		}
		return new Deadline(DeadlineKind.EMERGENCY, dueAt, takenAt, status, status.met());
	}

	/** The approved plan of the current cycle: met when approved by the deadline; not required when closed without one. */
	static Deadline plan(LocalDateTime dueAt, LocalDateTime approvedAt, boolean closed, LocalDateTime now) {
		DeadlineStatus status;
		if (approvedAt != null) {
			status = metBy(dueAt, approvedAt) ? DeadlineStatus.MET : DeadlineStatus.LATE;
		}
		else if (closed) {
			status = DeadlineStatus.NOT_REQUIRED;
		}
		else {
			status = now.isAfter(dueAt) ? DeadlineStatus.MISSED : DeadlineStatus.PENDING;
		}
		return new Deadline(DeadlineKind.PLAN, dueAt, approvedAt, status, status.met());
	}

	/** The review the approved plan set, due at the end of its day. */
	static Deadline review(LocalDateTime dueAt, LocalDateTime reviewedAt, LocalDateTime now) {
		DeadlineStatus status;
		if (reviewedAt != null) {
			status = metBy(dueAt, reviewedAt) ? DeadlineStatus.MET : DeadlineStatus.LATE;
		}
		else {
			status = now.isAfter(dueAt) ? DeadlineStatus.MISSED : DeadlineStatus.PENDING;
		}
		return new Deadline(DeadlineKind.REVIEW, dueAt, reviewedAt, status, status.met());
	}

	/** A deadline is met by work done at its due time or before (a plan approved at 23:59:59 of its last day). */
	static boolean metBy(LocalDateTime dueAt, LocalDateTime doneAt) {
		return doneAt != null && !doneAt.isAfter(dueAt);
	}

	public boolean overdue() {
		return status == DeadlineStatus.MISSED;
	}
}
