package vn.vongtay.planning;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * A plan target that names the statistical indicator computing its achieved value, with its values by year and the
 * unit it applies to.
 */
public record BoundTarget(long planId, String planKey, String planNumber, String planTitle, long targetId,
		String targetCode, String statement, Measure measure, Direction direction, long unitId, String unitCode,
		String unitName, String indicatorCode, SortedMap<Integer, BigDecimal> values) {
}
