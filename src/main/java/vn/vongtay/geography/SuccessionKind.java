package vn.vongtay.geography;

/** Whether a unit's whole area went to its successor, or only part of it. */
public enum SuccessionKind {
	FULL, PARTIAL
}
