package vn.vongtay.casework;

/** The identity of a case file (the row of {@code casework.child_case}). */
public record CaseId(long value) {

	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
