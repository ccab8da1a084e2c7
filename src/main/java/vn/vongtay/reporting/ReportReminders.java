package vn.vongtay.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.notifications.Notifications;

/**
 * Reminders, each sent once: those who act for the reporting body when a report they have not submitted falls due
 * within the reminder window ({@code vongtay.reporting.reminder-days}, 7), and those who act for the receiving body
 * when it is overdue; an assumed due date says so. Obligations of units that no longer exist are history and get none.
 */
@Component
@Transactional
public class ReportReminders {

	private final JdbcClient jdbc;
	private final BodyStaff staff;
	private final Notifications notifications;
	private final Obligations obligations;
	private final Clock clock;

	ReportReminders(JdbcClient jdbc, BodyStaff staff, Notifications notifications, Obligations obligations,
			Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.notifications = notifications;
		this.obligations = obligations;
		this.clock = clock;
	}

	/** Sends the reminders not sent yet; answers how many. */
	public int send() {
		LocalDate today = LocalDate.now(clock);
		List<Obligation> due = jdbc.sql(Obligations.SELECT + """
				WHERE o.withdrawn_at IS NULL AND r.first_submitted_at IS NULL AND o.due_on <= :window
				  AND o.due_on >= :today - 30
				  AND daterange(ru.valid_from, ru.valid_to, '[]') @> CAST(:today AS date)
				  AND NOT EXISTS (SELECT 1 FROM reporting.reminder m WHERE m.obligation_id = o.id
				                  AND m.kind = CASE WHEN o.due_on < :today THEN 'OVERDUE' ELSE 'APPROACHING' END)
				ORDER BY o.due_on LIMIT 5000""")
			.param("today", today)
			.param("window", today.plusDays(obligations.reminderDays()))
			.query((rs, n) -> obligations.map(rs))
			.list();
		for (Obligation o : due) {
			boolean overdue = o.dueOn().isBefore(today);
			jdbc.sql("INSERT INTO reporting.reminder (obligation_id, kind) VALUES (:id, :kind) ON CONFLICT DO NOTHING")
				.param("id", o.id()).param("kind", overdue ? "OVERDUE" : "APPROACHING").update();
			String link = "/reporting/obligations/" + o.id();
			String dueText = VietnameseFormats.date(o.dueOn()) + (o.dueAssumed() ? " (hạn giả định)" : "");
			if (overdue) {
				notifications.send(staff.recipients(o), false, link, "reporting.notify.overdue-recipient",
						o.reporterName(), o.title(), o.period(), dueText);
				notifications.send(staff.reporters(o), true, link, "reporting.notify.overdue", o.title(), o.period(),
						dueText);
			}
			else {
				notifications.send(staff.reporters(o), false, link, "reporting.notify.due-soon", o.title(), o.period(),
						dueText);
			}
		}
		return due.size();
	}
}
