package vn.vongtay.prostitution;

public enum EstablishmentStatus {
	OPEN, SUSPENDED, CLOSED
}
