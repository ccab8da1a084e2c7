package vn.vongtay.casework;

import java.time.LocalDateTime;

/**
 * The detailed assessment (Mẫu 03), with the 111 hotline or service providers where needed: the child's physical,
 * psychological and emotional state, the family, the parents' or caregiver's capacity to protect the child, and the
 * child's needs, from which the plan is drafted.
 */
public record DetailedAssessment(LocalDateTime assessedAt, String participants, String physicalState,
		String psychologicalState, String emotionalState, String familySituation, String caregiverCapacity,
		String needs, RiskLevel riskLevel) {
}
