package vn.vongtay.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.vongtay.calendar.CalendarDay.Kind;

/**
 * The public holidays the Labour Code gives every year, and the days off in lieu of those that fall on a weekend, as a
 * default until an administrator enters what the government announced.
 *
 * <p>Rules (Bộ luật Lao động 2019 Art. 112, in force from 2021; before it the 2012 code, Art. 115, which had Quốc khánh
 * on 2/9 only):
 * <ul>
 * <li>Tết Dương lịch 1/1; Ngày Chiến thắng 30/4; Ngày Quốc tế lao động 1/5; Giỗ Tổ Hùng Vương 10/3 lunar.</li>
 * <li>Tết Âm lịch: the last day of the lunar year and the first four days of the new one. The government often shifts
 * these five days around a weekend; the announced days are entered as overrides.</li>
 * <li>Quốc khánh: 2/9 and the day before it, except when 2/9 is a Thursday, when the day after (Friday 3/9) joins the
 * weekend instead. This gives what the government chose in 2024 (2/9 Monday: 1/9 Sunday, in lieu on Tuesday 3/9),
 * 2025 (Tuesday: Monday 1/9) and 2026 (Wednesday: Tuesday 1/9, plus a swap entered as an override).</li>
 * <li>Nghỉ bù (Art. 111(3)): each holiday on a Saturday or Sunday, in date order, gives the next weekday that is
 * neither a holiday nor already a day in lieu.</li>
 * </ul>
 */
final class DefaultHolidays {

	static final int LABOUR_CODE_2019_FROM = 2021;

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

	private static final String[] TET_DAY_VI = { "mùng 1 tháng Giêng", "mùng 2 tháng Giêng", "mùng 3 tháng Giêng",
			"mùng 4 tháng Giêng" };

	private static final String[] TET_DAY_EN = { "1st day", "2nd day", "3rd day", "4th day" };

	private DefaultHolidays() {
	}

	/** The year's computed days off that have a name (holidays, also on weekends, and days in lieu), in date order. */
	static List<CalendarDay> of(int year) {
		boolean code2019 = year >= LABOUR_CODE_2019_FROM;
		String holidaySource = code2019 ? "Bộ luật Lao động 2019, Điều 112" : "Bộ luật Lao động 2012, Điều 115";
		String inLieuSource = code2019 ? "Bộ luật Lao động 2019, Điều 111 khoản 3" : "Bộ luật Lao động 2012, Điều 115 khoản 3";
		List<CalendarDay> holidays = new ArrayList<>();
		holidays.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", "New Year's Day", holidaySource));

		LocalDate newYear = VietnameseLunarCalendar.lunarNewYear(year);
		LocalDate eve = newYear.minusDays(1);
		int eveDay = VietnameseLunarCalendar.toLunar(eve).day();
		holidays.add(holiday(eve, "Tết Âm lịch (" + eveDay + " tháng Chạp)",
				"Lunar New Year (last day of the lunar year)", holidaySource));
		for (int i = 0; i < 4; i++) {
			holidays.add(holiday(newYear.plusDays(i), "Tết Âm lịch (" + TET_DAY_VI[i] + ")",
					"Lunar New Year (" + TET_DAY_EN[i] + ")", holidaySource));
		}

		holidays.add(holiday(VietnameseLunarCalendar.toSolar(new LunarDate(year, 3, 10, false)),
				"Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
				holidaySource));
		holidays.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)",
				holidaySource));
		holidays.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động (1/5)", "International Labour Day (1 May)",
				holidaySource));
		LocalDate nationalDay = LocalDate.of(year, 9, 2);
		holidays.add(holiday(nationalDay, "Quốc khánh (2/9)", "National Day (2 September)", holidaySource));
		if (code2019) {
			LocalDate adjacent = nationalDay.getDayOfWeek() == DayOfWeek.THURSDAY ? nationalDay.plusDays(1)
					: nationalDay.minusDays(1);
			holidays.add(holiday(adjacent, "Quốc khánh (ngày liền kề " + adjacent.format(DAY_MONTH) + ")",
					"National Day (adjacent day, " + adjacent.format(DAY_MONTH) + ")", holidaySource));
		}
		holidays.sort(Comparator.comparing(CalendarDay::date));

		Set<LocalDate> taken = new HashSet<>();
		holidays.forEach(h -> taken.add(h.date()));
		List<CalendarDay> days = new ArrayList<>(holidays);
		for (CalendarDay h : holidays) {
			if (!isWeekend(h.date())) {
				continue;
			}
			LocalDate inLieu = h.date().plusDays(1);
			while (isWeekend(inLieu) || taken.contains(inLieu)) {
				inLieu = inLieu.plusDays(1);
			}
			taken.add(inLieu);
			String when = h.date().format(DAY_MONTH);
			days.add(CalendarDay.computed(inLieu, Kind.COMPENSATORY_DAY_OFF, "Nghỉ bù " + h.name() + ", ngày " + when,
					"Day off in lieu of " + h.nameEn() + ", " + when, inLieuSource));
		}
		days.sort(Comparator.comparing(CalendarDay::date));
		return days;
	}

	/** What the law alone makes of the day: a holiday, a day in lieu, a weekend or an ordinary weekday. */
	static CalendarDay on(LocalDate day) {
		return of(day.getYear()).stream()
			.filter(d -> d.date().equals(day))
			.findFirst()
			.orElseGet(() -> CalendarDay.ordinary(day));
	}

	static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static CalendarDay holiday(LocalDate date, String name, String nameEn, String source) {
		return CalendarDay.computed(date, Kind.PUBLIC_HOLIDAY, name, nameEn, source);
	}
}
