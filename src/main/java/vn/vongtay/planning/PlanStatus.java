package vn.vongtay.planning;

/** A draft has no number yet; an issued plan is tracked; a closed plan is kept for the record. */
public enum PlanStatus {
	DRAFT, ISSUED, CLOSED
}
