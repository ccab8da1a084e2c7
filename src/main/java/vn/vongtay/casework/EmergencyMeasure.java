package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Emergency measures or the temporary isolation of the child from the person who harms them (Mẫu 07): proposed by the
 * case worker, decided and signed by the commune chairman when the child is in serious danger.
 *
 * @param takenAt when the chairman decided (null in a proposal)
 * @param decidedBy the chairman who decided and signs the decision (null in a proposal)
 * @param careArrangement where and with whom the child is cared for meanwhile
 * @param until the end of a temporary isolation, when one was ordered
 */
public record EmergencyMeasure(LocalDateTime takenAt, Set<EmergencyMeasureKind> measures, String decidedBy,
		String decisionNumber, String description, String careArrangement, LocalDate until) {

	public EmergencyMeasure {
		measures = measures == null ? Set.of() : Set.copyOf(measures);
	}
}
