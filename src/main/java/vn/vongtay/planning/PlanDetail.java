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
		List<Objective> objectives, List<Figure> figures, List<Allowance> allowances, List<Task> tasks,
		List<ReportingRule> reporting, int version) {

	/** A law, decision or plan the plan rests on; {@code implementsIt} when the plan carries it out. */
	public record Reference(String kind, String number, LocalDate issuedOn, String issuer, String title,
			boolean implementsIt) {
	}

	public record Objective(long id, String number, String kind, String statement, List<Target> targets) {
	}

	/**
	 * A target with its values by year, the latest achieved value and the status that follows from them. {@code unit}
	 * is what the values count (percent, number, ...); {@code unitCode} the administrative unit it applies to.
	 *
	 * @param upTo the upper bound of the years whose value is a range ("tăng 5-8%": 5 in {@code values}, 8 here)
	 * @param baseYear the year the target's change is measured against ("so với năm 2023"), or {@code null}
	 */
	public record Target(long id, String code, String statement, Measure unit, Direction direction,
			BigDecimal baselineValue, Integer baselineYear, SortedMap<Integer, BigDecimal> values,
			SortedMap<Integer, BigDecimal> upTo, Integer baseYear, String unitCode, String indicatorCode,
			Achievement latest, TargetStatus status, List<Target> parts) {
	}

	/**
	 * A figure the plan states about the situation it starts from: a stock at the end of {@code toYear}, or a sum over
	 * {@code fromYear}-{@code toYear}; {@code indicatorCode} names the statistical indicator it is a past value of.
	 */
	public record Figure(String statement, BigDecimal value, Measure unit, Integer fromYear, int toYear,
			String unitCode, String indicatorCode, String note) {
	}

	/**
	 * An allowance the plan grants each {@code recipient} per {@code period}: a {@code coefficient} of a statutory
	 * {@code basis}, or a fixed {@code amount} in đồng.
	 */
	public record Allowance(String recipient, BigDecimal coefficient, AllowanceBasis basis, BigDecimal amount,
			AllowancePeriod period, String text) {
	}

	/**
	 * What a target achieved on a date: for a target bound to an indicator, the indicator's value ({@code indicatorCode}
	 * set, with the rate's {@code numerator} and {@code denominator}; {@code suppressed} when it is hidden from the
	 * caller as a small count); for any other, what a person recorded.
	 */
	public record Achievement(LocalDate asOf, BigDecimal value, TargetStatus assessment, String note,
			String recordedBy, String indicatorCode, BigDecimal numerator, BigDecimal denominator, boolean suppressed) {
	}

	/**
	 * A task with how it stands. {@code carriedBy} is the agency a person gave the task to after its lead agency ended
	 * (the district offices abolished on 01/07/2025); {@code closedOn} and {@code closureReason} say when and why a
	 * person closed it instead.
	 */
	public record Task(long id, long planId, String number, String section, String statement, AgencyRef leadAgency,
			List<AgencyRef> partnerAgencies, Timeframe timeframe, String expectedResult, ProgressStatus status,
			Period latestPeriod, int lowerTaskCount, AgencyRef carriedBy, LocalDate closedOn, String closureReason,
			int version) {

		/** The agency answering for the task today: the one it was handed to, else its lead (or whoever replaced it). */
		public AgencyRef owner() {
			return carriedBy != null ? carriedBy : leadAgency;
		}
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
