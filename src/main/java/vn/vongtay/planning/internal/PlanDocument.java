package vn.vongtay.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import vn.vongtay.directory.AgencyKind;
import vn.vongtay.planning.AllowanceBasis;
import vn.vongtay.planning.AllowancePeriod;
import vn.vongtay.planning.Direction;
import vn.vongtay.planning.Measure;
import vn.vongtay.planning.PlanKind;
import vn.vongtay.planning.PlanStatus;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.planning.TimeframeKind;

/**
 * A plan as written in the exchange format {@code vongtay-plan/2} (see {@code docs/plan-format.md}): what an import
 * reads and an export writes. Agencies are named by keys declared in the document; {@link Place}s say where each part
 * was written so that an error found against the database still points into the file.
 */
record PlanDocument(Header plan, List<AgencyEntry> agencies, List<ObjectiveEntry> objectives,
		List<FigureEntry> figures, List<AllowanceEntry> allowances, List<TaskEntry> tasks,
		List<ReportingEntry> reporting) {

	/** The format written; {@link #FORMAT_1} documents are read too, since 2 only adds to it. */
	static final String FORMAT = "vongtay-plan/2";

	static final String FORMAT_1 = "vongtay-plan/1";

	/** A line of the file (1-based, or null when not read from a file) and the path to the value. */
	record Place(Integer line, String path) {
	}

	record Header(String key, PlanKind kind, String number, LocalDate issuedOn, String title, int yearFrom,
			Integer yearTo, PlanStatus status, String issuerUnitCode, String issuerAgency, Submission submission,
			String sourceFile, String summary, List<Reference> basedOn, String originalText, Place keyPlace,
			Place issuerPlace) {

		Header withOriginalText(String text) {
			return new Header(key, kind, number, issuedOn, title, yearFrom, yearTo, status, issuerUnitCode, issuerAgency,
					submission, sourceFile, summary, basedOn, java.text.Normalizer.normalize(text,
							java.text.Normalizer.Form.NFC), keyPlace, issuerPlace);
		}

		/** The date the plan's units and agencies are looked up at: its issue date, or the start of its period. */
		LocalDate asOf() {
			return issuedOn != null ? issuedOn : LocalDate.of(yearFrom, 1, 1);
		}
	}

	record Submission(String number, LocalDate issuedOn, String title) {
	}

	record Reference(String kind, String number, LocalDate date, String issuer, String title, boolean implementsIt) {
	}

	record AgencyEntry(String key, AgencyKind kind, String name, String unitCode, Place place) {
	}

	record ObjectiveEntry(String number, ObjectiveKind kind, String statement, List<TargetEntry> targets) {
	}

	enum ObjectiveKind {
		GENERAL, SPECIFIC
	}

	/** {@code upTo} holds the upper bound of the years whose value is a range. */
	record TargetEntry(String code, String statement, Measure unit, Direction direction, BigDecimal baselineValue,
			Integer baselineYear, SortedMap<Integer, BigDecimal> values, SortedMap<Integer, BigDecimal> upTo,
			Integer baseYear, String unitCode, String indicator, List<TargetEntry> parts, Place place) {
	}

	/** A figure of the situation the plan starts from: a stock at the end of {@code toYear}, or a sum over the years. */
	record FigureEntry(String statement, BigDecimal value, Measure unit, Integer fromYear, Integer toYear,
			String unitCode, String indicator, String note, Place place) {
	}

	record AllowanceEntry(String recipient, BigDecimal coefficient, AllowanceBasis basis, BigDecimal amount,
			AllowancePeriod period, String text) {
	}

	record TaskEntry(String number, String section, String statement, String lead, List<String> partners,
			Timeframe timeframe, String expectedResult, List<Answer> answers) {
	}

	record Timeframe(TimeframeKind kind, Integer year, Integer quarter, LocalDate dueOn, String text) {
	}

	/** A task of a higher plan (by that plan's number, as cited in {@code basedOn}) that this task answers. */
	record Answer(String plan, String task) {
	}

	/**
	 * An entry of the reporting regime. {@code reporter} names the body as the text does ("các phòng, ngành: Văn hóa -
	 * Thông tin, Y tế, ...; UBND các xã, thị trấn"); {@code reporters}, when given, the bodies that phrase stands for,
	 * each of which owes the report.
	 */
	record ReportingEntry(ReportKind kind, String reporter, List<String> reporters, String recipient, Integer fromYear,
			Integer toYear, Integer half, Integer quarter, Integer month, LocalDate dueOn, List<String> annexes,
			String text) {
	}
}
