package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A periodic report as its unit drafts it and its recipient reviews it (times in Vietnam): the narrative sections the
 * seed plans use, the progress of the tasks the reporting body owns, the annex tables, and what happened to it.
 */
public record ReportView(long id, Obligation obligation, ReportStatus status, String number,
		PeriodicReport.Sections sections, String signerName, String signerTitle, String createdBy,
		LocalDateTime submittedAt, LocalDateTime returnedAt, String returnedBy, String returnComment,
		LocalDateTime acceptedAt, String acceptedBy, List<AnnexTable> annexes, List<TaskLine> tasks,
		List<Event> events, int version) {

	/**
	 * An annex: its columns (indicators, or the target and what was achieved) and its rows: the reporting unit, then
	 * one for each subdivision; or one per value of its breakdowns; or one per target.
	 */
	public record AnnexTable(Annex annex, List<FigureSource.Column> columns, List<Row> rows) {

		/** The figures missing for the reporting unit among those required. */
		public List<String> missingRequired() {
			if (rows.isEmpty()) {
				return annex.required();
			}
			Row own = rows.get(0);
			return annex.required().stream().filter(code -> own.figure(code).value() == null).toList();
		}
	}

	/**
	 * A row of an annex: in a table of units, the unit, and for a subdivision whether its own report for the period was
	 * accepted (its figures are then those of that report); in a breakdown or a table of targets, the row's key
	 * (sex:FEMALE, a target's code) and label.
	 */
	public record Row(long unitId, String unitCode, String unitName, String key, String label, boolean reportingUnit,
			ReportStatus report, List<Figure> figures) {

		/** What the row is called: the unit, or the breakdown's value, or the target. */
		public String name() {
			return label != null ? label : unitName;
		}

		public Figure figure(String code) {
			return figures.stream().filter(f -> f.code().equals(code)).findFirst()
				.orElse(new Figure(code, null, Origin.MISSING));
		}
	}

	/**
	 * COMPUTED: from the records; ENTERED: an office's figure; REPORTED: from the subdivision's accepted report;
	 * SUMMED: the total of the subdivisions' rows; PLANNED: the plan's target; SUPPRESSED: a small count hidden from
	 * whoever drafted or reads the report ("< 5"); MISSING: none.
	 */
	public enum Origin {
		COMPUTED, ENTERED, REPORTED, SUMMED, PLANNED, SUPPRESSED, MISSING
	}

	public record Figure(String code, BigDecimal value, Origin origin) {
	}

	/** A task the reporting body owns (leads), with how far it has reported it. */
	public record TaskLine(String number, String statement, String leadAgency, String status, String latestPeriod) {
	}

	public record Event(String action, LocalDateTime at, String actor, String comment) {
	}
}
