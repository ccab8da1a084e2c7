package vn.vongtay.planning;

/** How often an allowance is paid to each person. */
public enum AllowancePeriod {
	MONTH, YEAR, ONCE
}
