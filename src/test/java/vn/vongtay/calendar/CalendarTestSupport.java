package vn.vongtay.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.DemoAccountTestSupport;

/**
 * What the calendar tests share. The database is shared by every test class of the run, so each test removes the
 * days it set (every override but the seeded ones) and this instance forgets the years it touched.
 */
abstract class CalendarTestSupport extends DemoAccountTestSupport {

	@Autowired
	protected WorkingCalendar calendar;

	@Autowired
	protected CalendarOverrides overrides;

	@AfterEach
	void removeTheDaysTestsSet() {
		var years = jdbc.sql("SELECT DISTINCT extract(year FROM day)::int FROM calendar.day_override WHERE created_by <> 'migration'")
			.query(Integer.class).list();
		jdbc.sql("DELETE FROM calendar.day_override WHERE created_by <> 'migration'").update();
		years.forEach(calendar::forget);
	}

	protected long set(String day, OverrideKind kind, String name, String source) {
		return as("admin", () -> overrides.add(new OverrideDraft(day, kind, name, null, source, null)));
	}

	protected static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}
}
