/**
 * The national working-day calendar that deadlines are counted on: weekends, the public holidays of the Labour Code
 * (with the lunar dates computed for Vietnam's time zone), days off in lieu, and the days system administrators set
 * from the government's announcements, every change audited.
 *
 * <p>Its own module rather than part of core: the administration page writes to the audit log, and audit depends on
 * core (docs/decisions/0003-working-day-calendar.md). The API is {@link vn.vongtay.calendar.WorkingCalendar}.
 */
package vn.vongtay.calendar;
