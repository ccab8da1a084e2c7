package vn.vongtay.core.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import vn.vongtay.core.InputProblem;

/**
 * Reads a form's text fields into values as an office types them, noting every field that cannot be read instead of
 * stopping at the first: a blank is absent, whole numbers may carry Vietnamese grouping (1.250), dates are dd/mm/yyyy
 * (or ISO, as a date input sends them). A field that cannot be read gives {@code null} and a problem naming it, which
 * {@link Forms} shows under the field; the action is not run while any remain.
 */
public final class FormInput {

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final DateTimeFormatter DAY_MONTH_YEAR_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	private final List<InputProblem> problems = new ArrayList<>();

	/** The text, stripped, or {@code null} for a blank, which is a problem: the field is required. */
	public String required(String field, String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			problem(field, "form.error.required");
		}
		return value;
	}

	/** A whole number (8, 1.250, 1 250), or {@code null} for a blank. */
	public Long wholeNumber(String field, String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			return null;
		}
		String digits = value.replace(".", "").replace(" ", "").replace("\u00a0", "");
		if (!digits.matches("-?\\d{1,18}")) {
			problem(field, "form.error.whole-number", value);
			return null;
		}
		return Long.valueOf(digits);
	}

	/** A whole number that fits an {@code int} (an age, a count of people), or {@code null} for a blank. */
	public Integer integer(String field, String text) {
		Long value = wholeNumber(field, text);
		if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
			problem(field, "form.error.whole-number", text.strip());
			return null;
		}
		return value == null ? null : value.intValue();
	}

	/** A day as dd/mm/yyyy (1/7/2025 too) or ISO (2025-07-01), or {@code null} for a blank. */
	public LocalDate date(String field, String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problem(field, "form.error.date", value);
			return null;
		}
	}

	/** A day and time as dd/mm/yyyy hh:mm or as a datetime-local input sends it (2026-12-02T08:30). */
	public LocalDateTime dateTime(String field, String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return value.contains("/") ? LocalDateTime.parse(value.replaceAll("\\s+", " "), DAY_MONTH_YEAR_TIME)
					: LocalDateTime.parse(value);
		}
		catch (DateTimeParseException e) {
			problem(field, "form.error.date-time", value);
			return null;
		}
	}

	/** One of a list's choices, by the constant's name, or {@code null} for none chosen. */
	public <E extends Enum<E>> E choice(String field, Class<E> type, String text) {
		String value = FormValues.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			problem(field, "form.error.choice");
			return null;
		}
	}

	/** A problem the form itself sees (two fields that disagree, a required choice left empty). */
	public void problem(String field, String messageKey, Object... arguments) {
		problems.add(InputProblem.field(field, messageKey, arguments));
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}

	public List<InputProblem> problems() {
		return List.copyOf(problems);
	}
}
