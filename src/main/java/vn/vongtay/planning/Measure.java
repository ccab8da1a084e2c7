package vn.vongtay.planning;

/** What a target's values count. A qualitative target ("tăng cường thông tin ...") has no values and is assessed. */
public enum Measure {
	PERCENT, COUNT, PER_1000, PER_100000, VND, OTHER, QUALITATIVE;

	public boolean quantitative() {
		return this != QUALITATIVE;
	}
}
