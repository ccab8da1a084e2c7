package vn.vongtay.children;

import java.time.LocalDate;

/**
 * A search of the register as officials type it: {@code text} is a name (without diacritics, any case, with a typo) or
 * a 12-digit identification number; the other criteria narrow it. Children only (under 16 on {@code asOf}) unless
 * {@code includeAdults}.
 */
public record ChildQuery(String text, String unitCode, LocalDate bornFrom, LocalDate bornTo, String groupCode,
		boolean atRisk, boolean includeAdults, LocalDate asOf, int page, int size) {

	public ChildQuery {
		page = Math.max(0, page);
		size = Math.min(Math.max(1, size), 500);
	}

	public static ChildQuery text(String text, int page, int size) {
		return new ChildQuery(text, null, null, null, null, false, false, null, page, size);
	}
}
