package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The deadlines of Nghị định 56/2017 in force for a unit: emergency measures within {@code emergencyHours} clock
 * hours of the report (weekends and holidays included, Art. 24), an approved plan by the end of the
 * {@code planWorkingDays}-th working day after the day of the report (Art. 26-28, "trong 05 ngày làm việc"), counted
 * on the working-day calendar. {@link DeadlineRules} decides which terms apply where.
 */
record DeadlineTerms(int emergencyHours, int planWorkingDays, WorkingDays workingDays) {

	/** A day's deadline falls at its last second, in Vietnam's time. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	LocalDateTime emergencyDue(LocalDateTime reportedAt) {
		return reportedAt.plusHours(emergencyHours);
	}

	/** The end of the last of the working days, counted from the day after {@code from}. */
	LocalDateTime planDue(LocalDateTime from) {
		return endOf(workingDays.add(from.toLocalDate(), planWorkingDays));
	}

	static LocalDateTime endOf(LocalDate day) {
		return day.atTime(END_OF_DAY);
	}
}
