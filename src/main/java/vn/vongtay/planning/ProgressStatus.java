package vn.vongtay.planning;

/** How a task stands for a reporting period, as its lead agency records it (or as the deadline makes it). */
public enum ProgressStatus {
	NOT_STARTED, ON_TRACK, AT_RISK, DONE, OVERDUE
}
