package vn.vongtay.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * The days system administrators set on the national calendar: a day off (a swapped day, a holiday the law added) or a
 * working day (a weekend day worked in exchange), each with the decision it comes from. Overrides win over the computed
 * defaults; removing one restores the default. Every change is audited, and raises the year's version, which other
 * instances of the application watch.
 */
@Component
@Transactional
public class CalendarOverrides {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final AuditLog audit;

	CalendarOverrides(JdbcClient jdbc, WorkingCalendar calendar, AuditLog audit) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.audit = audit;
	}

	/**
	 * Sets one day.
	 *
	 * @return the override's id
	 * @throws UserFacingException 403 for anyone but a system administrator; 422 for a bad date, a missing name or source,
	 *         or a change that changes nothing; 409 when the day already has an override
	 * @throws OptimisticLockingFailureException when the year changed since {@code yearVersion}
	 */
	public long add(OverrideDraft draft) {
		SignedInUser user = requireAdministrator();
		List<InputProblem> problems = new ArrayList<>();
		LocalDate day = parseDay(draft.day(), problems);
		if (day != null && (day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR)) {
			problems.add(InputProblem.field("day", "calendar.error.year-out-of-range", String.valueOf(day.getYear()),
					String.valueOf(WorkingCalendar.FIRST_YEAR), String.valueOf(WorkingCalendar.LAST_YEAR)));
			day = null;
		}
		if (draft.kind() == null) {
			problems.add(InputProblem.field("kind", "calendar.error.kind-required"));
		}
		String name = VietnameseText.clean(draft.name());
		if (name == null && draft.kind() == OverrideKind.DAY_OFF) {
			problems.add(InputProblem.field("name", "calendar.error.name-required"));
		}
		String nameEn = VietnameseText.clean(draft.nameEn());
		if (name == null && draft.kind() == OverrideKind.WORKING_DAY) {
			name = "Làm bù";
			nameEn = nameEn == null ? "Make-up working day" : nameEn;
		}
		String source = VietnameseText.clean(draft.source());
		if (source == null) {
			problems.add(InputProblem.field("source", "calendar.error.source-required"));
		}
		if (day != null) {
			// checked again under the year's lock below; here so that it is the message a second change of a day gets
			Optional<String> existing = existingName(day);
			if (existing.isPresent()) {
				throw duplicate(day, existing.get());
			}
		}
		if (day != null && draft.kind() != null) {
			CalendarDay computed = DefaultHolidays.on(day);
			if (draft.kind() == OverrideKind.DAY_OFF && computed.kind() == CalendarDay.Kind.WEEKEND) {
				problems.add(InputProblem.field("day", "calendar.error.already-weekend", day.format(SHOWN)));
			}
			if (draft.kind() == OverrideKind.WORKING_DAY && computed.workingDay()) {
				problems.add(InputProblem.field("day", "calendar.error.already-working", day.format(SHOWN)));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		int year = day.getYear();
		lockYear(year, draft.yearVersion());
		Optional<String> existing = existingName(day);
		if (existing.isPresent()) {
			throw duplicate(day, existing.get());
		}
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO calendar.day_override (day, kind, name, name_en, source, created_by)
					VALUES (:day, :kind, :name, :nameEn, :source, :by)
					RETURNING id""")
				.param("day", day)
				.param("kind", draft.kind().name())
				.param("name", name)
				.param("nameEn", nameEn)
				.param("source", source)
				.param("by", user.getUsername())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw duplicate(day, name);
		}
		audit.record("CALENDAR_DAY_SET", "CalendarDayOverride", id, null,
				day + " " + draft.kind() + " " + name + " (" + source + ")");
		forgetAfterCommit(year);
		return id;
	}

	/**
	 * Removes an override, which restores the computed default of its day.
	 *
	 * @throws UserFacingException 403 for anyone but a system administrator; 404 when there is no such override
	 * @throws OptimisticLockingFailureException when the override changed since {@code version}
	 */
	public void remove(long id, int version) {
		requireAdministrator();
		record Stored(LocalDate day, String kind, String name, String source) {
		}
		Stored stored = jdbc.sql("SELECT day, kind, name, source FROM calendar.day_override WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getObject("day", LocalDate.class), rs.getString("kind"),
					rs.getString("name"), rs.getString("source")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("calendar.error.override-not-found", String.valueOf(id)));
		lockYear(stored.day().getYear(), null);
		int removed = jdbc.sql("DELETE FROM calendar.day_override WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update();
		if (removed == 0) {
			throw new OptimisticLockingFailureException("calendar override " + id + " changed since version " + version);
		}
		audit.record("CALENDAR_DAY_REMOVED", "CalendarDayOverride", id, null,
				stored.day() + " " + stored.kind() + " " + stored.name() + " (" + stored.source() + ")");
		forgetAfterCommit(stored.day().getYear());
	}

	/**
	 * Raises the year's version, holding its row until commit so that two administrators' changes of one year run one
	 * after the other.
	 */
	private void lockYear(int year, Integer expectedVersion) {
		jdbc.sql("INSERT INTO calendar.calendar_year (year) VALUES (:year) ON CONFLICT (year) DO NOTHING")
			.param("year", year)
			.update();
		int changed = jdbc.sql("""
				UPDATE calendar.calendar_year SET version = version + 1, changed_at = now()
				WHERE year = :year AND (CAST(:expected AS INT) IS NULL OR version = :expected)""")
			.param("year", year)
			.param("expected", expectedVersion)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("calendar year " + year + " changed since version "
					+ expectedVersion);
		}
	}

	private Optional<String> existingName(LocalDate day) {
		return jdbc.sql("SELECT name FROM calendar.day_override WHERE day = :day")
			.param("day", day)
			.query(String.class)
			.optional();
	}

	private void forgetAfterCommit(int year) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					calendar.forget(year);
				}
			});
		}
		else {
			calendar.forget(year);
		}
	}

	private static UserFacingException duplicate(LocalDate day, String existingName) {
		return UserFacingException.conflict("calendar.error.duplicate", day.format(SHOWN), existingName);
	}

	private static LocalDate parseDay(String text, List<InputProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(InputProblem.field("day", "calendar.error.day-required"));
			return null;
		}
		try {
			return WorkingCalendar.parseDate(text);
		}
		catch (UserFacingException e) {
			problems.add(InputProblem.field("day", e.messageKey(), e.arguments()));
			return null;
		}
	}

	private static SignedInUser requireAdministrator() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "calendar.error.administrators-only");
		}
		return user;
	}

	/** Whether the caller may change the national calendar. */
	public static boolean mayEdit() {
		return Jurisdictions.currentUser().map(u -> u.has(Role.SYSTEM_ADMIN)).orElse(false);
	}
}
