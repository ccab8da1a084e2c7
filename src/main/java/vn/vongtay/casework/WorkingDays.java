package vn.vongtay.casework;

import java.time.LocalDate;

/**
 * The working-day calendar as the deadlines need it: the last day of a period of {@code days} working days counted
 * from the day after {@code from} (Bộ luật Dân sự Art. 147). The calendar module answers in the application; a unit
 * test gives plain weeks.
 */
@FunctionalInterface
interface WorkingDays {

	LocalDate add(LocalDate from, int days);
}
