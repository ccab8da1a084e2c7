package vn.vongtay.prostitution.web;

import java.util.List;

/** Helpers the pages of this module share: pagination by asking one row more than shown. */
final class Pages {

	static final int SIZE = 50;

	private Pages() {
	}

	static <T> List<T> shown(List<T> fetched) {
		return fetched.size() > SIZE ? fetched.subList(0, SIZE) : fetched;
	}

	static String blankToNull(String value) {
		return vn.vongtay.core.web.FormValues.blankToNull(value);
	}

	static Long parseLong(String value) {
		return vn.vongtay.core.web.FormValues.wholeNumber(value);
	}

	static <T> T at(List<T> list, int i) {
		return list == null || i >= list.size() ? null : list.get(i);
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, v);
		}
		catch (IllegalArgumentException e) {
			throw vn.vongtay.core.UserFacingException.invalid("error.field.invalid", value);
		}
	}

	static java.time.LocalDate parseDate(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(v);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw vn.vongtay.core.UserFacingException.invalid("error.field.invalid", value);
		}
	}
}
