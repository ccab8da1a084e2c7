package vn.vongtay.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.vongtay.core.Period;

/** A plan in full: the document's structure and the tracking of each target and task. */
public record PlanDetail(@JsonUnwrapped PlanSummary summary, AgencyRef issuerAgency, String submissionNumber,
		LocalDate submissionDate, String submissionTitle, String sourceFile, String summaryText,
		boolean hasOriginalText, List<Reference> basedOn, List<PlanSummary> implementedPlans,
		List<Objective> objectives, List<Task> tasks, List<ReportingRule> reporting, int version) {

	/** A law, decision or plan the plan rests on; {@code implementsIt} when the plan carries it out. */
	public record Reference(String kind, String number, LocalDate issuedOn, String issuer, String title,
			boolean implementsIt) {
	}

	public record Objective(long id, String number, String kind, String statement, List<Target> targets) {
	}

	/**
	 * A target with its values by year, the latest achieved value and the status that follows from them. {@code unit}
	 * is what the values count (percent, number, ...); {@code unitCode} the administrative unit it applies to.
	 */
	public record Target(long id, String code, String statement, Measure unit, Direction direction,
			BigDecimal baselineValue, Integer baselineYear, SortedMap<Integer, BigDecimal> values, String unitCode,
			String indicatorCode, Achievement latest, TargetStatus status, List<Target> parts) {
	}

	public record Achievement(LocalDate asOf, BigDecimal value, TargetStatus assessment, String note,
			String recordedBy) {
	}

	public record Task(long id, long planId, String number, String section, String statement, AgencyRef leadAgency,
			List<AgencyRef> partnerAgencies, Timeframe timeframe, String expectedResult, ProgressStatus status,
			Period latestPeriod, int lowerTaskCount) {
	}

	public record Timeframe(TimeframeKind kind, Integer year, Integer quarter, LocalDate dueOn, String text) {
	}

	/**
	 * An entry of the plan's reporting regime, from which the reporting module makes obligations: {@code reporter} as
	 * the text names it, {@code reporters} the bodies it stands for when the plan lists them (empty: the reporter).
	 */
	public record ReportingRule(long id, ReportKind kind, AgencyRef reporter, List<AgencyRef> reporters,
			AgencyRef recipient, Integer fromYear, Integer toYear, Integer half, Integer quarter, Integer month,
			LocalDate dueOn, List<String> annexes, String text) {
	}
}
