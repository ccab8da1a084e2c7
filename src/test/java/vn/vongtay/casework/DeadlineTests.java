package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The deadlines of Nghị định 56/2017 without Spring: emergency measures within 12 clock hours of the report
 * (Art. 24, weekends included), an approved plan by the end of the fifth working day after the day of the report
 * (Art. 26-28; Bộ luật Dân sự Art. 147: a period starts the day after its event), the review at the end of the day
 * the plan set; each met when done by its due time, late after, missed while not done and past due.
 */
class DeadlineTests {

	/** Monday to Friday, and the holidays given. */
	static WorkingDays weekdays(LocalDate... holidays) {
		Set<LocalDate> off = Set.of(holidays);
		return (from, days) -> {
			LocalDate day = from;
			for (int left = days; left > 0;) {
				day = day.plusDays(1);
				if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
						&& !off.contains(day)) {
					left--;
				}
			}
			return day;
		};
	}

	static final DeadlineTerms NATIONAL = new DeadlineTerms(12, 5, weekdays());

	// Friday 27/11/2026 at 20:00
	private static final LocalDateTime FRIDAY_EVENING = LocalDateTime.of(2026, 11, 27, 20, 0);

	@Test
	void aReportOnFridayEveningIsDueForEmergencyMeasuresOnSaturdayMorningAndForAPlanAtTheEndOfNextFriday() {
		assertThat(NATIONAL.emergencyDue(FRIDAY_EVENING)).isEqualTo(LocalDateTime.of(2026, 11, 28, 8, 0));
		assertThat(NATIONAL.planDue(FRIDAY_EVENING)).isEqualTo(LocalDateTime.of(2026, 12, 4, 23, 59, 59));
	}

	@Test
	void aHolidayMovesThePlanDeadlineButNotTheEmergencyOne() {
		DeadlineTerms withHoliday = new DeadlineTerms(12, 5, weekdays(LocalDate.of(2026, 12, 2)));
		assertThat(withHoliday.planDue(FRIDAY_EVENING)).isEqualTo(LocalDateTime.of(2026, 12, 7, 23, 59, 59));
		assertThat(withHoliday.emergencyDue(FRIDAY_EVENING)).isEqualTo(NATIONAL.emergencyDue(FRIDAY_EVENING));
	}

	@Test
	void workDoneAtTheLastSecondMeetsTheDeadlineAndASecondLaterIsLate() {
		LocalDateTime due = NATIONAL.planDue(FRIDAY_EVENING);
		LocalDateTime after = due.plusDays(1);
		assertThat(Deadline.plan(due, due, false, after).status()).isEqualTo(DeadlineStatus.MET);
		assertThat(Deadline.plan(due, due.plusSeconds(1), false, after))
			.extracting(Deadline::status, Deadline::met).containsExactly(DeadlineStatus.LATE, false);
		assertThat(Deadline.plan(due, null, false, due).status()).isEqualTo(DeadlineStatus.PENDING);
		assertThat(Deadline.plan(due, null, false, due.plusSeconds(1)))
			.extracting(Deadline::status, Deadline::met, Deadline::overdue)
			.containsExactly(DeadlineStatus.MISSED, false, true);
		assertThat(Deadline.plan(due, null, true, after).status()).as("closed without a plan")
			.isEqualTo(DeadlineStatus.NOT_REQUIRED);
	}

	@Test
	void emergencyMeasuresAreNotRequiredOnceNoSeriousDangerWasFoundOrWhenTheCaseClosedUndecided() {
		LocalDateTime due = NATIONAL.emergencyDue(FRIDAY_EVENING);
		LocalDateTime later = due.plusHours(5);
		assertThat(Deadline.emergency(due, null, false, false, later).status()).isEqualTo(DeadlineStatus.NOT_REQUIRED);
		assertThat(Deadline.emergency(due, null, null, true, later).status()).isEqualTo(DeadlineStatus.NOT_REQUIRED);
		assertThat(Deadline.emergency(due, null, null, false, later).status()).as("undecided and past due")
			.isEqualTo(DeadlineStatus.MISSED);
		assertThat(Deadline.emergency(due, null, true, true, later).status()).as("required and never taken")
			.isEqualTo(DeadlineStatus.MISSED);
		assertThat(Deadline.emergency(due, due.minusHours(1), true, false, later).met()).isTrue();
	}

	@Test
	void aReviewIsDueAtTheEndOfItsDay() {
		LocalDateTime due = DeadlineTerms.endOf(LocalDate.of(2027, 1, 15));
		assertThat(Deadline.review(due, null, LocalDateTime.of(2027, 1, 15, 23, 0)).status())
			.isEqualTo(DeadlineStatus.PENDING);
		assertThat(Deadline.review(due, LocalDateTime.of(2027, 1, 16, 0, 0), LocalDateTime.of(2027, 1, 16, 9, 0))
			.status()).isEqualTo(DeadlineStatus.LATE);
	}
}
