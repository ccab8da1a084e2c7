package vn.vongtay.core.web;

import vn.vongtay.core.UserFacingException;

/** Form fields as offices fill them: blanks are absent, whole numbers may carry Vietnamese grouping (1.250). */
public final class FormValues {

	private FormValues() {
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** @throws UserFacingException 400 when the text is not a whole number */
	public static Long wholeNumber(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Long.valueOf(v.replace(".", "").replace(" ", ""));
		}
		catch (NumberFormatException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}

	/** @throws UserFacingException 400 when the text names no constant of the type */
	public static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, v);
		}
		catch (IllegalArgumentException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}

	/** The constants named by the values, blanks skipped. */
	public static <E extends Enum<E>> java.util.Set<E> enumValues(Class<E> type, java.util.List<String> values) {
		java.util.Set<E> set = java.util.EnumSet.noneOf(type);
		if (values != null) {
			values.stream().map(v -> enumValue(type, v)).filter(java.util.Objects::nonNull).forEach(set::add);
		}
		return set;
	}

	/** An ISO date (2026-12-02, as a date input sends it) or dd/MM/yyyy. */
	public static java.time.LocalDate date(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return v.contains("/") ? java.time.LocalDate.parse(v, java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"))
					: java.time.LocalDate.parse(v);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}

	/** A local date and time as a datetime-local input sends it (2026-12-02T08:30). */
	public static java.time.LocalDateTime dateTime(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return java.time.LocalDateTime.parse(v);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}

	/** A day as a form shows it for typing (dd/MM/yyyy), or {@code null}. */
	public static String dayMonthYear(java.time.LocalDate day) {
		return day == null ? null : day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"));
	}
}
