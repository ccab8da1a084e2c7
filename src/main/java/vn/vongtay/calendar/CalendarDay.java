package vn.vongtay.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One day of the working-day calendar and why it is, or is not, a working day.
 *
 * @param date the day
 * @param workingDay whether the day counts as a working day
 * @param kind what the day is
 * @param name its name in Vietnamese ({@code null} for an ordinary weekday or weekend)
 * @param nameEn its name in English, or {@code null} when an administrator gave none
 * @param origin computed from the law, or set by an administrator
 * @param source where it comes from: the article of the law for computed days, the decision an administrator cited
 * @param overrideId the administrator's override, or {@code null} for a computed day
 * @param overrideVersion the override's version, for removing it with optimistic locking
 * @param replaces for an override, what the computed default of that day is (an ordinary weekday included)
 */
public record CalendarDay(LocalDate date, boolean workingDay, Kind kind, String name, String nameEn, Origin origin,
		String source, Long overrideId, Integer overrideVersion, CalendarDay replaces) {

	public enum Kind {
		/** Monday to Friday, nothing special. */
		WORKDAY,
		/** Saturday or Sunday, the weekly rest days of the civil service. */
		WEEKEND,
		/** A public holiday of Art. 112 of the Labour Code (also when it falls on a weekend). */
		PUBLIC_HOLIDAY,
		/** The working day off in lieu of a public holiday that fell on a weekend (nghỉ bù, Art. 111). */
		COMPENSATORY_DAY_OFF,
		/** A day off an administrator set: a swapped day, a holiday the law added, a corrected default. */
		DAY_OFF,
		/** A working day an administrator set: a weekend day worked in exchange (làm bù), a corrected default. */
		WORKING_DAY
	}

	public enum Origin {
		COMPUTED, ADMINISTRATOR
	}

	public boolean weekend() {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	public boolean setByAdministrator() {
		return origin == Origin.ADMINISTRATOR;
	}

	static CalendarDay computed(LocalDate date, Kind kind, String name, String nameEn, String source) {
		boolean working = kind == Kind.WORKDAY;
		return new CalendarDay(date, working, kind, name, nameEn, Origin.COMPUTED, source, null, null, null);
	}

	static CalendarDay ordinary(LocalDate date) {
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		return computed(date, weekend ? Kind.WEEKEND : Kind.WORKDAY, null, null, null);
	}
}
