package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The value of an indicator for a unit and a period, as the caller may see it.
 *
 * @param asOf the day a stock is taken on (the period's last day, or the last day of the current month)
 * @param status why there is a value or none: NOT_REPORTED (an entered figure nobody entered, not 0), NO_SOURCE (its
 *        records are not kept yet), NOT_AVAILABLE (a count of distinct records over several years), UNDEFINED (a
 *        ratio over 0)
 * @param value {@code null} when there is none, or when it is suppressed
 * @param suppressed a small count hidden from this caller (shown as "< 5"), or a ratio built on one
 * @param entered for an entered indicator: {@code true} when the unit entered it, {@code false} when it is the sum of
 *        the entries of {@code summedFrom}
 * @param locked an entered value a report used, which can no longer change
 * @param official for a computed value, the document it was taken from (an official figure entered for a period the
 *        records do not cover), shown as such; null when the records give it
 */
public record IndicatorValue(String code, long unitId, String unitCode, String unitName, String period,
		LocalDate asOf, Status status, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
		boolean suppressed, Boolean entered, List<String> summedFrom, boolean locked,
		List<Disaggregation> disaggregations, String official) {

	public enum Status {
		VALUE, NOT_REPORTED, NO_SOURCE, NOT_AVAILABLE, UNDEFINED
	}

	/** The value by one dimension (sex, age group, ...). */
	public record Disaggregation(String dimension, String label, List<Cell> values) {
	}

	public record Cell(String key, String label, BigDecimal value, boolean suppressed, Status status) {
	}

	public boolean hasValue() {
		return value != null;
	}
}
