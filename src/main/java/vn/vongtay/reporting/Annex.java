package vn.vongtay.reporting;

import java.util.List;

/**
 * An annex (phụ lục) of a periodic report: a table of indicators, one row for the reporting unit and one for each of
 * its subdivisions; {@code required} figures must be there for the reporting unit before the report is submitted.
 */
public record Annex(String code, String title, String titleEn, List<String> indicators, List<String> required) {

	public String title(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : title;
	}
}
