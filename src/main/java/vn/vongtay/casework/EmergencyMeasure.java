package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Emergency measures or the temporary isolation of the child from the person who harms them (Mẫu 07), decided by the
 * commune chairman or a competent body when the child is in serious danger.
 *
 * @param decidedBy who decided (the chairman, the police), as written on the decision
 * @param careArrangement where and with whom the child is cared for meanwhile
 * @param until the end of a temporary isolation, when one was ordered
 */
public record EmergencyMeasure(LocalDateTime takenAt, Set<EmergencyMeasureKind> measures, String decidedBy,
		String decisionNumber, String description, String careArrangement, LocalDate until) {

	public EmergencyMeasure {
		measures = measures == null ? Set.of() : Set.copyOf(measures);
	}
}
