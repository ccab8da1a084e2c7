package vn.vongtay.planning;

/**
 * When a task is due: continuously ("thường xuyên trong năm"), within a year, within a quarter, by a deadline, or over
 * the plan's whole period.
 */
public enum TimeframeKind {
	CONTINUOUS, YEAR, QUARTER, DEADLINE, PLAN_PERIOD
}
