package vn.vongtay.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;

/**
 * The period a figure is for: a month, quarter, half-year or year ({@link Period}), or the years of a plan
 * ({@code 2021-2025}). Written as in URLs: {@code 2026}, {@code 2026-H1}, {@code 2026-Q2}, {@code 2026-05}, {@code 2021-2025}.
 */
public record IndicatorPeriod(Period period, int fromYear, int toYear) implements Comparable<IndicatorPeriod> {

	private static final Pattern SPAN = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{4})");

	public IndicatorPeriod {
		if (period == null && (fromYear < 1900 || toYear > 2200 || fromYear >= toYear)) {
			throw new IllegalArgumentException("years " + fromYear + "-" + toYear);
		}
	}

	public static IndicatorPeriod of(Period period) {
		return new IndicatorPeriod(period, period.year(), period.year());
	}

	public static IndicatorPeriod year(int year) {
		return of(Period.year(year));
	}

	/** The years of a plan, both included; a single year is that year. */
	public static IndicatorPeriod years(int from, int to) {
		return from == to ? year(from) : new IndicatorPeriod(null, from, to);
	}

	/** @throws UserFacingException 400 when the code is no period */
	public static IndicatorPeriod parse(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		Matcher span = SPAN.matcher(c);
		if (span.matches()) {
			int from = Integer.parseInt(span.group(1));
			int to = Integer.parseInt(span.group(2));
			if (from >= to || from < 1900 || to > 2200) {
				throw UserFacingException.invalid("error.period.format", code);
			}
			return years(from, to);
		}
		return of(Period.parse(c));
	}

	/** True for the years of a plan, which are no reporting period of their own. */
	public boolean isSpan() {
		return period == null;
	}

	public String code() {
		return isSpan() ? fromYear + "-" + toYear : period.code();
	}

	public LocalDate start() {
		return isSpan() ? LocalDate.of(fromYear, 1, 1) : period.start();
	}

	public LocalDate end() {
		return isSpan() ? LocalDate.of(toYear, 12, 31) : period.end();
	}

	public Period.Kind kind() {
		return isSpan() ? null : period.kind();
	}

	/** The same kind of period just before this one (the previous month, quarter, year or span of as many years). */
	public IndicatorPeriod previous() {
		if (isSpan()) {
			int length = toYear - fromYear + 1;
			return years(fromYear - length, toYear - length);
		}
		return switch (period.kind()) {
			case YEAR -> year(period.year() - 1);
			case HALF_YEAR -> of(period.number() == 1 ? Period.half(period.year() - 1, 2) : Period.half(period.year(), 1));
			case QUARTER -> of(period.number() == 1 ? Period.quarter(period.year() - 1, 4)
					: Period.quarter(period.year(), period.number() - 1));
			case MONTH -> of(period.number() == 1 ? new Period(Period.Kind.MONTH, period.year() - 1, 12)
					: new Period(Period.Kind.MONTH, period.year(), period.number() - 1));
		};
	}

	/** This period and the {@code count - 1} before it, oldest first. */
	public List<IndicatorPeriod> lastPeriods(int count) {
		List<IndicatorPeriod> periods = new ArrayList<>();
		IndicatorPeriod p = this;
		for (int i = 0; i < count; i++) {
			periods.add(0, p);
			p = p.previous();
		}
		return periods;
	}

	/** The message key naming the period ({@code period.YEAR} = "Năm {0}", a span: "Giai đoạn {0} - {1}"). */
	public String messageKey() {
		return isSpan() ? "indicators.period.span" : period.messageKey();
	}

	public Object[] messageArguments() {
		return isSpan() ? new Object[] { String.valueOf(fromYear), String.valueOf(toYear) } : period.messageArguments();
	}

	@Override
	public int compareTo(IndicatorPeriod other) {
		int byEnd = end().compareTo(other.end());
		return byEnd != 0 ? byEnd : other.start().compareTo(start());
	}

	@Override
	public String toString() {
		return code();
	}
}
