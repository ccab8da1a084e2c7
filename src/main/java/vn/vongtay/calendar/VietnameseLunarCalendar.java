package vn.vongtay.calendar;

import java.time.LocalDate;

/**
 * Conversion between the Gregorian and the Vietnamese lunar calendar, after the algorithm Hồ Ngọc Đức published
 * (astronomical new moons and the sun's longitude for the solar terms, from Jean Meeus's formulas), in Vietnam's time
 * zone UTC+7.
 *
 * <p>The time zone matters: the Vietnamese calendar has used UTC+7 since 1968, and a new moon shortly before midnight
 * in Hà Nội falls on the next day in Beijing, so Tết differs from the Chinese New Year in some years (17/02/2007 against
 * 18/02/2007, 02/02/2030 against 03/02/2030). A Chinese calendar table is therefore no substitute.
 *
 * <p>Rules: a lunar month starts on the day (UTC+7) of a new moon; month 11 is the one that holds the winter solstice;
 * when two consecutive month-11 starts are 13 months apart, the first month after month 11 that holds no major solar term
 * (trung khí) is the leap month, numbered like the month before it. Accurate for the years this system uses (1968 to
 * 2199).
 */
public final class VietnameseLunarCalendar {

	private static final double TIME_ZONE = 7.0;

	/** The Julian day number of 1970-01-01, so that {@code LocalDate.toEpochDay} gives Julian day numbers. */
	private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

	/** The Julian date of the new moon of 1 January 1900, from which new moons are counted. */
	private static final double NEW_MOON_1900 = 2_415_021.076998695;

	private static final double SYNODIC_MONTH = 29.530588853;

	private VietnameseLunarCalendar() {
	}

	public static LunarDate toLunar(LocalDate date) {
		int dayNumber = julianDay(date);
		int k = (int) Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH);
		// the estimate of k can be one month off either way, as a new moon wanders up to 14 hours from the mean
		while (newMoonDay(k + 1) <= dayNumber) {
			k++;
		}
		while (newMoonDay(k) > dayNumber) {
			k--;
		}
		int monthStart = newMoonDay(k);
		int yy = date.getYear();
		int a11 = lunarMonth11(yy);
		int b11 = a11;
		int lunarYear;
		if (a11 >= monthStart) {
			lunarYear = yy;
			a11 = lunarMonth11(yy - 1);
		}
		else {
			lunarYear = yy + 1;
			b11 = lunarMonth11(yy + 1);
		}
		int lunarDay = dayNumber - monthStart + 1;
		int diff = (int) Math.floor((monthStart - a11) / 29.0);
		boolean leap = false;
		int lunarMonth = diff + 11;
		if (b11 - a11 > 365) {
			int leapMonthDiff = leapMonthOffset(a11);
			if (diff >= leapMonthDiff) {
				lunarMonth = diff + 10;
				leap = diff == leapMonthDiff;
			}
		}
		if (lunarMonth > 12) {
			lunarMonth -= 12;
		}
		if (lunarMonth >= 11 && diff < 4) {
			lunarYear -= 1;
		}
		return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
	}

	/**
	 * The Gregorian day of a lunar day.
	 *
	 * @throws IllegalArgumentException when {@code leapMonth} is set and that year has no leap month {@code month}, or
	 *         when the month has no day 30
	 */
	public static LocalDate toSolar(LunarDate lunar) {
		int a11;
		int b11;
		if (lunar.month() < 11) {
			a11 = lunarMonth11(lunar.year() - 1);
			b11 = lunarMonth11(lunar.year());
		}
		else {
			a11 = lunarMonth11(lunar.year());
			b11 = lunarMonth11(lunar.year() + 1);
		}
		int k = (int) Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
		int off = lunar.month() - 11;
		if (off < 0) {
			off += 12;
		}
		if (b11 - a11 > 365) {
			int leapOff = leapMonthOffset(a11);
			int leapMonth = leapOff - 2;
			if (leapMonth < 0) {
				leapMonth += 12;
			}
			if (lunar.leapMonth() && lunar.month() != leapMonth) {
				throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month " + lunar.month());
			}
			if (lunar.leapMonth() || off >= leapOff) {
				off += 1;
			}
		}
		else if (lunar.leapMonth()) {
			throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month");
		}
		int monthStart = newMoonDay(k + off);
		if (lunar.day() == 30 && newMoonDay(k + off + 1) - monthStart < 30) {
			throw new IllegalArgumentException("lunar month " + lunar.month() + " of " + lunar.year() + " has 29 days");
		}
		return date(monthStart + lunar.day() - 1);
	}

	/** The first day of the lunar year that begins in {@code year} (mùng 1 Tết). */
	public static LocalDate lunarNewYear(int year) {
		return toSolar(new LunarDate(year, 1, 1, false));
	}

	private static int julianDay(LocalDate date) {
		return Math.toIntExact(date.toEpochDay() + JULIAN_DAY_OF_EPOCH);
	}

	private static LocalDate date(int julianDay) {
		return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
	}

	/** The day (in UTC+7) of the k-th new moon after the one of 1 January 1900. */
	static int newMoonDay(int k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m)
				- 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr)
				- 0.0004 * Math.sin(dr * 3 * mpr)
				+ 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr))
				- 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m))
				- 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr))
				+ 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT = t < -11
				? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
				: -0.000278 + 0.000265 * t + 0.000262 * t2;
		double jdNew = jd1 + c1 - deltaT;
		return (int) Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
	}

	/** Which twelfth of the ecliptic (0 to 11, 30 degrees each) the sun is in at the start of the day (UTC+7). */
	static int sunLongitudeSector(int dayNumber) {
		double t = (dayNumber - 2451545.5 - TIME_ZONE / 24) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m)
				+ (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		l -= Math.PI * 2 * Math.floor(l / (Math.PI * 2));
		return (int) Math.floor(l / Math.PI * 6);
	}

	/** The first day of the lunar month 11 (the month of the winter solstice) that starts in Gregorian {@code year}. */
	private static int lunarMonth11(int year) {
		double off = julianDay(LocalDate.of(year, 12, 31)) - 2415021.0;
		int k = (int) Math.floor(off / SYNODIC_MONTH);
		int newMoon = newMoonDay(k);
		if (sunLongitudeSector(newMoon) >= 9) {
			newMoon = newMoonDay(k - 1);
		}
		return newMoon;
	}

	/** How many months after month 11 (starting on {@code a11}) the leap month comes, in a 13-month year. */
	private static int leapMonthOffset(int a11) {
		int k = (int) Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
		int i = 1;
		int arc = sunLongitudeSector(newMoonDay(k + i));
		int last;
		do {
			last = arc;
			i++;
			arc = sunLongitudeSector(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}
}
