package vn.vongtay.prostitution;

/** Where a person stands in returning to community life (hòa nhập cộng đồng). */
public enum ReintegrationStatus {
	NOT_STARTED, IN_PROGRESS, REINTEGRATED, LOST_CONTACT
}
