package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The support/intervention plan of a cycle (Mẫu 04), with the minutes of the meeting that agreed it (null until
 * recorded), its approval (Mẫu 05) and its services.
 */
public record InterventionPlan(long id, int cycle, PlanStatus status, String goals, LocalDate reviewOn, String notes,
		PlanMeeting meeting, String draftedByName, LocalDateTime draftedAt, LocalDateTime submittedAt, String returnedComment,
		String approvedByName, LocalDateTime approvedAt, String decisionNumber, List<PlanItem> items, int version) {

	public record PlanItem(long id, int position, ServiceKind service, String description, Long agencyId,
			String agencyName, String providerName, LocalDate dueOn, PlanItemStatus status, String result,
			boolean overdue, int version) {
	}
}
