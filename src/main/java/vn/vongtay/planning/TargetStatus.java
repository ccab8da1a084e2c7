package vn.vongtay.planning;

/** How a target stands given what has been achieved so far; {@code NO_DATA} until a value is recorded. */
public enum TargetStatus {
	ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA
}
