package vn.vongtay.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

/** Deadlines in working days, on the computed defaults, the seeded government days and administrators' changes. */
@IntegrationTest
class WorkingDayDeadlineTests extends CalendarTestSupport {

	@Test
	void aFridayPlusOneWorkingDayIsTheNextMonday() {
		assertThat(calendar.addWorkingDays(date("2026-12-04"), 1)).isEqualTo(date("2026-12-07"));
		assertThat(calendar.addWorkingDays(date("2026-12-04"), 5)).isEqualTo(date("2026-12-11"));
		assertThat(calendar.workingDaysBetween(date("2026-12-04"), date("2026-12-07"))).isEqualTo(1);
	}

	@Test
	void aPeriodThatMeetsTet2026WaitsOutTheNineDaysOff() {
		// five working days from Thursday 12/02/2026: Friday 13, then Tết 14-22/02, then 23, 24, 25, 26
		assertThat(calendar.addWorkingDays(date("2026-02-12"), 5)).isEqualTo(date("2026-02-26"));
		for (LocalDate d = date("2026-02-14"); !d.isAfter(date("2026-02-22")); d = d.plusDays(1)) {
			assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
		}
		assertThat(calendar.describe(date("2026-02-17")).name()).isEqualTo("Tết Âm lịch (mùng 1 tháng Giêng)");
	}

	@Test
	void theSeededGovernmentDaysOf2025And2026Count() {
		// Tết Ất Tỵ 25/01-02/02/2025: Monday 27/01 off, Monday 03/02 worked
		assertThat(calendar.addWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-02-03"));
		assertThat(calendar.describe(date("2025-02-03")).replaces().kind()).isEqualTo(CalendarDay.Kind.COMPENSATORY_DAY_OFF);
		// 30/4 - 4/5/2025, Friday 02/05 swapped with Saturday 26/04
		assertThat(calendar.addWorkingDays(date("2025-04-25"), 1)).isEqualTo(date("2025-04-26"));
		assertThat(calendar.addWorkingDays(date("2025-04-29"), 1)).isEqualTo(date("2025-05-05"));
		// Tết Dương lịch 2026: 01-04/01, worked on Saturday 10/01
		assertThat(calendar.addWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-05"));
		assertThat(calendar.isWorkingDay(date("2026-01-10"))).isTrue();
		// Quốc khánh 2026: 29/08-02/09, worked on Saturday 22/08
		assertThat(calendar.addWorkingDays(date("2026-08-28"), 1)).isEqualTo(date("2026-09-03"));
		assertThat(calendar.addWorkingDays(date("2026-08-21"), 1)).isEqualTo(date("2026-08-22"));
		assertThat(calendar.describe(date("2026-08-31")).source()).contains("Văn phòng Chính phủ");
	}

	@Test
	void aHolidayAnAdministratorAddsMovesADeadline() {
		LocalDate friday = date("2026-11-20");
		assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(date("2026-11-27"));
		set("24/11/2026", OverrideKind.DAY_OFF, "Ngày Văn hóa Việt Nam", "Bộ luật Lao động sửa đổi (giả định của phép thử)");
		assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(date("2026-11-30"));
		assertThat(calendar.describe(date("2026-11-24")).origin()).isEqualTo(CalendarDay.Origin.ADMINISTRATOR);
	}

	@Test
	void aWorkingSaturdayAnAdministratorAddsShortensADeadlineAndRemovingItRestoresTheDefault() {
		LocalDate friday = date("2026-12-04");
		int before = calendar.workingDayCount(2026);
		long id = set("2026-12-05", OverrideKind.WORKING_DAY, "Làm bù", "Thông báo thử");
		assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(date("2026-12-05"));
		assertThat(calendar.workingDayCount(2026)).isEqualTo(before + 1);

		int version = calendar.describe(date("2026-12-05")).overrideVersion();
		as("admin", () -> {
			overrides.remove(id, version);
			return null;
		});
		assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(date("2026-12-07"));
		assertThat(calendar.describe(date("2026-12-05")).kind()).isEqualTo(CalendarDay.Kind.WEEKEND);
		assertThat(calendar.workingDayCount(2026)).isEqualTo(before);
	}

	@Test
	void removingAnOverrideOfAHolidayRestoresTheHoliday() {
		long id = set("2027-02-08", OverrideKind.WORKING_DAY, "Làm việc", "Thông báo thử");
		assertThat(calendar.isWorkingDay(date("2027-02-08"))).isTrue();
		assertThat(calendar.describe(date("2027-02-08")).replaces().name()).isEqualTo("Tết Âm lịch (mùng 3 tháng Giêng)");
		as("admin", () -> {
			overrides.remove(id, 0);
			return null;
		});
		assertThat(calendar.isWorkingDay(date("2027-02-08"))).isFalse();
		assertThat(calendar.describe(date("2027-02-08")).origin()).isEqualTo(CalendarDay.Origin.COMPUTED);
	}

	@Test
	void countingAndAddingWorkingDaysAgreeOnEveryDay() {
		for (LocalDate start = date("2024-12-01"); start.isBefore(date("2027-03-01")); start = start.plusDays(1)) {
			for (int n = 1; n <= 25; n++) {
				LocalDate end = calendar.addWorkingDays(start, n);
				if (!calendar.isWorkingDay(end) || calendar.workingDaysBetween(start, end) != n
						|| calendar.workingDaysBetween(start, end.minusDays(1)) != n - 1) {
					throw new AssertionError(start + " + " + n + " = " + end);
				}
			}
		}
		assertThat(calendar.workingDaysBetween(date("2025-12-31"), date("2026-12-31")))
			.isEqualTo(calendar.workingDayCount(2026));
		assertThat(calendar.workingDayOnOrAfter(date("2026-02-14"))).isEqualTo(date("2026-02-23"));
		assertThat(calendar.workingDayOnOrAfter(date("2026-02-23"))).isEqualTo(date("2026-02-23"));
	}

	@Test
	void anotherInstanceSeesAChangeOnceItsRecheckIntervalHasPassed() {
		MovableClock clock = new MovableClock();
		WorkingCalendar otherInstance = new WorkingCalendar(jdbc, clock, Duration.ofSeconds(30));
		LocalDate saturday = date("2026-12-12");
		assertThat(otherInstance.isWorkingDay(saturday)).isFalse();

		set("12/12/2026", OverrideKind.WORKING_DAY, "Làm bù", "Thông báo thử");
		assertThat(calendar.isWorkingDay(saturday)).as("the instance that made the change").isTrue();
		assertThat(otherInstance.isWorkingDay(saturday)).as("within its interval").isFalse();

		clock.advance(Duration.ofSeconds(31));
		assertThat(otherInstance.isWorkingDay(saturday)).isTrue();
		assertThat(otherInstance.version(2026)).isEqualTo(calendar.version(2026));
	}

	@Test
	void yearsOutsideTheCalendarAndEmptyPeriodsAreRefused() {
		assertThatThrownBy(() -> calendar.isWorkingDay(date("2013-06-03"))).isInstanceOf(UserFacingException.class)
			.hasMessage("calendar.error.year-out-of-range");
		assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-06-03"), 0)).isInstanceOf(UserFacingException.class)
			.hasMessage("calendar.error.days-positive");
		assertThat(calendar.workingDaysBetween(date("2026-06-03"), date("2026-06-01"))).isZero();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Ho_Chi_Minh");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
