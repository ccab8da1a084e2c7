package vn.vongtay.calendar;

/**
 * A day of the Vietnamese lunar calendar (âm lịch).
 *
 * @param year the lunar year, named by the Gregorian year in which it begins (Tết 2026 begins lunar year 2026)
 * @param month 1 to 12; month 12 is tháng Chạp, month 1 tháng Giêng
 * @param day 1 to 30
 * @param leapMonth whether the month is the leap month (tháng nhuận) that repeats {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

	public LunarDate {
		if (month < 1 || month > 12 || day < 1 || day > 30) {
			throw new IllegalArgumentException("no lunar day " + day + "/" + month + "/" + year);
		}
	}
}
