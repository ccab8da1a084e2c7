package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A periodic report as its unit drafts it and its recipient reviews it: the narrative sections the seed plans use, the
 * progress of the plan's tasks, the annex tables, and what happened to it.
 */
public record PeriodicReport(long id, Obligation obligation, ReportStatus status, String number, Sections sections,
		String signerName, String signerTitle, String createdBy, LocalDateTime submittedAt,
		LocalDateTime returnedAt, String returnedBy, String returnComment, LocalDateTime acceptedAt,
		String acceptedBy, List<AnnexTable> annexes, List<TaskLine> tasks, List<Event> events, int version) {

	/** Kết quả đạt được; hạn chế; nguyên nhân; đề xuất, kiến nghị. */
	public record Sections(String results, String limitations, String causes, String proposals) {
	}

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
	 * SUMMED: the total of the subdivisions' rows; MISSING: none.
	 */
	public enum Origin {
		COMPUTED, ENTERED, REPORTED, SUMMED, MISSING
	}

	public record Figure(String code, BigDecimal value, Origin origin) {
	}

	/** A task of the plan the report is for, with how far its lead agency has reported it. */
	public record TaskLine(String number, String statement, String leadAgency, String status, String latestPeriod) {
	}

	public record Event(String action, LocalDateTime at, String actor, String comment) {
	}
}
