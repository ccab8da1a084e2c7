package vn.vongtay.planning;

import java.util.List;

/**
 * How a task stands for a reporting period, as its lead agency records it (or as the deadline makes it); and, for the
 * task as a whole, closed by the plan's managers, or without an owner since its lead agency ended with nobody taking
 * over its duties.
 */
public enum ProgressStatus {
	NOT_STARTED, ON_TRACK, AT_RISK, DONE, OVERDUE, NO_OWNER, CLOSED;

	/** What an agency may report for a period: the other two are the plan's, not the agency's. */
	public static List<ProgressStatus> reportable() {
		return List.of(NOT_STARTED, ON_TRACK, AT_RISK, DONE, OVERDUE);
	}
}
