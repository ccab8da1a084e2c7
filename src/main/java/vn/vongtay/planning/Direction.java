package vn.vongtay.planning;

/** Which side of a target value is good: reach at least, reduce to at most, or keep exactly at it. */
public enum Direction {
	AT_LEAST, AT_MOST, KEEP_AT
}
