package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.util.List;

import vn.vongtay.planning.BoundTarget;

/**
 * What an indicator's page shows for a unit and period: the value with its breakdowns, the subdivisions (drill-down),
 * the last periods, the units above (for the way back up) and the plan targets bound to the indicator.
 *
 * @param path the unit and the units above it, from the nation; {@code reachable} for those the caller may open
 */
public record Dashboard(Indicator indicator, IndicatorPeriod period, IndicatorValue value,
		List<IndicatorValue> subdivisions, List<IndicatorValue> series, List<Step> path, List<TargetLine> targets) {

	public record Step(String unitCode, String unitName, boolean reachable) {
	}

	/** A plan target with, for each of its years, what the indicator gives for the target's unit. */
	public record TargetLine(BoundTarget target, List<TargetYear> years) {
	}

	/**
	 * @param met whether the achieved value meets the target in its direction; {@code null} when there is no value or
	 *        the year has not begun
	 * @param unitEnded the target's unit ended before the year did (a district abolished in 2025): its year has no
	 *        figure of its own
	 */
	public record TargetYear(int year, BigDecimal target, IndicatorValue achieved, Boolean met, boolean unitEnded) {
	}
}
