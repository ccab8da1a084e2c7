package vn.vongtay.planning;

/** The reports a plan's reporting regime asks for. */
public enum ReportKind {
	HALF_YEAR, ANNUAL, SUMMARY, QUARTERLY, MONTHLY, AD_HOC, FINAL
}
