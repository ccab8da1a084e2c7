package vn.vongtay.prostitution;

public enum Sex {
	FEMALE, MALE, OTHER, UNKNOWN
}
