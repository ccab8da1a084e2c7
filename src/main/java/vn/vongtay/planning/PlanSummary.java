package vn.vongtay.planning;

import java.time.LocalDate;

/**
 * A plan as it appears in lists: what it is, who issued it, how big it is and how far its tasks are (tasks done and
 * overdue as their lead agencies last reported, or as their deadline makes them; tasks without an owner since their
 * agency ended, waiting for the plan's managers to hand them over or close them).
 */
public record PlanSummary(long id, String key, PlanKind kind, String number, String title, String issuerUnitCode,
		String issuerUnitName, LocalDate issuedOn, int yearFrom, Integer yearTo, PlanStatus status, int targetCount,
		int taskCount, int tasksDone, int tasksOverdue, int tasksWithoutOwner) {

	/** The share of tasks done, 0-100. */
	public int percentDone() {
		return taskCount == 0 ? 0 : Math.round(100f * tasksDone / taskCount);
	}
}
