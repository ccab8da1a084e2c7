package vn.vongtay.reporting;

import java.util.List;

/**
 * An annex (phụ lục) of a periodic report, a table of indicators: one row for the reporting unit and one for each of
 * its subdivisions (UNITS); the reporting unit's figures by the values of one or more breakdowns, the 14 groups of
 * special circumstances, sex, age group, ethnicity, form of abuse (BREAKDOWN); or one row per target of the plan the
 * report is on, with its value for the year and what was achieved (TARGETS). {@code required} figures must be there
 * for the reporting unit before the report is submitted.
 */
public record Annex(String code, Kind kind, String title, String titleEn, List<String> indicators,
		List<String> dimensions, List<String> required) {

	public enum Kind {
		UNITS, BREAKDOWN, TARGETS
	}

	/** A table of units, as most annexes are. */
	public Annex(String code, String title, String titleEn, List<String> indicators, List<String> required) {
		this(code, Kind.UNITS, title, titleEn, indicators, List.of(), required);
	}

	public String title(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : title;
	}
}
