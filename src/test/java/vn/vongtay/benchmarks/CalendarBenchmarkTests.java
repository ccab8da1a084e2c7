package vn.vongtay.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.calendar.WorkingCalendar;

/**
 * Deadlines in working days at the rate casework needs them: a million five-day deadlines and a million counts between
 * two dates, from starts spread over 2025 to 2027, against a baseline that only skips Saturdays and Sundays (no
 * holidays, no lookup). Run with {@code mvn test -Pbenchmark -Dtest=CalendarBenchmarkTests}.
 */
@Tag("benchmark")
@IntegrationTest
class CalendarBenchmarkTests {

	private static final Logger log = LoggerFactory.getLogger(CalendarBenchmarkTests.class);
	private static final int CALLS = 1_000_000;
	private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

	@Autowired
	WorkingCalendar calendar;

	@Test
	void measuresDeadlinesAgainstAWeekdayOnlyLoop() {
		for (int round = 0; round < 3; round++) {
			long checksum = 0;
			long t0 = System.nanoTime();
			for (int i = 0; i < CALLS; i++) {
				checksum += calendar.addWorkingDays(FIRST.plusDays(i % 1000), 5).toEpochDay();
			}
			long t1 = System.nanoTime();
			for (int i = 0; i < CALLS; i++) {
				checksum += weekdaysOnly(FIRST.plusDays(i % 1000), 5).toEpochDay();
			}
			long t2 = System.nanoTime();
			for (int i = 0; i < CALLS; i++) {
				LocalDate from = FIRST.plusDays(i % 1000);
				checksum += calendar.workingDaysBetween(from, from.plusDays(30 + i % 60));
			}
			long t3 = System.nanoTime();
			log.info("Calendar round {}: {} addWorkingDays(start, 5) in {} ms; baseline weekday loop {} ms; {} workingDaysBetween (30-90 days) in {} ms (checksum {})",
					round, CALLS, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, CALLS, (t3 - t2) / 1_000_000, checksum);
			assertThat(checksum).isPositive();
		}
	}

	private static LocalDate weekdaysOnly(LocalDate start, int days) {
		LocalDate day = start;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return day;
	}
}
