package vn.vongtay.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as Vietnamese offices count them: a year, a half-year ("6 tháng đầu năm"), a quarter or a month.
 * Written {@code 2024}, {@code 2024-H1}, {@code 2024-Q2} or {@code 2024-05}, the form used in URLs, files and tables.
 */
public record Period(Kind kind, int year, int number) implements Comparable<Period> {

	public enum Kind {
		YEAR, HALF_YEAR, QUARTER, MONTH
	}

	private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?");

	/** The years offices report on: a year outside is a typing error, not a period. */
	public static final int FIRST_YEAR = 1900;
	public static final int LAST_YEAR = 2200;

	public Period {
		int max = switch (kind) {
			case YEAR -> 0;
			case HALF_YEAR -> 2;
			case QUARTER -> 4;
			case MONTH -> 12;
		};
		if (year < FIRST_YEAR || year > LAST_YEAR || (kind == Kind.YEAR ? number != 0 : number < 1 || number > max)) {
			throw new IllegalArgumentException("period " + kind + " " + year + "/" + number);
		}
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, year, 0);
	}

	public static Period half(int year, int half) {
		return new Period(Kind.HALF_YEAR, year, half);
	}

	public static Period quarter(int year, int quarter) {
		return new Period(Kind.QUARTER, year, quarter);
	}

	/** @throws UserFacingException 400 when the code is not a period, or its year is not one offices report on */
	public static Period parse(String code) {
		Matcher m = code == null ? null : CODE.matcher(code.strip().toUpperCase(Locale.ROOT));
		if (m == null || !m.matches()) {
			throw UserFacingException.invalid("error.period.format", String.valueOf(code));
		}
		int year = Integer.parseInt(m.group(1));
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw UserFacingException.invalid("error.period.year", code.strip(), FIRST_YEAR, LAST_YEAR);
		}
		String part = m.group(2);
		if (part == null) {
			return year(year);
		}
		return switch (part.charAt(0)) {
			case 'H' -> half(year, part.charAt(1) - '0');
			case 'Q' -> quarter(year, part.charAt(1) - '0');
			default -> new Period(Kind.MONTH, year, Integer.parseInt(part));
		};
	}

	public String code() {
		return switch (kind) {
			case YEAR -> String.valueOf(year);
			case HALF_YEAR -> year + "-H" + number;
			case QUARTER -> year + "-Q" + number;
			case MONTH -> "%d-%02d".formatted(year, number);
		};
	}

	public LocalDate start() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 1, 1);
			case HALF_YEAR -> LocalDate.of(year, number == 1 ? 1 : 7, 1);
			case QUARTER -> LocalDate.of(year, 3 * number - 2, 1);
			case MONTH -> LocalDate.of(year, number, 1);
		};
	}

	public LocalDate end() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 12, 31);
			case HALF_YEAR -> number == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
			case QUARTER -> YearMonth.of(year, 3 * number).atEndOfMonth();
			case MONTH -> YearMonth.of(year, number).atEndOfMonth();
		};
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start()) && !date.isAfter(end());
	}

	/** The periods offices report on within the given years: each year, its halves and its quarters. */
	public static List<Period> reportingPeriods(int fromYear, int toYear) {
		List<Period> periods = new ArrayList<>();
		for (int y = fromYear; y <= toYear; y++) {
			for (int q = 1; q <= 4; q++) {
				periods.add(quarter(y, q));
			}
			periods.add(half(y, 1));
			periods.add(half(y, 2));
			periods.add(year(y));
		}
		periods.sort(null);
		return periods;
	}

	/** Ordered by end date, the longer period last among those ending together (Q2, H1; Q4, H2, year). */
	@Override
	public int compareTo(Period other) {
		int byEnd = end().compareTo(other.end());
		return byEnd != 0 ? byEnd : other.start().compareTo(start());
	}

	/** The message key naming this period in the UI ({@code period.HALF_YEAR.1} = "6 tháng đầu năm {0}"). */
	public String messageKey() {
		return kind == Kind.HALF_YEAR ? "period.HALF_YEAR." + number : "period." + kind.name();
	}

	/** Year and number as text, so that a message never groups the year as "2.024". */
	public Object[] messageArguments() {
		return new Object[] { String.valueOf(year), String.valueOf(number) };
	}

	@Override
	public String toString() {
		return code();
	}
}
