package vn.vongtay.reporting;

/**
 * A report is drafted by the reporting unit, submitted to the recipient, who accepts it (it is then locked, and so are
 * the entered figures it used) or returns it with a comment for the unit to correct and submit again. NOT_STARTED is
 * an obligation without a report yet.
 */
public enum ReportStatus {
	NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public boolean submitted() {
		return this == SUBMITTED || this == ACCEPTED;
	}
}
