package vn.vongtay.casework;

/**
 * The case was escalated to the supervisors above its commune, who then see it whole: by a person, with their reason,
 * or by the deadline watch when a deadline was missed ({@code missed}; the reason is then a message key).
 */
public record CaseEscalated(long caseId, long unitId, String reason, DeadlineKind missed) {
}
