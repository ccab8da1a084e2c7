package vn.vongtay.prostitution;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A tip-off with the steps taken so far. {@code dueAt} is the deadline of the next step ({@code null} once closed);
 * {@code overdue} is computed against the clock when read.
 */
public record TipOff(long id, TipOffChannel channel, TipOffKind kind, LocalDateTime receivedAt, String content,
		long unitId, String unitName, Long establishmentId, String establishmentName, TipOffStep step,
		TipOffClassification classification, LocalDateTime dueAt, boolean overdue, List<StepTaken> steps,
		int version) {

	public record StepTaken(TipOffStep step, LocalDateTime takenAt, String responsibleName, String note) {
	}
}
