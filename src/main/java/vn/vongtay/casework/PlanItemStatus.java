package vn.vongtay.casework;

public enum PlanItemStatus {
	PLANNED, IN_PROGRESS, DONE, CANCELLED
}
