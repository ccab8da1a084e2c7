package vn.vongtay.planning;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The values of statistical indicators, as the caller may see them, for the plan targets bound to an indicator
 * ({@code indicator:} in the plan format). The indicators module computes them and answers through this interface, so
 * that a target shows the indicator's value and nothing computes it a second way (issue 18: Thọ Xuân's target 5.1-a
 * read 8,67 % on the indicator and 10,0 % on a figure of its own).
 */
public interface IndicatorReadings {

	/**
	 * An indicator's value for a unit and year. {@code value} is {@code null} when there is none, or when it is hidden
	 * from the caller ({@code suppressed}: a small count, or a rate built on one); {@code numerator} and
	 * {@code denominator} are those of a rate.
	 */
	record Reading(String indicatorCode, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			boolean suppressed) {
	}

	/** The values of the indicators with these codes for the unit in the year; codes that name no indicator are left out. */
	Map<String, Reading> read(long unitId, int year, Collection<String> codes);
}
