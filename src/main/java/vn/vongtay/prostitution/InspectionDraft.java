package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;

/** What the team records after an inspection: what it found, the violations and what must follow. */
public record InspectionDraft(Long establishmentId, Long teamId, LocalDate inspectedOn, String findings,
		List<ViolationDraft> violations, List<FollowUpDraft> followUps) {

	public InspectionDraft {
		violations = violations == null ? List.of() : List.copyOf(violations);
		followUps = followUps == null ? List.of() : List.copyOf(followUps);
	}

	/** A violation cites an article of the sanctions decree in force on the day of the inspection. */
	public record ViolationDraft(Long articleId, String clause, String description, Sanction sanction, Long fineVnd) {
	}

	public record FollowUpDraft(String action, LocalDate dueOn) {
	}
}
