package vn.vongtay.casework;

import java.time.LocalDateTime;

import vn.vongtay.children.Sex;

/**
 * A case in a list. {@code childName} is null for those who see the case without a need to know its details (a
 * supervisor before escalation, another case worker of the commune).
 */
public record CaseSummary(long id, String number, String unitCode, String unitName, String childName, Sex childSex,
		CaseStage stage, String caseWorkerName, LocalDateTime receivedAt, LocalDateTime nextDueAt, boolean overdue,
		boolean escalated, boolean fullAccess) {
}
