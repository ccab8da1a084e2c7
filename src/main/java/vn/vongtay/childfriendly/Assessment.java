package vn.vongtay.childfriendly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.vongtay.childfriendly.CommuneFigures.Figure;

/**
 * A commune's assessment of a year as its page shows it: the scores of each criterion and item by the commune and by
 * the reviewer, the system's figures behind them (live while the commune is scoring, as submitted afterwards), the
 * evidence files, whether the scores earn recognition, the decision and the history.
 */
public record Assessment(long id, long unitId, String unitCode, String unitName, int year, CommuneCategory category,
		long criteriaSetId, String decision, AssessmentStatus status, int threshold, int maxTotal,
		RecognitionRule.Outcome selfOutcome, RecognitionRule.Outcome reviewedOutcome, String reviewComment,
		String decisionNumber, LocalDate decisionDate, String decisionSigner, String decisionReason,
		List<CriterionScores> criteria, List<EvidenceFile> files, List<Step> steps, boolean figuresLive, int version) {

	public record CriterionScores(int number, String name, int maxPoints, boolean confirmed, String note,
			Integer selfPoints, Integer reviewedPoints, List<ItemScores> items) {
	}

	/**
	 * @param suggestedPoints the full points when the system's figure reaches the item's mark, else {@code null}
	 */
	public record ItemScores(long itemId, String code, String text, int maxPoints, boolean confirmed, String note,
			Integer selfPoints, String evidence, Integer reviewedPoints, String reviewNote, List<Figure> figures,
			Integer suggestedPoints) {
	}

	public record EvidenceFile(long id, Long itemId, String fileName, long sizeBytes, String sha256,
			Instant uploadedAt) {
	}

	public record Step(String action, String comment, String byName, Instant at) {
	}
}
