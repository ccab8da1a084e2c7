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

	/** An annex: its columns (indicators) and a row for the reporting unit, then one for each subdivision. */
	public record AnnexTable(Annex annex, List<FigureSource.Column> columns, List<Row> rows) {

		/** The figures missing for the reporting unit among those required. */
		public List<String> missingRequired() {
			Row own = rows.get(0);
			return annex.required().stream().filter(code -> own.figure(code).value() == null).toList();
		}
	}

	/**
	 * A row of an annex: the unit, and for a subdivision whether its own report for the period was accepted (its
	 * figures are then those of that report).
	 */
	public record Row(long unitId, String unitCode, String unitName, boolean reportingUnit, ReportStatus report,
			List<Figure> figures) {

		public Figure figure(String code) {
			return figures.stream().filter(f -> f.code().equals(code)).findFirst()
				.orElse(new Figure(code, null, Origin.MISSING));
		}
	}

	/**
	 * COMPUTED: from the records; ENTERED: an office's figure; REPORTED: from the subdivision's accepted report;
	 * SUMMED: the total of the subdivisions' rows; SUPPRESSED: a small count hidden from whoever drafted or reads the
	 * report ("< 5"); MISSING: none.
	 */
	public enum Origin {
		COMPUTED, ENTERED, REPORTED, SUMMED, SUPPRESSED, MISSING
	}

	public record Figure(String code, BigDecimal value, Origin origin) {
	}

	/** A task the reporting body owns (leads), with how far it has reported it. */
	public record TaskLine(String number, String statement, String leadAgency, String status, String latestPeriod) {
	}

	public record Event(String action, LocalDateTime at, String actor, String comment) {
	}
}
