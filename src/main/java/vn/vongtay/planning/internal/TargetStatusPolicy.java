package vn.vongtay.planning.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;

import vn.vongtay.planning.Direction;
import vn.vongtay.planning.TargetStatus;

/**
 * Whether a target is on track given a value achieved on a date. The value is compared with the nearest target year at
 * or after that date (the last one once they have all passed):
 * <ul>
 * <li>the target is met: on track;</li>
 * <li>its year is over and the target is not met: off track;</li>
 * <li>otherwise the value is compared with the straight line from the starting value (the baseline, or for "at least"
 * targets without one, zero) at the start of the period to the target at the end of its year: on the good side of the
 * line is on track, within a tenth of the distance to cover is at risk, further is off track. A "reduce to at most"
 * target without a baseline has no line: not yet met is at risk. A "keep at" target is on track only at its value.</li>
 * </ul>
 */
public final class TargetStatusPolicy {

	private static final BigDecimal TOLERANCE = new BigDecimal("0.1");

	private TargetStatusPolicy() {
	}

	public static TargetStatus assess(Direction direction, BigDecimal baselineValue, Integer baselineYear,
			int planStartYear, SortedMap<Integer, BigDecimal> values, BigDecimal achieved, LocalDate asOf) {
		if (achieved == null || values.isEmpty() || direction == null) {
			return TargetStatus.NO_DATA;
		}
		Map.Entry<Integer, BigDecimal> goal = values.tailMap(asOf.getYear()).isEmpty() ? lastEntry(values)
				: values.tailMap(asOf.getYear()).entrySet().iterator().next();
		BigDecimal target = goal.getValue();
		if (met(direction, achieved, target)) {
			return TargetStatus.ON_TRACK;
		}
		LocalDate end = LocalDate.of(goal.getKey(), 12, 31);
		if (direction == Direction.KEEP_AT || !asOf.isBefore(end)) {
			return TargetStatus.OFF_TRACK;
		}
		BigDecimal start = baselineValue != null ? baselineValue : direction == Direction.AT_LEAST ? BigDecimal.ZERO : null;
		if (start == null) {
			return TargetStatus.AT_RISK;
		}
		LocalDate from = baselineYear != null ? LocalDate.of(baselineYear, 12, 31) : LocalDate.of(planStartYear, 1, 1);
		long total = ChronoUnit.DAYS.between(from, end);
		long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(from, asOf)));
		BigDecimal distance = target.subtract(start);
		BigDecimal expected = total <= 0 ? target
				: start.add(distance.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64));
		if (met(direction, achieved, expected)) {
			return TargetStatus.ON_TRACK;
		}
		BigDecimal shortfall = achieved.subtract(expected).abs();
		return shortfall.compareTo(distance.abs().multiply(TOLERANCE)) <= 0 ? TargetStatus.AT_RISK : TargetStatus.OFF_TRACK;
	}

	private static boolean met(Direction direction, BigDecimal achieved, BigDecimal target) {
		int comparison = achieved.compareTo(target);
		return switch (direction) {
			case AT_LEAST -> comparison >= 0;
			case AT_MOST -> comparison <= 0;
			case KEEP_AT -> comparison == 0;
		};
	}

	private static <K, V> Map.Entry<K, V> lastEntry(SortedMap<K, V> map) {
		K last = map.lastKey();
		return Map.entry(last, map.get(last));
	}
}
