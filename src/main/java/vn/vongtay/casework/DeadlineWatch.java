package vn.vongtay.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * Watches the deadlines of open cases: before one falls due the case worker is told (emergency measures 3 hours
 * before, a plan or a review a day before, by default); at a breach the case worker, the commune's officers and its
 * chairman are told and the case is escalated to the supervisors of the district and province. Each alert is sent
 * once (recorded in {@code casework.deadline_alert}), by whichever instance holds the advisory lock.
 */
@Component
class DeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
	private static final long LOCK = 0x76740020L;

	private final JdbcClient jdbc;
	private final CaseRecords records;
	private final CaseProcess process;
	private final Staff staff;
	private final Notifications notifications;
	private final Jurisdictions jurisdictions;
	private final TransactionTemplate transaction;
	private final Duration emergencyNotice;
	private final Duration planNotice;

	DeadlineWatch(JdbcClient jdbc, CaseRecords records, CaseProcess process, Staff staff, Notifications notifications,
			Jurisdictions jurisdictions, TransactionTemplate transaction,
			@Value("${vongtay.casework.notice.emergency:PT3H}") Duration emergencyNotice,
			@Value("${vongtay.casework.notice.plan:P1D}") Duration planNotice) {
		this.jdbc = jdbc;
		this.records = records;
		this.process = process;
		this.staff = staff;
		this.notifications = notifications;
		this.jurisdictions = jurisdictions;
		this.transaction = transaction;
		this.emergencyNotice = emergencyNotice;
		this.planNotice = planNotice;
	}

	record Due(long caseId, String deadline, int cycle, boolean breached) {
	}

	@Scheduled(fixedDelayString = "${vongtay.casework.watch-interval:PT1M}", initialDelayString = "${vongtay.casework.watch-initial-delay:PT30S}")
	void watch() {
		jurisdictions.runAsSystem("deadline-watch", () -> {
			Integer sent = transaction.execute(status -> {
				if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
					return 0;
				}
				return alert();
			});
			if (sent != null && sent > 0) {
				log.info("{} deadline alerts sent", sent);
			}
		});
	}

	/** Sends the alerts not yet sent, a thousand at a time (the next run takes the rest); answers how many. */
	int alert() {
		List<Due> due = jdbc.sql("""
				SELECT c.id, 'EMERGENCY' AS deadline, c.cycle, c.emergency_due_at < now() AS breached
				FROM casework.child_case c
				WHERE c.closed_at IS NULL AND c.emergency_taken_at IS NULL AND c.emergency_required IS DISTINCT FROM FALSE
				  AND c.emergency_due_at < now() + make_interval(secs => :emergencyNotice)
				  AND NOT EXISTS (SELECT 1 FROM casework.deadline_alert a WHERE a.case_id = c.id AND a.deadline = 'EMERGENCY'
				                  AND a.cycle = c.cycle AND a.kind = CASE WHEN c.emergency_due_at < now() THEN 'BREACHED' ELSE 'APPROACHING' END)
				UNION ALL
				SELECT c.id, 'PLAN', c.cycle, c.plan_due_at < now()
				FROM casework.child_case c
				WHERE c.closed_at IS NULL AND c.plan_approved_at IS NULL AND c.plan_due_at < now() + make_interval(secs => :planNotice)
				  AND NOT EXISTS (SELECT 1 FROM casework.deadline_alert a WHERE a.case_id = c.id AND a.deadline = 'PLAN'
				                  AND a.cycle = c.cycle AND a.kind = CASE WHEN c.plan_due_at < now() THEN 'BREACHED' ELSE 'APPROACHING' END)
				UNION ALL
				SELECT c.id, 'REVIEW', c.cycle,
				       (c.review_due_on + TIME '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh' < now()
				FROM casework.child_case c
				WHERE c.closed_at IS NULL AND c.stage = 'IN_PROGRESS' AND c.reviewed_at IS NULL AND c.review_due_on IS NOT NULL
				  AND (c.review_due_on + TIME '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh' < now() + make_interval(secs => :planNotice)
				  AND NOT EXISTS (SELECT 1 FROM casework.deadline_alert a WHERE a.case_id = c.id AND a.deadline = 'REVIEW'
				                  AND a.cycle = c.cycle AND a.kind = CASE WHEN ((c.review_due_on + TIME '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh') < now() THEN 'BREACHED' ELSE 'APPROACHING' END)
				LIMIT 1000""")
			.param("emergencyNotice", emergencyNotice.toSeconds())
			.param("planNotice", planNotice.toSeconds())
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("deadline"), rs.getInt("cycle"),
					rs.getBoolean("breached")))
			.list();
		int sent = 0;
		for (Due d : due) {
			boolean first = jdbc.sql("""
					INSERT INTO casework.deadline_alert (case_id, deadline, cycle, kind) VALUES (:case, :deadline, :cycle, :kind)
					ON CONFLICT DO NOTHING""")
				.param("case", d.caseId())
				.param("deadline", d.deadline())
				.param("cycle", d.cycle())
				.param("kind", d.breached() ? "BREACHED" : "APPROACHING")
				.update() == 1;
			if (!first) {
				continue;
			}
			CaseRecords.Header header = records.requireHeader(d.caseId());
			String link = "/cases/" + header.id();
			if (d.breached()) {
				List<Long> told = new ArrayList<>();
				if (header.caseWorkerId() != null) {
					told.add(header.caseWorkerId());
				}
				staff.reaching(header.unitId(), CaseAccess.LEADS, UnitLevel.COMMUNE).forEach(m -> told.add(m.id()));
				notifications.send(told, true, link, "casework.notify.deadline-missed." + d.deadline(), header.number());
				process.escalateNow(header, "casework.escalation.deadline-missed." + d.deadline(),
						"casework.notify.escalated-deadline." + d.deadline());
			}
			else {
				List<Long> told = header.caseWorkerId() != null ? List.of(header.caseWorkerId())
						: staff.reaching(header.unitId(), java.util.Set.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER),
								UnitLevel.COMMUNE).stream().map(Staff.Member::id).toList();
				notifications.send(told, false, link, "casework.notify.deadline-approaching." + d.deadline(),
						header.number());
			}
			sent++;
		}
		return sent;
	}
}
