package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.children.Sex;
import vn.vongtay.core.UserFacingException;

/**
 * The case files: the only writer of {@code casework.child_case} (and of the steps, plans and deadline alerts that
 * belong to a case). A file is loaded whole (the case, its current plan, the alerts of its cycle), changed by its
 * methods and stored here: the case's version guards every step that names it ({@code UPDATE ... WHERE version = }),
 * the steps and alerts are appended, and the file's events are published once it is written, in the same
 * transaction. With the case the next due date and the next alert are stored, as {@link CaseFile} computes them, so
 * that lists of due and overdue work and the deadline watch read an indexed column.
 */
@Component
class CaseFiles {

	private final JdbcClient jdbc;
	private final CaseRecords records;
	private final ApplicationEventPublisher events;
	private final DeadlineNotice notice;

	CaseFiles(JdbcClient jdbc, CaseRecords records, ApplicationEventPublisher events,
			@Value("${vongtay.casework.notice.emergency:PT3H}") Duration emergencyNotice,
			@Value("${vongtay.casework.notice.plan:P1D}") Duration planNotice) {
		this.jdbc = jdbc;
		this.records = records;
		this.events = events;
		this.notice = new DeadlineNotice(emergencyNotice, planNotice);
	}

	/** How long before its deadlines the watch announces them. */
	DeadlineNotice notice() {
		return notice;
	}

	/** The id a new case file is stored under, taken before it is opened so its reports can point to it. */
	CaseId nextId() {
		return new CaseId(jdbc.sql("SELECT nextval(pg_get_serial_sequence('casework.child_case', 'id'))")
			.query(Long.class).single());
	}

	/** The next number of the unit's cases in the year: HS-03253-2026-0001. */
	String nextNumber(CaseUnit unit, int year) {
		int sequence = jdbc.sql("""
				INSERT INTO casework.case_number (unit_id, year, last) VALUES (:unit, :year, 1)
				ON CONFLICT (unit_id, year) DO UPDATE SET last = casework.case_number.last + 1 RETURNING last""")
			.param("unit", unit.id())
			.param("year", year)
			.query(Integer.class)
			.single();
		return number(unit.code(), year, sequence);
	}

	static String number(String unitCode, int year, int sequence) {
		return "HS-%s-%d-%04d".formatted(unitCode, year, sequence);
	}

	Optional<CaseFile> find(CaseId id) {
		return jdbc.sql("SELECT * FROM casework.child_case WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** @throws UserFacingException 404 when there is no such case */
	CaseFile load(CaseId id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("casework.error.case-not-found", id.value()));
	}

	/** The open case of a register child (a child has one at a time: a new report joins it). */
	Optional<CaseFile> openCaseOf(long childId) {
		return jdbc.sql("SELECT * FROM casework.child_case WHERE child_id = :child AND closed_at IS NULL ORDER BY id LIMIT 1")
			.param("child", childId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The number of another open case of the child than {@code except}, if there is one. */
	Optional<String> otherOpenCaseOf(long childId, CaseId except) {
		return jdbc.sql("SELECT number FROM casework.child_case WHERE child_id = :child AND closed_at IS NULL AND id <> :id")
			.param("child", childId)
			.param("id", except.value())
			.query(String.class)
			.optional();
	}

	/** The cases the deadline watch owes an alert at {@code now}, the longest owed first. */
	List<CaseId> owingAlerts(LocalDateTime now, int limit) {
		return jdbc.sql("""
				SELECT id FROM casework.child_case WHERE next_alert_at < :now ORDER BY next_alert_at, id LIMIT :limit""")
			.param("now", CaseRecords.zoned(now))
			.param("limit", limit)
			.query((rs, n) -> new CaseId(rs.getLong(1)))
			.list();
	}

	/**
	 * Stores what changed in the file and publishes its events.
	 *
	 * @throws OptimisticLockingFailureException when the case changed since the file was loaded
	 */
	void save(CaseFile file) {
		CaseFile.State state = file.state();
		CaseFile.Derived derived = file.derived(notice);
		long id = state.id().value();
		if (file.isNew()) {
			insert(state, derived);
		}
		else if (file.bumped()) {
			update(state, derived);
		}
		else if (!derived.equals(file.storedDerived())) {
			// the alerts sent moved the next alert: not a change of the case, whose version stays. A case changed
			// meanwhile has its columns from that change; alerts decided on the older case are then not sent.
			int changed = jdbc.sql("""
					UPDATE casework.child_case SET next_due_at = :due, next_alert_at = :alert WHERE id = :id AND version = :version""")
				.param("due", CaseRecords.zoned(derived.nextDueAt()))
				.param("alert", CaseRecords.zoned(derived.nextAlertAt()))
				.param("id", id)
				.param("version", state.version())
				.update();
			if (!file.alerts().isEmpty()) {
				requireOne(changed, state);
			}
		}
		for (CaseFile.Step step : file.steps()) {
			jdbc.sql("""
					INSERT INTO casework.case_step (case_id, step, cycle, taken_at, actor_id, actor_name, content, note)
					VALUES (:case, :step, :cycle, :at, :actor, :name, CAST(:content AS jsonb), :note)""")
				.param("case", id)
				.param("step", step.kind())
				.param("cycle", step.cycle())
				.param("at", CaseRecords.zoned(step.at()))
				.param("actor", step.actor() == null ? null : step.actor().id())
				.param("name", step.actor() == null ? Actor.SYSTEM_NAME : step.actor().name())
				.param("content", step.content() == null ? null : records.json(step.content()))
				.param("note", step.note())
				.update();
		}
		for (CaseFile.Alert alert : file.alerts()) {
			jdbc.sql("""
					INSERT INTO casework.deadline_alert (case_id, deadline, cycle, kind, sent_at)
					VALUES (:case, :deadline, :cycle, :kind, :at) ON CONFLICT DO NOTHING""")
				.param("case", id)
				.param("deadline", alert.deadline().name())
				.param("cycle", alert.cycle())
				.param("kind", alert.kind().name())
				.param("at", CaseRecords.zoned(alert.sentAt()))
				.update();
		}
		file.plan().ifPresent(plan -> savePlan(id, plan));
		List<Object> published = file.events();
		file.stored(derived);
		published.forEach(events::publishEvent);
	}

	private void insert(CaseFile.State s, CaseFile.Derived derived) {
		jdbc.sql("""
				INSERT INTO casework.child_case (id, number, unit_id, province_code, child_id, child_name, child_sex,
				       child_birth_date, child_birth_estimated, stage, cycle, received_at, opened_at, case_worker_id,
				       case_worker_name, escalated_at, escalation_reason, risk_level, emergency_required, emergency_due_at,
				       emergency_taken_at, plan_due_at, plan_approved_at, first_plan_due_at, first_plan_approved_at,
				       review_due_on, reviewed_at, abuse_confirmed, abuse_forms, abuse_subtypes, setting, perpetrator_type,
				       perpetrator_relationship, outcome, closed_at, closure_reason, next_due_at, next_alert_at, version)
				VALUES (:id, :number, :unit, :province, :child, :childName, :childSex, :birth, :estimated, :stage, :cycle,
				       :received, :opened, :worker, :workerName, :escalatedAt, :escalationReason, :risk, :required,
				       :emergencyDue, :emergencyTaken, :planDue, :planApproved, :firstPlanDue, :firstPlanApproved, :reviewDue,
				       :reviewed, :confirmed, :forms, :subtypes, :setting, :perpetrator, :relationship, :outcome, :closed,
				       :closure, :nextDue, :nextAlert, :version)""")
			.params(columns(s, derived))
			.param("number", s.number())
			.param("received", CaseRecords.zoned(s.receivedAt()))
			.param("opened", CaseRecords.zoned(s.openedAt()))
			.update();
	}

	private void update(CaseFile.State s, CaseFile.Derived derived) {
		int changed = jdbc.sql("""
				UPDATE casework.child_case SET unit_id = :unit, province_code = :province, child_id = :child,
				       child_name = :childName, child_sex = :childSex, child_birth_date = :birth,
				       child_birth_estimated = :estimated, stage = :stage, cycle = :cycle, case_worker_id = :worker,
				       case_worker_name = :workerName, escalated_at = :escalatedAt, escalation_reason = :escalationReason,
				       risk_level = :risk, emergency_required = :required, emergency_due_at = :emergencyDue,
				       emergency_taken_at = :emergencyTaken, plan_due_at = :planDue, plan_approved_at = :planApproved,
				       first_plan_due_at = :firstPlanDue, first_plan_approved_at = :firstPlanApproved,
				       review_due_on = :reviewDue, reviewed_at = :reviewed, abuse_confirmed = :confirmed,
				       abuse_forms = :forms, abuse_subtypes = :subtypes, setting = :setting,
				       perpetrator_type = :perpetrator, perpetrator_relationship = :relationship, outcome = :outcome,
				       closed_at = :closed, closure_reason = :closure, next_due_at = :nextDue, next_alert_at = :nextAlert,
				       version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(s, derived))
			.update();
		requireOne(changed, s);
	}

	/** The columns a step may change, as parameters. */
	private static Map<String, Object> columns(CaseFile.State s, CaseFile.Derived derived) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("id", s.id().value());
		p.put("unit", s.unitId());
		p.put("province", s.provinceCode());
		p.put("child", s.child().registerId());
		p.put("childName", s.child().name());
		p.put("childSex", s.child().sex().name());
		p.put("birth", s.child().birthDate());
		p.put("estimated", s.child().birthEstimated());
		p.put("stage", s.stage().name());
		p.put("cycle", s.cycle());
		p.put("worker", s.caseWorkerId());
		p.put("workerName", s.caseWorkerName());
		p.put("escalatedAt", CaseRecords.zoned(s.escalatedAt()));
		p.put("escalationReason", s.escalationReason());
		p.put("risk", s.riskLevel() == null ? null : s.riskLevel().name());
		p.put("required", s.emergencyRequired());
		p.put("emergencyDue", CaseRecords.zoned(s.emergencyDueAt()));
		p.put("emergencyTaken", CaseRecords.zoned(s.emergencyTakenAt()));
		p.put("planDue", CaseRecords.zoned(s.planDueAt()));
		p.put("planApproved", CaseRecords.zoned(s.planApprovedAt()));
		p.put("firstPlanDue", CaseRecords.zoned(s.firstPlanDueAt()));
		p.put("firstPlanApproved", CaseRecords.zoned(s.firstPlanApprovedAt()));
		p.put("reviewDue", s.reviewDueOn());
		p.put("reviewed", CaseRecords.zoned(s.reviewedAt()));
		Classification c = s.classification();
		p.put("confirmed", c.abuseConfirmed());
		p.put("forms", c.forms().stream().map(Enum::name).sorted().toArray(String[]::new));
		p.put("subtypes", c.subtypes().stream().map(Enum::name).sorted().toArray(String[]::new));
		p.put("setting", c.setting() == null ? null : c.setting().name());
		p.put("perpetrator", c.perpetratorType() == null ? null : c.perpetratorType().name());
		p.put("relationship", c.perpetratorRelationship());
		p.put("outcome", s.outcome() == null ? null : s.outcome().name());
		p.put("closed", CaseRecords.zoned(s.closedAt()));
		p.put("closure", s.closureReason());
		p.put("nextDue", CaseRecords.zoned(derived.nextDueAt()));
		p.put("nextAlert", CaseRecords.zoned(derived.nextAlertAt()));
		p.put("version", s.version());
		return p;
	}

	private static void requireOne(int changed, CaseFile.State s) {
		if (changed == 0) {
			throw new OptimisticLockingFailureException("case " + s.id() + " changed since version " + s.version());
		}
	}

	/** The plan of the cycle as it stands; a redraft drops the services no agency was asked for. */
	private void savePlan(long caseId, CasePlan plan) {
		long planId;
		if (plan.changed()) {
			planId = jdbc.sql("""
					INSERT INTO casework.intervention_plan (case_id, cycle, status, goals, content, review_on, drafted_by_id,
					       drafted_by_name, drafted_at, submitted_at, returned_comment, approved_by_id, approved_by_name,
					       approved_at, decision_number, version)
					VALUES (:case, :cycle, :status, :goals, CAST(:content AS jsonb), :review, :draftedBy, :draftedByName,
					       :draftedAt, :submittedAt, :returned, :approvedBy, :approvedByName, :approvedAt, :decision, :version)
					ON CONFLICT (case_id, cycle) DO UPDATE SET status = EXCLUDED.status, goals = EXCLUDED.goals,
					       content = EXCLUDED.content, review_on = EXCLUDED.review_on, drafted_by_id = EXCLUDED.drafted_by_id,
					       drafted_by_name = EXCLUDED.drafted_by_name, drafted_at = EXCLUDED.drafted_at,
					       submitted_at = EXCLUDED.submitted_at, returned_comment = EXCLUDED.returned_comment,
					       approved_by_id = EXCLUDED.approved_by_id, approved_by_name = EXCLUDED.approved_by_name,
					       approved_at = EXCLUDED.approved_at, decision_number = EXCLUDED.decision_number,
					       version = EXCLUDED.version
					RETURNING id""")
				.param("case", caseId)
				.param("cycle", plan.cycle())
				.param("status", plan.status().name())
				.param("goals", plan.goals())
				.param("content", plan.notes() == null ? null : records.json(Map.of("notes", plan.notes())))
				.param("review", plan.reviewOn())
				.param("draftedBy", plan.draftedById())
				.param("draftedByName", plan.draftedByName())
				.param("draftedAt", CaseRecords.zoned(plan.draftedAt()))
				.param("submittedAt", CaseRecords.zoned(plan.submittedAt()))
				.param("returned", plan.returnedComment())
				.param("approvedBy", plan.approvedById())
				.param("approvedByName", plan.approvedByName())
				.param("approvedAt", CaseRecords.zoned(plan.approvedAt()))
				.param("decision", plan.decisionNumber())
				.param("version", plan.version())
				.query(Long.class)
				.single();
			if (plan.redrafted()) {
				jdbc.sql("""
						DELETE FROM casework.plan_item i WHERE i.plan_id = :plan
						  AND NOT EXISTS (SELECT 1 FROM casework.referral f WHERE f.plan_item_id = i.id)""")
					.param("plan", planId).update();
			}
		}
		else if (plan.items().stream().anyMatch(CasePlan.Item::changed)) {
			planId = plan.id().orElseThrow();
		}
		else {
			return;
		}
		for (CasePlan.Item item : plan.items()) {
			if (item.id().isEmpty()) {
				item.identify(jdbc.sql("""
						INSERT INTO casework.plan_item (plan_id, position, service, description, agency_id, provider_name,
						       due_on, status, result, version)
						VALUES (:plan, :position, :service, :description, :agency, :provider, :due, :status, :result, :version)
						RETURNING id""")
					.param("plan", planId)
					.param("position", item.position())
					.param("service", item.service().name())
					.param("description", item.description())
					.param("agency", item.agencyId())
					.param("provider", item.providerName())
					.param("due", item.dueOn())
					.param("status", item.status().name())
					.param("result", item.result())
					.param("version", item.version())
					.query(Long.class)
					.single());
			}
			else if (item.changed()) {
				int changed = jdbc.sql("""
						UPDATE casework.plan_item SET status = :status, result = :result, version = :version
						WHERE id = :item AND version = :version - 1""")
					.param("status", item.status().name())
					.param("result", item.result())
					.param("version", item.version())
					.param("item", item.id().orElseThrow())
					.update();
				if (changed == 0) {
					throw new OptimisticLockingFailureException("plan item " + item.id().orElseThrow() + " changed");
				}
			}
		}
		plan.stored(planId);
	}

	private CaseFile map(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		int cycle = rs.getInt("cycle");
		String risk = rs.getString("risk_level");
		String setting = rs.getString("setting");
		String perpetrator = rs.getString("perpetrator_type");
		String outcome = rs.getString("outcome");
		CaseFile.State state = new CaseFile.State(new CaseId(id), rs.getString("number"), rs.getLong("unit_id"),
				rs.getString("province_code"),
				new ReportedChild((Long) rs.getObject("child_id"), rs.getString("child_name"),
						Sex.valueOf(rs.getString("child_sex")), rs.getObject("child_birth_date", LocalDate.class),
						rs.getBoolean("child_birth_estimated")),
				CaseStage.valueOf(rs.getString("stage")), cycle, CaseRecords.local(rs, "received_at"),
				CaseRecords.local(rs, "opened_at"), (Long) rs.getObject("case_worker_id"), rs.getString("case_worker_name"),
				CaseRecords.local(rs, "escalated_at"), rs.getString("escalation_reason"),
				risk == null ? null : RiskLevel.valueOf(risk), (Boolean) rs.getObject("emergency_required"),
				CaseRecords.local(rs, "emergency_due_at"), CaseRecords.local(rs, "emergency_taken_at"),
				CaseRecords.local(rs, "plan_due_at"), CaseRecords.local(rs, "plan_approved_at"),
				CaseRecords.local(rs, "first_plan_due_at"), CaseRecords.local(rs, "first_plan_approved_at"),
				rs.getObject("review_due_on", LocalDate.class), CaseRecords.local(rs, "reviewed_at"),
				new Classification((Boolean) rs.getObject("abuse_confirmed"),
						Cases.enums(AbuseForm.class, rs.getArray("abuse_forms")),
						Cases.enums(AbuseSubtype.class, rs.getArray("abuse_subtypes")),
						setting == null ? null : AbuseSetting.valueOf(setting),
						perpetrator == null ? null : PerpetratorType.valueOf(perpetrator),
						rs.getString("perpetrator_relationship")),
				outcome == null ? null : CaseOutcome.valueOf(outcome), CaseRecords.local(rs, "closed_at"),
				rs.getString("closure_reason"), rs.getInt("version"));
		CaseFile.Derived stored = new CaseFile.Derived(CaseRecords.local(rs, "next_due_at"),
				CaseRecords.local(rs, "next_alert_at"));
		return new CaseFile(state, plan(id, cycle), alerted(id, cycle), stored);
	}

	private CasePlan plan(long caseId, int cycle) {
		return jdbc.sql("SELECT * FROM casework.intervention_plan WHERE case_id = :case AND cycle = :cycle")
			.param("case", caseId)
			.param("cycle", cycle)
			.query((rs, n) -> {
				Map<String, Object> content = records.contentMap(rs.getString("content"));
				long planId = rs.getLong("id");
				return new CasePlan(planId, cycle, PlanStatus.valueOf(rs.getString("status")), rs.getString("goals"),
						content == null ? null : (String) content.get("notes"), rs.getObject("review_on", LocalDate.class),
						(Long) rs.getObject("drafted_by_id"), rs.getString("drafted_by_name"),
						CaseRecords.local(rs, "drafted_at"), CaseRecords.local(rs, "submitted_at"),
						rs.getString("returned_comment"), (Long) rs.getObject("approved_by_id"),
						rs.getString("approved_by_name"), CaseRecords.local(rs, "approved_at"),
						rs.getString("decision_number"), rs.getInt("version"), items(planId));
			})
			.optional()
			.orElse(null);
	}

	private List<CasePlan.Item> items(long planId) {
		return jdbc.sql("""
				SELECT i.*, EXISTS (SELECT 1 FROM casework.referral f WHERE f.plan_item_id = i.id) AS referred
				FROM casework.plan_item i WHERE i.plan_id = :plan ORDER BY i.position""")
			.param("plan", planId)
			.query((rs, n) -> new CasePlan.Item(rs.getLong("id"), rs.getInt("position"),
					ServiceKind.valueOf(rs.getString("service")), rs.getString("description"),
					(Long) rs.getObject("agency_id"), rs.getString("provider_name"), rs.getObject("due_on", LocalDate.class),
					PlanItemStatus.valueOf(rs.getString("status")), rs.getString("result"), rs.getInt("version"),
					rs.getBoolean("referred")))
			.list();
	}

	private Set<String> alerted(long caseId, int cycle) {
		Set<String> keys = new HashSet<>();
		jdbc.sql("SELECT deadline, kind FROM casework.deadline_alert WHERE case_id = :case AND cycle = :cycle")
			.param("case", caseId)
			.param("cycle", cycle)
			.query(rs -> {
				keys.add(CaseFile.alertKey(DeadlineKind.valueOf(rs.getString(1)), CaseFile.AlertKind.valueOf(rs.getString(2))));
			});
		return keys;
	}
}
