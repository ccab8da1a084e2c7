package vn.vongtay.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;

/**
 * Working days for deadlines (Nghị định 56/2017 counts working days): Monday to Friday, less the public holidays and
 * days in lieu computed from the Labour Code, with the days administrators set (the government's announced days off
 * and make-up working days) laid over them.
 *
 * <p>Counting follows the Civil Code 2015 (Art. 147-148): a period starts on the day after the event, and it ends at
 * the end of its last day, which is always a working day here.
 *
 * <p>Each year is kept in memory. An administrator's change clears this instance's copy when it commits; other
 * instances compare their copy with the year's version in the database at most once every
 * {@code vongtay.calendar.recheck-interval} (30 s by default) and reload it when it changed, so a change reaches every
 * instance within that interval at the cost of one small query per year and interval.
 */
@Component
public class WorkingCalendar {

	/** The first year the calendar answers for: the Labour Code 2012 holidays apply from 2014 on. */
	public static final int FIRST_YEAR = 2014;

	public static final int LAST_YEAR = 2199;

	private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final long recheckMillis;
	private final ConcurrentMap<Integer, YearDays> years = new ConcurrentHashMap<>();

	WorkingCalendar(JdbcClient jdbc, Clock clock,
			@Value("${vongtay.calendar.recheck-interval:30s}") Duration recheckInterval) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.recheckMillis = recheckInterval.toMillis();
	}

	/** @throws UserFacingException 400 when the day lies outside {@link #FIRST_YEAR} to {@link #LAST_YEAR} */
	public boolean isWorkingDay(LocalDate day) {
		return year(day.getYear()).isWorking(day);
	}

	/**
	 * The last day of a period of {@code days} working days counted from the day after {@code start}: Friday plus one
	 * working day is the next Monday when that Monday is a working day.
	 *
	 * @throws UserFacingException 400 when {@code days} is below 1
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		if (days < 1) {
			throw UserFacingException.invalid("calendar.error.days-positive", days);
		}
		LocalDate day = start;
		int left = days;
		YearDays year = year(day.getYear());
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getYear() != year.year) {
				year = year(day.getYear());
			}
			if (year.isWorking(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 when {@code toInclusive} is
	 * not after {@code fromExclusive}. For any start, {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
	 */
	public long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		if (!toInclusive.isAfter(fromExclusive)) {
			return 0;
		}
		if (fromExclusive.getYear() == toInclusive.getYear()) {
			YearDays year = year(toInclusive.getYear());
			return year.workingUpTo(toInclusive) - year.workingUpTo(fromExclusive);
		}
		long count = year(fromExclusive.getYear()).workingDays() - year(fromExclusive.getYear()).workingUpTo(fromExclusive);
		for (int y = fromExclusive.getYear() + 1; y < toInclusive.getYear(); y++) {
			count += year(y).workingDays();
		}
		return count + year(toInclusive.getYear()).workingUpTo(toInclusive);
	}

	/** {@code day} itself when it is a working day, otherwise the next working day. */
	public LocalDate workingDayOnOrAfter(LocalDate day) {
		return isWorkingDay(day) ? day : addWorkingDays(day, 1);
	}

	/** The day with its kind, name and source. */
	public CalendarDay describe(LocalDate day) {
		return year(day.getYear()).describe(day);
	}

	/**
	 * What the year holds besides plain weeks: every public holiday (also one on a weekend), day in lieu and
	 * administrator's day, working or not, in date order. This is what the administration page and the API list.
	 */
	public List<CalendarDay> specialDays(int year) {
		return year(year).special();
	}

	/** Every day of the year that is not a working day, ordinary weekends included, in date order. */
	public List<CalendarDay> nonWorkingDays(int year) {
		YearDays days = year(year);
		List<CalendarDay> off = new ArrayList<>();
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			if (!days.isWorking(day)) {
				off.add(days.describe(day));
			}
		}
		return off;
	}

	/** Working days in the whole year. */
	public int workingDayCount(int year) {
		return year(year).workingDays();
	}

	/** The version of the year's calendar: it grows with every change an administrator makes to the year. */
	public int version(int year) {
		return year(year).version;
	}

	/** Drops this instance's copy of the year, after an administrator's change committed. */
	void forget(int year) {
		years.remove(year);
	}

	/**
	 * A day as people type it: {@code dd/MM/yyyy} (also {@code d/M/yyyy}) or {@code yyyy-MM-dd}.
	 *
	 * @throws UserFacingException 400 with a message that shows the expected form
	 */
	public static LocalDate parseDate(String text) {
		String value = text == null ? "" : text.strip();
		try {
			return value.contains("/") ? LocalDate.parse(value, TYPED_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw UserFacingException.invalid("calendar.error.bad-date", value);
		}
	}

	static void requireSupported(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw UserFacingException.invalid("calendar.error.year-out-of-range", String.valueOf(year),
					String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
	}

	private YearDays year(int year) {
		requireSupported(year);
		long now = clock.millis();
		YearDays cached = years.get(year);
		if (cached != null && now - cached.checkedAt < recheckMillis) {
			return cached;
		}
		// the version is read before the overrides: a change committed in between makes the copy look older than it
		// is, so it is reloaded at the next check, never kept stale
		int version = storedVersion(year);
		if (cached != null && cached.version == version) {
			cached.checkedAt = now;
			return cached;
		}
		YearDays loaded = YearDays.build(year, version, overrides(year), now);
		years.put(year, loaded);
		return loaded;
	}

	private int storedVersion(int year) {
		return jdbc.sql("SELECT version FROM calendar.calendar_year WHERE year = :year")
			.param("year", year)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private List<YearDays.CalendarOverride> overrides(int year) {
		return jdbc.sql("""
				SELECT id, day, kind, name, name_en, source, version FROM calendar.day_override
				WHERE day BETWEEN :first AND :last ORDER BY day""")
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new YearDays.CalendarOverride(rs.getLong("id"), rs.getObject("day", LocalDate.class),
					OverrideKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("name_en"),
					rs.getString("source"), rs.getInt("version")))
			.list();
	}
}
