package vn.vongtay.casework;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * The initial assessment of the risk to the child (Mẫu 02), made by the case worker on the chairman's instruction as
 * soon as the report is verified: what was seen of the child, whether the child's life, health or dignity is in
 * serious danger now (then emergency measures are due within hours of the report), the risk level and what the child
 * needs at once.
 */
public record InitialAssessment(LocalDateTime assessedAt, String participants, String childCondition,
		String immediateSafety, RiskLevel riskLevel, Set<AbuseForm> abuseIndicated, String immediateNeeds,
		String recommendation) {

	public InitialAssessment {
		abuseIndicated = abuseIndicated == null ? Set.of() : Set.copyOf(abuseIndicated);
	}
}
