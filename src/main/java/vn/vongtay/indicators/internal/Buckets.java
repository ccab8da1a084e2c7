package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.vongtay.core.Period;
import vn.vongtay.indicators.IndicatorPeriod;

/**
 * The buckets tallies are kept in, as integers: a month is {@code yyyyMM} (202405), a quarter {@code yyyy2q} (202402
 * is May, 202422 the second quarter), a half-year {@code yyyy3h} (202431), a year {@code yyyy00}. Stocks keep their
 * deltas in month buckets only, so the stock at the end of a month is the sum of the buckets up to it; {@link #OPEN}
 * holds what was there before any date (an establishment with no opening date).
 */
public final class Buckets {

	public static final int OPEN = 0;

	private Buckets() {
	}

	public static int month(LocalDate date) {
		return date.getYear() * 100 + date.getMonthValue();
	}

	public static int month(YearMonth month) {
		return month.getYear() * 100 + month.getMonthValue();
	}

	public static int quarter(LocalDate date) {
		return date.getYear() * 100 + 20 + (date.getMonthValue() + 2) / 3;
	}

	public static int half(LocalDate date) {
		return date.getYear() * 100 + 30 + (date.getMonthValue() <= 6 ? 1 : 2);
	}

	public static int year(int year) {
		return year * 100;
	}

	/** The month, quarter, half-year and year a day falls in: where a flow on that day is added. */
	public static int[] containing(LocalDate date) {
		return new int[] { month(date), quarter(date), half(date), year(date.getYear()) };
	}

	/**
	 * The buckets containing a day that do not end on it: where a record that was last there on that day counts as having
	 * left during the period (one that leaves on the period's last day is still in the stock at its end).
	 */
	public static List<Integer> containingBeforeEnd(LocalDate day) {
		List<Integer> buckets = new ArrayList<>(4);
		if (!day.equals(YearMonth.from(day).atEndOfMonth())) {
			buckets.add(month(day));
		}
		int quarterEndMonth = ((day.getMonthValue() + 2) / 3) * 3;
		if (!day.equals(YearMonth.of(day.getYear(), quarterEndMonth).atEndOfMonth())) {
			buckets.add(quarter(day));
		}
		if (!day.equals(LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 6 : 12, day.getMonthValue() <= 6 ? 30 : 31))) {
			buckets.add(half(day));
		}
		if (!day.equals(LocalDate.of(day.getYear(), 12, 31))) {
			buckets.add(year(day.getYear()));
		}
		return buckets;
	}

	/** Every bucket of every kind that shares at least one day with [from, to] (both inclusive). */
	public static Set<Integer> overlapping(LocalDate from, LocalDate to) {
		Set<Integer> buckets = new LinkedHashSet<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			for (int bucket : containing(m.atDay(1))) {
				buckets.add(bucket);
			}
		}
		return buckets;
	}

	/** The bucket a flow over a reporting period is read from. */
	public static int of(Period period) {
		return switch (period.kind()) {
			case YEAR -> year(period.year());
			case HALF_YEAR -> period.year() * 100 + 30 + period.number();
			case QUARTER -> period.year() * 100 + 20 + period.number();
			case MONTH -> period.year() * 100 + period.number();
		};
	}

	/** The buckets whose sum is a flow over the period: its own bucket, or the years of a plan. */
	public static List<Integer> flowBuckets(IndicatorPeriod period) {
		if (!period.isSpan()) {
			return List.of(of(period.period()));
		}
		List<Integer> years = new ArrayList<>();
		for (int y = period.fromYear(); y <= period.toYear(); y++) {
			years.add(year(y));
		}
		return years;
	}
}
