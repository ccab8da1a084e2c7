package vn.vongtay.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.vongtay.planning.ReportKind;

/**
 * A report a body owes another: who reports (a unit's People's Committee, or an agency of the unit) and who receives
 * it, for which period, by when, with which annexes, made from a standing rule ({@code source} STANDING:code) or a
 * plan's reporting regime (PLAN:id), with where its report stands.
 *
 * @param reporterAgencyId the agency that reports, as the source names it; null when the unit's committee reports
 * @param reporterActingAgencyId the agency whose focal points act for it now (the one that took its duties over)
 * @param dueAssumed the source gives no due date: {@code dueRule} says how it was assumed
 * @param dueSetBy who in the receiving office set the due date, when one did
 * @param withdrawnAt the sources no longer state it; kept because a report was started on it
 */
public record Obligation(long id, String source, Long planId, ReportKind kind, String title, long reporterUnitId,
		String reporterUnitCode, String reporterUnitName, String reporterName, String reporterLevel, Long reporterAgencyId,
		Long reporterActingAgencyId, boolean reporterByOfficers, BodyKind recipientKind, long recipientUnitId,
		String recipientUnitCode, String recipientLevel, String recipientName, Long recipientAgencyId, Long recipientActingAgencyId,
		boolean recipientByOfficers, String period, LocalDate periodEnd, LocalDate dueOn, boolean dueAssumed,
		String dueRule, String dueSetBy, LocalDateTime dueSetAt, List<String> annexes, String basis, Long reportId,
		ReportStatus status, LocalDateTime firstSubmittedAt, LocalDateTime acceptedAt, Timeliness timeliness,
		LocalDateTime withdrawnAt, String withdrawnReason, int version) {

	/** Whether the agency is the reporting body, as named or as the one carrying its duties. */
	public boolean reportedBy(Long agencyId) {
		return agencyId != null && (agencyId.equals(reporterAgencyId) || agencyId.equals(reporterActingAgencyId));
	}

	/** Whether the agency is the receiving body, as named or as the one carrying its duties. */
	public boolean receivedBy(Long agencyId) {
		return agencyId != null && (agencyId.equals(recipientAgencyId) || agencyId.equals(recipientActingAgencyId));
	}
}
