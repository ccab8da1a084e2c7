package vn.vongtay.casework;

/** A plan is drafted by the case worker, submitted, and approved by the commune chairman (or returned to draft). */
public enum PlanStatus {
	DRAFT, SUBMITTED, APPROVED
}
