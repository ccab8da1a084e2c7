package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;

/** An inspection of a prone establishment with its violations and follow-up actions. */
public record Inspection(long id, long establishmentId, String establishmentName, long teamId, String teamName,
		LocalDate inspectedOn, String findings, String decreeNumber, long unitId, String unitName, String recordedBy,
		List<Violation> violations, List<FollowUp> followUps) {

	public long fineTotalVnd() {
		return violations.stream().mapToLong(Violation::fineVnd).sum();
	}

	public record Violation(long id, long articleId, String citation, String articleTitle, String clause,
			String description, Sanction sanction, long fineVnd) {
	}

	public record FollowUp(long id, String action, LocalDate dueOn, LocalDate doneOn) {

		public boolean isOverdueOn(LocalDate today) {
			return doneOn == null && dueOn.isBefore(today);
		}
	}
}
