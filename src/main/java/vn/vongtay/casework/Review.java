package vn.vongtay.casework;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * The review of an implemented plan (Mẫu 06): each criterion rated high, medium or low, what was found, and the
 * decision: close the case (with its outcome) or start a new plan cycle.
 */
public record Review(LocalDateTime reviewedAt, Map<ReviewCriterion, Rating> ratings, String findings, boolean close,
		CaseOutcome outcome, String nextSteps) {

	public Review {
		ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
	}
}
