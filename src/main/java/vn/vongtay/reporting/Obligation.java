package vn.vongtay.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.vongtay.planning.ReportKind;

/**
 * A report a unit owes: to whom, for which period, by when, with which annexes, made from a standing rule
 * ({@code source} STANDING:code) or a plan's reporting regime (PLAN:id), with where its report stands.
 */
public record Obligation(long id, String source, Long planId, ReportKind kind, String title, long reporterUnitId,
		String reporterUnitCode, String reporterName, String reporterLevel, long recipientUnitId,
		String recipientUnitCode, String recipientName, String period, LocalDate dueOn, List<String> annexes,
		String basis, Long reportId, ReportStatus status, LocalDateTime firstSubmittedAt, LocalDateTime acceptedAt,
		Timeliness timeliness) {
}
