package vn.vongtay.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * Reminders, each sent once: the reporting unit's officers when a report they have not submitted falls due within the
 * reminder window ({@code vongtay.reporting.reminder-days}, 7), and the recipient's officers when it is overdue.
 * Obligations of units that no longer exist are history and get none.
 */
@Component
@Transactional
public class ReportReminders {

	private final JdbcClient jdbc;
	private final Units units;
	private final Staff staff;
	private final Notifications notifications;
	private final Obligations obligations;
	private final Clock clock;

	ReportReminders(JdbcClient jdbc, Units units, Staff staff, Notifications notifications, Obligations obligations,
			Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.staff = staff;
		this.notifications = notifications;
		this.obligations = obligations;
		this.clock = clock;
	}

	private record Due(long id, long reporter, long recipient, String title, String period, LocalDate dueOn,
			boolean overdue) {
	}

	/** Sends the reminders not sent yet; answers how many. */
	public int send() {
		LocalDate today = LocalDate.now(clock);
		List<Due> due = jdbc.sql("""
				SELECT o.id, o.reporter_unit_id, o.recipient_unit_id, o.title, o.period, o.due_on, o.due_on < :today AS overdue
				FROM reporting.obligation o
				JOIN geography.unit ru ON ru.id = o.reporter_unit_id
				LEFT JOIN reporting.report r ON r.obligation_id = o.id
				WHERE r.first_submitted_at IS NULL AND o.due_on <= :window AND o.due_on >= :today - 30
				  AND daterange(ru.valid_from, ru.valid_to, '[]') @> CAST(:today AS date)
				  AND NOT EXISTS (SELECT 1 FROM reporting.reminder m WHERE m.obligation_id = o.id
				                  AND m.kind = CASE WHEN o.due_on < :today THEN 'OVERDUE' ELSE 'APPROACHING' END)
				ORDER BY o.due_on LIMIT 5000""")
			.param("today", today)
			.param("window", today.plusDays(obligations.reminderDays()))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("reporter_unit_id"), rs.getLong("recipient_unit_id"),
					rs.getString("title"), rs.getString("period"), rs.getObject("due_on", LocalDate.class),
					rs.getBoolean("overdue")))
			.list();
		for (Due d : due) {
			jdbc.sql("INSERT INTO reporting.reminder (obligation_id, kind) VALUES (:id, :kind) ON CONFLICT DO NOTHING")
				.param("id", d.id()).param("kind", d.overdue() ? "OVERDUE" : "APPROACHING").update();
			String link = "/reporting/obligations/" + d.id();
			String dueText = vn.vongtay.core.VietnameseFormats.date(d.dueOn());
			AdministrativeUnit reporter = units.findById(d.reporter()).orElseThrow();
			List<Long> reporters = staff.reaching(reporter.id(), PeriodicReports.REPORTERS, reporter.level()).stream()
				.map(Staff.Member::id).toList();
			if (d.overdue()) {
				AdministrativeUnit recipient = units.findById(d.recipient()).orElseThrow();
				Set<Role> roles = recipient.level() == UnitLevel.NATION ? Set.of(Role.SYSTEM_ADMIN)
						: d.recipient() == d.reporter() ? Set.of(Role.COMMUNE_CHAIRMAN)
								: Set.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
				notifications.send(staff.reaching(recipient.id(), roles, recipient.level()).stream()
					.map(Staff.Member::id).toList(), false, link, "reporting.notify.overdue-recipient",
						reporter.fullName(), d.title(), d.period(), dueText);
				notifications.send(reporters, true, link, "reporting.notify.overdue", d.title(), d.period(), dueText);
			}
			else {
				notifications.send(reporters, false, link, "reporting.notify.due-soon", d.title(), d.period(), dueText);
			}
		}
		return due.size();
	}
}
