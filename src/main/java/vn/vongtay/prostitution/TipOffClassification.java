package vn.vongtay.prostitution;

/** Where a verified tip-off goes: administrative handling, a criminal investigation, or another competent body. */
public enum TipOffClassification {
	ADMINISTRATIVE, CRIMINAL, OTHER_AUTHORITY
}
