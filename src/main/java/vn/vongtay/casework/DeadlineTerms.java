package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The deadlines of Nghị định 56/2017 in force for a unit, counted on the working-day calendar: emergency measures
 * within {@code emergencyHours} clock hours of the report (weekends and holidays included, Art. 24); the plan drafted
 * and submitted to the commune chairman by the end of the {@code planWorkingDays}-th working day after the day of the
 * report (Art. 28, "trong thời hạn 05 ngày làm việc"); the chairman's decision on a submitted plan by the end of the
 * {@code approvalWorkingDays}-th working day after the day of its submission. The decree fixes no time for the
 * approval: that one is an assumption each province may change. {@link DeadlineRules} decides which terms apply where.
 */
record DeadlineTerms(int emergencyHours, int planWorkingDays, int approvalWorkingDays, WorkingDays workingDays) {

	/** A day's deadline falls at its last second, in Vietnam's time. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	LocalDateTime emergencyDue(LocalDateTime reportedAt) {
		return reportedAt.plusHours(emergencyHours);
	}

	/** When the plan must be submitted: the end of the last of the working days, counted from the day after {@code from}. */
	LocalDateTime planDue(LocalDateTime from) {
		return endOf(workingDays.add(from.toLocalDate(), planWorkingDays));
	}

	/** When the chairman must decide on a plan submitted at {@code submittedAt} (approve it or send it back). */
	LocalDateTime approvalDue(LocalDateTime submittedAt) {
		return endOf(workingDays.add(submittedAt.toLocalDate(), approvalWorkingDays));
	}

	static LocalDateTime endOf(LocalDate day) {
		return day.atTime(END_OF_DAY);
	}
}
