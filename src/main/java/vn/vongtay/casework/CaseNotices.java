package vn.vongtay.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.children.ChildMoved;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * Who is told what about a case, in one place. The case's own events are handled as they are published, in the
 * transaction of the step (decision 0007: a notice is written with the change it reports, or not at all):
 * <ul>
 * <li>a report: a new case to the officers, chairman and case workers of its commune (the province's officers when
 * only the province is known); a report joining an open case to its case worker (else the commune's staff);</li>
 * <li>a plan submitted to the commune's chairman; returned or approved to the case worker;</li>
 * <li>an assignment to the case worker given it; a transfer to the staff of the commune it goes to;</li>
 * <li>a deadline drawing near to the case worker (else the commune's case workers and officers); a deadline missed to
 * the case worker and the commune's officers and chairman; an escalation to the province and district officers;</li>
 * <li>a referral to the focal points of the agency; an agency's answer to the case worker, unless they recorded it;</li>
 * <li>a supervisor breaking the glass to the case worker;</li>
 * <li>a child whose open case is in another commune moving there (the register's event, after its commit): the case
 * worker and the old commune's staff, who decide on the transfer.</li>
 * </ul>
 */
@Component
class CaseNotices {

	private static final Set<Role> SUPERVISORS = CaseAccess.SUPERVISORS;

	private final JdbcClient jdbc;
	private final CaseRecords records;
	private final Units units;
	private final Staff staff;
	private final Notifications notifications;

	CaseNotices(JdbcClient jdbc, CaseRecords records, Units units, Staff staff, Notifications notifications) {
		this.jdbc = jdbc;
		this.records = records;
		this.units = units;
		this.staff = staff;
		this.notifications = notifications;
	}

	@EventListener
	void on(ReportReceived event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		AdministrativeUnit unit = units.findById(header.unitId()).orElseThrow();
		if (event.joinedOpenCase()) {
			String reference = jdbc.sql("SELECT reference FROM casework.report WHERE id = :id")
				.param("id", event.reportId()).query(String.class).single();
			List<Long> told = header.caseWorkerId() != null ? List.of(header.caseWorkerId())
					: ids(staff.reaching(unit.id(), Staff.communeStaff(), unit.level()));
			notifications.send(told, true, link(header), "casework.notify.report-joined", header.number(), reference);
		}
		else {
			Set<Role> told = unit.level() == UnitLevel.PROVINCE ? Set.of(Role.PROVINCE_OFFICER) : Staff.communeStaff();
			notifications.send(ids(staff.reaching(unit.id(), told, unit.level())), true, link(header),
					"casework.notify.report-routed", header.number(), unit.fullName());
		}
	}

	@EventListener
	void on(PlanSubmitted event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		notifications.send(ids(staff.reaching(header.unitId(), Set.of(Role.COMMUNE_CHAIRMAN), UnitLevel.COMMUNE)),
				false, link(header), "casework.notify.plan-submitted", header.number());
	}

	@EventListener
	void on(PlanReturned event) {
		toCaseWorker(records.requireHeader(event.caseId()), false, "casework.notify.plan-returned");
	}

	@EventListener
	void on(PlanApproved event) {
		toCaseWorker(records.requireHeader(event.caseId()), false, "casework.notify.plan-approved");
	}

	@EventListener
	void on(CaseAssigned event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		notifications.send(List.of(event.caseWorkerId()), true, link(header), "casework.notify.assigned",
				header.number());
	}

	@EventListener
	void on(CaseTransferred event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		AdministrativeUnit to = units.findById(event.toUnitId()).orElseThrow();
		notifications.send(ids(staff.reaching(to.id(), Staff.communeStaff(), UnitLevel.COMMUNE)), true, link(header),
				"casework.notify.transferred-in", header.number(), to.fullName());
	}

	/** The reason is the person's, or a message key the case page resolves when the deadline watch escalated. */
	@EventListener
	void on(CaseEscalated event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		List<Long> supervisors = new ArrayList<>();
		supervisors.addAll(ids(staff.reaching(header.unitId(), SUPERVISORS, UnitLevel.PROVINCE)));
		supervisors.addAll(ids(staff.reaching(header.unitId(), SUPERVISORS, UnitLevel.DISTRICT)));
		String key = event.missed() == null ? "casework.notify.escalated"
				: "casework.notify.escalated-deadline." + event.missed().name();
		notifications.send(supervisors, true, link(header), key, header.number(), event.reason());
	}

	@EventListener
	void on(DeadlineApproaching event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		List<Long> told = header.caseWorkerId() != null ? List.of(header.caseWorkerId())
				: ids(staff.reaching(header.unitId(), Set.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER), UnitLevel.COMMUNE));
		notifications.send(told, false, link(header), "casework.notify.deadline-approaching." + event.deadline().name(),
				header.number());
	}

	@EventListener
	void on(DeadlineMissed event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		List<Long> told = new ArrayList<>();
		if (header.caseWorkerId() != null) {
			told.add(header.caseWorkerId());
		}
		told.addAll(ids(staff.reaching(header.unitId(), CaseAccess.LEADS, UnitLevel.COMMUNE)));
		notifications.send(told, true, link(header), "casework.notify.deadline-missed." + event.deadline().name(),
				header.number());
	}

	@EventListener
	void on(ReferralSent event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		notifications.send(ids(staff.focalPointsOf(List.of(event.agencyId()))), true, "/referrals/" + event.referralId(),
				"casework.notify.referral-received", header.number(), agencyName(event.agencyId()));
	}

	@EventListener
	void on(ReferralAccepted event) {
		answered(event.caseId(), event.agencyId(), event.answeredBy(), ReferralStatus.ACCEPTED);
	}

	@EventListener
	void on(ReferralDeclined event) {
		answered(event.caseId(), event.agencyId(), event.answeredBy(), ReferralStatus.DECLINED);
	}

	@EventListener
	void on(ReferralCompleted event) {
		answered(event.caseId(), event.agencyId(), event.answeredBy(), ReferralStatus.COMPLETED);
	}

	@EventListener
	void on(CaseAccessGranted event) {
		CaseRecords.Header header = records.requireHeader(event.caseId());
		if (header.caseWorkerId() != null) {
			notifications.send(List.of(header.caseWorkerId()), false, link(header), "casework.notify.break-glass",
					header.number(), event.userName(), event.reason());
		}
	}

	/**
	 * A child whose open case is kept by another commune moved: the case worker and that commune's staff are told, so
	 * that they transfer the case (a decision, not something done for them: a child may move while the abuser stays,
	 * and the old commune may keep the case until it hands it over).
	 */
	@ApplicationModuleListener
	void on(ChildMoved moved) {
		record OpenCase(long id, String number, long unitId, Long caseWorkerId) {
		}
		List<OpenCase> open = jdbc.sql("""
				SELECT id, number, unit_id, case_worker_id FROM casework.child_case
				WHERE child_id = :child AND closed_at IS NULL AND unit_id <> :to""")
			.param("child", moved.childId())
			.param("to", moved.toUnitId())
			.query((rs, n) -> new OpenCase(rs.getLong("id"), rs.getString("number"), rs.getLong("unit_id"),
					(Long) rs.getObject("case_worker_id")))
			.list();
		String to = units.findById(moved.toUnitId()).map(u -> u.fullName() + " (" + u.code() + ")").orElse("?");
		for (OpenCase c : open) {
			List<Long> told = new ArrayList<>();
			if (c.caseWorkerId() != null) {
				told.add(c.caseWorkerId());
			}
			staff.reaching(c.unitId(), Staff.communeStaff(), UnitLevel.COMMUNE).stream()
				.filter(m -> c.caseWorkerId() == null || m.id() != c.caseWorkerId())
				.forEach(m -> told.add(m.id()));
			notifications.send(told, true, "/cases/" + c.id(), "casework.notify.child-moved", c.number(), to);
		}
	}

	private void answered(long caseId, long agencyId, Long answeredBy, ReferralStatus answer) {
		CaseRecords.Header header = records.requireHeader(caseId);
		if (header.caseWorkerId() != null && !header.caseWorkerId().equals(answeredBy)) {
			notifications.send(List.of(header.caseWorkerId()), answer == ReferralStatus.DECLINED, link(header),
					"casework.notify.referral-" + answer.name().toLowerCase(Locale.ROOT), header.number(),
					agencyName(agencyId));
		}
	}

	private void toCaseWorker(CaseRecords.Header header, boolean urgent, String key) {
		if (header.caseWorkerId() != null) {
			notifications.send(List.of(header.caseWorkerId()), urgent, link(header), key, header.number());
		}
	}

	private String agencyName(long agencyId) {
		return jdbc.sql("SELECT name FROM directory.agency WHERE id = :id").param("id", agencyId).query(String.class)
			.single();
	}

	private static String link(CaseRecords.Header header) {
		return "/cases/" + header.id();
	}

	private static List<Long> ids(Collection<Staff.Member> members) {
		return members.stream().map(Staff.Member::id).toList();
	}
}
