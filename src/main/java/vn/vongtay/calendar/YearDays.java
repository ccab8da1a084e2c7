package vn.vongtay.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.vongtay.calendar.CalendarDay.Kind;

/**
 * One year of the calendar as deadlines read it: a flag per day and a running count of working days, so that a
 * deadline is a few array reads and a count between two dates is a subtraction.
 */
final class YearDays {

	final int year;
	final int version;
	private final LocalDate first;
	private final boolean[] working;
	/** workingUpTo[i]: working days from 1 January to day i (0-based) inclusive. */
	private final int[] workingUpTo;
	private final Map<LocalDate, CalendarDay> special;
	private final List<CalendarDay> specialInOrder;
	/** When this copy was last known to match the database (epoch milliseconds). */
	volatile long checkedAt;

	private YearDays(int year, int version, Map<LocalDate, CalendarDay> special, long checkedAt) {
		this.year = year;
		this.version = version;
		this.first = LocalDate.of(year, 1, 1);
		int length = first.lengthOfYear();
		this.working = new boolean[length];
		this.workingUpTo = new int[length];
		int count = 0;
		for (int i = 0; i < length; i++) {
			LocalDate day = first.plusDays(i);
			CalendarDay known = special.get(day);
			working[i] = known == null ? !DefaultHolidays.isWeekend(day) : known.workingDay();
			count += working[i] ? 1 : 0;
			workingUpTo[i] = count;
		}
		this.special = special;
		List<CalendarDay> ordered = new ArrayList<>(special.values());
		ordered.sort(Comparator.comparing(CalendarDay::date));
		this.specialInOrder = List.copyOf(ordered);
		this.checkedAt = checkedAt;
	}

	/** The computed defaults of {@code year} with the administrators' overrides laid over them, day by day. */
	static YearDays build(int year, int version, List<CalendarOverride> overrides, long checkedAt) {
		Map<LocalDate, CalendarDay> days = new HashMap<>();
		for (CalendarDay computed : DefaultHolidays.of(year)) {
			days.put(computed.date(), computed);
		}
		for (CalendarOverride o : overrides) {
			CalendarDay replaced = days.getOrDefault(o.day(), CalendarDay.ordinary(o.day()));
			boolean dayOff = o.kind() == OverrideKind.DAY_OFF;
			days.put(o.day(), new CalendarDay(o.day(), !dayOff, dayOff ? Kind.DAY_OFF : Kind.WORKING_DAY, o.name(),
					o.nameEn(), CalendarDay.Origin.ADMINISTRATOR, o.source(), o.id(), o.version(), replaced));
		}
		return new YearDays(year, version, days, checkedAt);
	}

	boolean isWorking(LocalDate day) {
		return working[index(day)];
	}

	/** Working days from 1 January to {@code day} inclusive. */
	int workingUpTo(LocalDate day) {
		return workingUpTo[index(day)];
	}

	int workingDays() {
		return workingUpTo[workingUpTo.length - 1];
	}

	CalendarDay describe(LocalDate day) {
		CalendarDay known = special.get(day);
		return known != null ? known : CalendarDay.ordinary(day);
	}

	/** Holidays (also on weekends), days in lieu and every override, in date order. */
	List<CalendarDay> special() {
		return specialInOrder;
	}

	private int index(LocalDate day) {
		return day.getDayOfYear() - 1;
	}

	/** One administrator's override as stored. */
	record CalendarOverride(long id, LocalDate day, OverrideKind kind, String name, String nameEn, String source,
			int version) {
	}
}
