package vn.vongtay.childfriendly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The system's own figures of a commune for a year, as the caller may see them: the evidence of a criterion that the
 * commune does not have to enter again. The indicators module provides it (it counts this module's recognitions, so
 * this module cannot call it directly without a cycle).
 */
public interface CommuneFigures {

	/** The figures of the indicators for the commune and year; codes the catalogue does not know are left out. */
	List<Figure> of(long communeId, int year, Collection<String> indicatorCodes);

	/** The names of the indicators as the catalogue gives them, so that no page shows a bare code. */
	Map<String, String> names(Collection<String> indicatorCodes);

	/**
	 * One figure and where it comes from.
	 *
	 * @param method COMPUTED (counted from the system's records), ENTERED (entered by a sector) or RATIO
	 * @param unit COUNT, PERCENT, PER_1000, PER_100000, VND or OTHER
	 * @param status VALUE, NOT_REPORTED, NO_SOURCE, NOT_AVAILABLE or UNDEFINED (as the indicators say)
	 */
	record Figure(String indicatorCode, String name, String method, String unit, BigDecimal value, boolean suppressed,
			String status, String period, LocalDate asOf, String source) {
	}
}
