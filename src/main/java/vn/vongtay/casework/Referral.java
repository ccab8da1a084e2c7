package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A referral as both sides see it: the case worker in the case, the agency's focal point in their list. The agency
 * sees only {@code shared}, never the case.
 */
public record Referral(long id, long caseId, String caseNumber, Long planItemId, long agencyId, String agencyName,
		ServiceKind service, String request, Shared shared, LocalDate respondBy, LocalDateTime sentAt,
		String sentByName, ReferralStatus status, LocalDateTime respondedAt, String respondedByName,
		String declineReason, String feedback, LocalDateTime feedbackAt, boolean overdue, int version) {

	/** What the case worker chose to share: null fields were not shared. */
	public record Shared(String childName, Integer childAge, String childSex, String address, String caregiver,
			String summary, String caseWorkerName, String communeName) {
	}
}
