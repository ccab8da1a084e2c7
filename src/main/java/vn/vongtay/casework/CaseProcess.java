package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.children.Child;
import vn.vongtay.children.Children;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * The steps of the statutory process, each allowed at some stages and to some roles only, each recorded with who took
 * it, when and what (the form's content). An illegal step is refused with a message naming the stage; a step on a case
 * someone else changed since the caller read it is refused as a concurrent edit.
 */
@Component
@Transactional
public class CaseProcess {

	/** The commune's casework: the case worker and the commune officer who also works cases. */
	static final Set<Role> WORKERS = EnumSet.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER);
	static final Set<Role> CHAIRMAN = EnumSet.of(Role.COMMUNE_CHAIRMAN);
	static final Set<Role> WORKERS_AND_CHAIRMAN = EnumSet.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER,
			Role.COMMUNE_CHAIRMAN);
	static final Set<Role> LEADS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);
	static final Set<Role> TRANSFERRERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.PROVINCE_OFFICER,
			Role.DISTRICT_OFFICER);

	private final JdbcClient jdbc;
	private final CaseRecords records;
	private final CaseAccess access;
	private final DeadlineRules deadlineRules;
	private final Children children;
	private final Agencies agencies;
	private final Units units;
	private final Staff staff;
	private final Notifications notifications;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseProcess(JdbcClient jdbc, CaseRecords records, CaseAccess access, DeadlineRules deadlineRules, Children children,
			Agencies agencies, Units units, Staff staff, Notifications notifications, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.access = access;
		this.deadlineRules = deadlineRules;
		this.children = children;
		this.agencies = agencies;
		this.units = units;
		this.staff = staff;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// --- step 2: verification ---

	/** The concern was verified: the case goes on to the initial assessment. */
	public void verify(long id, int version, String note) {
		Step step = begin(id, version, CaseAction.VERIFY);
		step.finish(null, VietnameseText.clean(note));
	}

	/** The concern proved unfounded (or not about a child): the case is closed. */
	public void dismiss(long id, int version, CaseOutcome outcome, String reason) {
		String why = required(reason, "reason");
		Step step = begin(id, version, CaseAction.DISMISS);
		close(step, outcome == null ? CaseOutcome.NO_ABUSE_FOUND : outcome, why);
		step.finish(null, why);
	}

	// --- step 3: initial assessment (Mẫu 02) ---

	public void assessInitial(long id, int version, InitialAssessment assessment) {
		Step step = begin(id, version, CaseAction.ASSESS_INITIAL);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(assessment.assessedAt(), step.header(), "assessedAt", problems);
		if (assessment.riskLevel() == null) {
			problems.add(InputProblem.field("riskLevel", "error.field.required", "riskLevel"));
		}
		if (VietnameseText.clean(assessment.childCondition()) == null) {
			problems.add(InputProblem.field("childCondition", "error.field.required", "childCondition"));
		}
		reject(problems);
		InitialAssessment recorded = new InitialAssessment(at, clean(assessment.participants()),
				clean(assessment.childCondition()), clean(assessment.immediateSafety()), assessment.riskLevel(),
				assessment.abuseIndicated(), clean(assessment.immediateNeeds()), clean(assessment.recommendation()));
		jdbc.sql("UPDATE casework.child_case SET risk_level = :risk, emergency_required = :required WHERE id = :id")
			.param("risk", assessment.riskLevel().name())
			.param("required", assessment.riskLevel().callsForEmergencyMeasures())
			.param("id", id)
			.update();
		step.at(at).finish(recorded, null);
		events.publishEvent(new RiskAssessed(id, step.header().unitId(), false, assessment.riskLevel()));
	}

	// --- step 4: emergency measures (Mẫu 07) ---

	/**
	 * Records emergency measures or a temporary isolation, taken at the time given (the field work often comes before
	 * the record). The first measure taken meets, or misses, the emergency deadline.
	 */
	public void takeEmergencyMeasure(long id, int version, EmergencyMeasure measure) {
		Step step = begin(id, version, CaseAction.TAKE_EMERGENCY_MEASURE);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(measure.takenAt(), step.header(), "takenAt", problems);
		if (measure.measures().isEmpty()) {
			problems.add(InputProblem.field("measures", "casework.error.measure-required"));
		}
		if (VietnameseText.clean(measure.decidedBy()) == null) {
			problems.add(InputProblem.field("decidedBy", "error.field.required", "decidedBy"));
		}
		if (measure.until() != null && measure.until().isBefore(at.toLocalDate())) {
			problems.add(InputProblem.field("until", "error.field.dates-reversed"));
		}
		reject(problems);
		EmergencyMeasure recorded = new EmergencyMeasure(at, measure.measures(), clean(measure.decidedBy()),
				clean(measure.decisionNumber()), clean(measure.description()), clean(measure.careArrangement()),
				measure.until());
		boolean first = step.header().emergencyTakenAt() == null;
		if (first) {
			jdbc.sql("UPDATE casework.child_case SET emergency_taken_at = :at, emergency_required = TRUE WHERE id = :id")
				.param("at", CaseRecords.zoned(at))
				.param("id", id)
				.update();
		}
		step.at(at).finish(recorded, null);
		if (first) {
			events.publishEvent(new EmergencyMeasureTaken(id, step.header().unitId(), at,
					!at.isAfter(step.header().emergencyDueAt())));
		}
	}

	// --- step 5: detailed assessment (Mẫu 03) ---

	public void assessDetailed(long id, int version, DetailedAssessment assessment) {
		Step step = begin(id, version, CaseAction.ASSESS_DETAILED);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(assessment.assessedAt(), step.header(), "assessedAt", problems);
		if (assessment.riskLevel() == null) {
			problems.add(InputProblem.field("riskLevel", "error.field.required", "riskLevel"));
		}
		if (VietnameseText.clean(assessment.needs()) == null) {
			problems.add(InputProblem.field("needs", "error.field.required", "needs"));
		}
		reject(problems);
		DetailedAssessment recorded = new DetailedAssessment(at, clean(assessment.participants()),
				clean(assessment.physicalState()), clean(assessment.psychologicalState()),
				clean(assessment.emotionalState()), clean(assessment.familySituation()),
				clean(assessment.caregiverCapacity()), clean(assessment.needs()), assessment.riskLevel());
		jdbc.sql("UPDATE casework.child_case SET risk_level = :risk WHERE id = :id")
			.param("risk", assessment.riskLevel().name()).param("id", id).update();
		step.at(at).finish(recorded, null);
		events.publishEvent(new RiskAssessed(id, step.header().unitId(), true, assessment.riskLevel()));
	}

	/** After an assessment found that the child needs no intervention: the case is closed with its outcome. */
	public void closeWithoutPlan(long id, int version, CaseOutcome outcome, String reason) {
		String why = required(reason, "reason");
		if (outcome == null) {
			reject(List.of(InputProblem.field("outcome", "error.field.required", "outcome")));
		}
		Step step = begin(id, version, CaseAction.CLOSE_WITHOUT_PLAN);
		close(step, outcome, why);
		step.finish(null, why);
	}

	// --- step 6: the plan (Mẫu 04) and its approval (Mẫu 05) ---

	/** Drafts (or redrafts) the plan of the current cycle: its goals, its services, and when it will be reviewed. */
	public void draftPlan(long id, int version, PlanDraft plan) {
		Step step = begin(id, version, CaseAction.DRAFT_PLAN);
		LocalDate today = LocalDate.now(clock);
		List<InputProblem> problems = new ArrayList<>();
		if (VietnameseText.clean(plan.goals()) == null) {
			problems.add(InputProblem.field("goals", "error.field.required", "goals"));
		}
		if (plan.reviewOn() == null) {
			problems.add(InputProblem.field("reviewOn", "error.field.required", "reviewOn"));
		}
		else if (!plan.reviewOn().isAfter(today)) {
			problems.add(InputProblem.field("reviewOn", "casework.error.review-in-future"));
		}
		if (plan.items().isEmpty()) {
			problems.add(InputProblem.field("items", "casework.error.plan-needs-services"));
		}
		for (int i = 0; i < plan.items().size(); i++) {
			PlanDraft.Item item = plan.items().get(i);
			String at = "items[" + i + "]";
			if (item.service() == null) {
				problems.add(InputProblem.field(at + ".service", "error.field.required", "service"));
			}
			if (item.dueOn() == null) {
				problems.add(InputProblem.field(at + ".dueOn", "error.field.required", "dueOn"));
			}
			else if (item.dueOn().isBefore(today)) {
				problems.add(InputProblem.field(at + ".dueOn", "casework.error.date-in-past"));
			}
			if (item.agencyId() == null && VietnameseText.clean(item.providerName()) == null) {
				problems.add(InputProblem.field(at + ".agencyId", "casework.error.responsible-required"));
			}
			else if (item.agencyId() != null && agencies.find(item.agencyId()).isEmpty()) {
				problems.add(InputProblem.field(at + ".agencyId", "error.agency.not-found", item.agencyId()));
			}
		}
		reject(problems);
		SignedInUser user = Jurisdictions.requireUser();
		int cycle = step.header().cycle();
		String notes = clean(plan.notes());
		long planId = jdbc.sql("""
				INSERT INTO casework.intervention_plan (case_id, cycle, status, goals, content, review_on, drafted_by_id,
				       drafted_by_name, drafted_at)
				VALUES (:case, :cycle, 'DRAFT', :goals, CAST(:content AS jsonb), :review, :by, :byName, :at)
				ON CONFLICT (case_id, cycle) DO UPDATE SET status = 'DRAFT', goals = EXCLUDED.goals,
				       content = EXCLUDED.content, review_on = EXCLUDED.review_on, drafted_by_id = EXCLUDED.drafted_by_id,
				       drafted_by_name = EXCLUDED.drafted_by_name, drafted_at = EXCLUDED.drafted_at,
				       version = casework.intervention_plan.version + 1
				RETURNING id""")
			.param("case", id)
			.param("cycle", cycle)
			.param("goals", clean(plan.goals()))
			.param("content", notes == null ? null : records.json(java.util.Map.of("notes", notes)))
			.param("review", plan.reviewOn())
			.param("by", user.id())
			.param("byName", user.displayName())
			.param("at", CaseRecords.zoned(step.now()))
			.query(Long.class)
			.single();
		jdbc.sql("""
				DELETE FROM casework.plan_item i WHERE i.plan_id = :plan
				  AND NOT EXISTS (SELECT 1 FROM casework.referral f WHERE f.plan_item_id = i.id)""")
			.param("plan", planId).update();
		int position = 1 + jdbc.sql("SELECT COALESCE(max(position), 0) FROM casework.plan_item WHERE plan_id = :plan")
			.param("plan", planId).query(Integer.class).single();
		for (PlanDraft.Item item : plan.items()) {
			jdbc.sql("""
					INSERT INTO casework.plan_item (plan_id, position, service, description, agency_id, provider_name, due_on)
					VALUES (:plan, :position, :service, :description, :agency, :provider, :due)""")
				.param("plan", planId)
				.param("position", position++)
				.param("service", item.service().name())
				.param("description", clean(item.description()))
				.param("agency", item.agencyId())
				.param("provider", clean(item.providerName()))
				.param("due", item.dueOn())
				.update();
		}
		step.finish(null, clean(plan.goals()));
	}

	/** The case worker submits the drafted plan to the commune chairman. */
	public void submitPlan(long id, int version) {
		Step step = begin(id, version, CaseAction.SUBMIT_PLAN);
		planOfCycle(step).ifPresentOrElse(planId -> jdbc.sql("""
				UPDATE casework.intervention_plan SET status = 'SUBMITTED', submitted_at = :at, returned_comment = NULL,
				       version = version + 1 WHERE id = :plan""")
			.param("at", CaseRecords.zoned(step.now())).param("plan", planId).update(),
				() -> reject(List.of(InputProblem.field("plan", "casework.error.no-plan"))));
		step.finish(null, null);
		List<Long> chairmen = staff.reaching(step.header().unitId(), CHAIRMAN, UnitLevel.COMMUNE).stream()
			.map(Staff.Member::id).toList();
		notifications.send(chairmen, false, "/cases/" + id, "casework.notify.plan-submitted", step.header().number());
	}

	/** The chairman sends the plan back to the case worker with what must change. */
	public void returnPlan(long id, int version, String comment) {
		String why = required(comment, "comment");
		Step step = begin(id, version, CaseAction.RETURN_PLAN);
		jdbc.sql("""
				UPDATE casework.intervention_plan SET status = 'DRAFT', returned_comment = :comment, version = version + 1
				WHERE case_id = :case AND cycle = :cycle""")
			.param("comment", why).param("case", id).param("cycle", step.header().cycle()).update();
		step.finish(null, why);
		notifyCaseWorker(step.header(), false, "casework.notify.plan-returned");
	}

	/**
	 * The chairman approves the plan (Mẫu 05): implementation starts, the review date the plan set becomes the next
	 * deadline, and the plan deadline is met or missed now.
	 */
	public void approvePlan(long id, int version, String decisionNumber, String note) {
		Step step = begin(id, version, CaseAction.APPROVE_PLAN);
		SignedInUser user = Jurisdictions.requireUser();
		LocalDateTime now = step.now();
		LocalDate reviewOn = jdbc.sql("""
				UPDATE casework.intervention_plan SET status = 'APPROVED', approved_by_id = :by, approved_by_name = :name,
				       approved_at = :at, decision_number = :decision, version = version + 1
				WHERE case_id = :case AND cycle = :cycle RETURNING review_on""")
			.param("by", user.id()).param("name", user.displayName()).param("at", CaseRecords.zoned(now))
			.param("decision", clean(decisionNumber)).param("case", id).param("cycle", step.header().cycle())
			.query(LocalDate.class).single();
		jdbc.sql("""
				UPDATE casework.child_case SET plan_approved_at = :at, review_due_on = :review, reviewed_at = NULL,
				       first_plan_approved_at = COALESCE(first_plan_approved_at, :at)
				WHERE id = :id""")
			.param("at", CaseRecords.zoned(now)).param("review", reviewOn).param("id", id).update();
		step.finish(null, clean(note));
		notifyCaseWorker(step.header(), false, "casework.notify.plan-approved");
		events.publishEvent(new PlanApproved(id, step.header().unitId(), step.header().cycle(), now,
				!now.isAfter(step.header().planDueAt())));
	}

	/** Updates the progress of a service of the plan. */
	public void updatePlanItem(long caseId, long itemId, int itemVersion, PlanItemStatus status, String result) {
		Step step = begin(caseId, null, CaseAction.UPDATE_PLAN_ITEM);
		if (status == null) {
			reject(List.of(InputProblem.field("status", "error.field.required", "status")));
		}
		int changed = jdbc.sql("""
				UPDATE casework.plan_item i SET status = :status, result = COALESCE(:result, i.result), version = i.version + 1
				FROM casework.intervention_plan p
				WHERE i.id = :item AND i.version = :version AND p.id = i.plan_id AND p.case_id = :case""")
			.param("status", status.name()).param("result", clean(result)).param("item", itemId)
			.param("version", itemVersion).param("case", caseId)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("plan item " + itemId + " changed or not in case " + caseId);
		}
		step.finish(null, status.name() + (clean(result) == null ? "" : ": " + clean(result)));
	}

	// --- step 8: review (Mẫu 06), closure, reopening ---

	/**
	 * Reviews the implemented plan, every criterion rated: closes the case with its outcome, or starts a new plan cycle
	 * whose plan is due within the working days of the rule from today.
	 */
	public void review(long id, int version, Review review) {
		List<InputProblem> problems = new ArrayList<>();
		for (ReviewCriterion criterion : ReviewCriterion.values()) {
			if (review.ratings().get(criterion) == null) {
				problems.add(InputProblem.field("ratings." + criterion.name(), "casework.error.rating-required",
						label("casework.criterion." + criterion.name(), criterion.name())));
			}
		}
		if (review.close() && review.outcome() == null) {
			problems.add(InputProblem.field("outcome", "error.field.required", "outcome"));
		}
		if (VietnameseText.clean(review.findings()) == null) {
			problems.add(InputProblem.field("findings", "error.field.required", "findings"));
		}
		reject(problems);
		Step step = begin(id, version, review.close() ? CaseAction.REVIEW_AND_CLOSE : CaseAction.REVIEW_AND_REPLAN);
		List<InputProblem> timing = new ArrayList<>();
		LocalDateTime at = formTime(review.reviewedAt(), step.header(), "reviewedAt", timing);
		reject(timing);
		Review recorded = new Review(at, review.ratings(), clean(review.findings()), review.close(), review.outcome(),
				clean(review.nextSteps()));
		jdbc.sql("UPDATE casework.child_case SET reviewed_at = :at WHERE id = :id")
			.param("at", CaseRecords.zoned(at)).param("id", id).update();
		step.at(at).finish(recorded, clean(review.findings()));
		if (review.close()) {
			close(step, review.outcome(), clean(review.findings()));
		}
		else {
			startCycle(step.header(), step.now());
		}
	}

	/** A closed case is opened again for a new concern: a new cycle from verification, with new deadlines from now. */
	public void reopen(long id, int version, String reason) {
		String why = required(reason, "reason");
		Step step = begin(id, version, CaseAction.REOPEN);
		LocalDateTime now = step.now();
		DeadlineRules.DueDates due = deadlineRules.dueDates(deadlineRules.ruleFor(step.header().unitId()), now);
		jdbc.sql("""
				UPDATE casework.child_case SET closed_at = NULL, closure_reason = NULL, outcome = NULL,
				       cycle = cycle + 1, emergency_required = NULL, emergency_taken_at = NULL, emergency_due_at = :emergency,
				       plan_approved_at = NULL, plan_due_at = :plan, review_due_on = NULL, reviewed_at = NULL,
				       first_plan_due_at = CASE WHEN first_plan_approved_at IS NULL THEN :plan ELSE first_plan_due_at END
				WHERE id = :id""")
			.param("emergency", CaseRecords.zoned(due.emergencyDueAt()))
			.param("plan", CaseRecords.zoned(due.planDueAt()))
			.param("id", id).update();
		step.cycle(step.header().cycle() + 1).finish(null, why);
		events.publishEvent(new CaseReopened(id, step.header().unitId()));
	}

	// --- around the process ---

	/** Assigns the case to one of the commune's case workers. */
	public void assign(long id, int version, long caseWorkerId) {
		Step step = begin(id, version, CaseAction.ASSIGN);
		Staff.Member worker = staff.reaching(step.header().unitId(), Set.of(Role.CASE_WORKER), UnitLevel.COMMUNE).stream()
			.filter(m -> m.id() == caseWorkerId).findFirst()
			.orElseThrow(() -> UserFacingException.rejected(
					List.of(InputProblem.field("caseWorkerId", "casework.error.not-a-case-worker-here"))));
		jdbc.sql("UPDATE casework.child_case SET case_worker_id = :worker, case_worker_name = :name WHERE id = :id")
			.param("worker", worker.id()).param("name", worker.displayName()).param("id", id).update();
		step.finish(null, worker.displayName());
		notifications.send(List.of(worker.id()), true, "/cases/" + id, "casework.notify.assigned",
				step.header().number());
	}

	/** Transfers the case to the commune the child moved to; that commune's officers are told, the old one loses it. */
	public void transfer(long id, int version, String toCommuneCode, String reason) {
		String why = required(reason, "reason");
		Step step = begin(id, version, CaseAction.TRANSFER);
		LocalDate today = LocalDate.now(clock);
		AdministrativeUnit target = units.findByCode(toCommuneCode, today)
			.filter(u -> u.level() == UnitLevel.COMMUNE && u.isValidOn(today))
			.orElseThrow(() -> UserFacingException.rejected(List.of(InputProblem.field("toCommuneCode",
					"casework.error.transfer-target", String.valueOf(toCommuneCode)))));
		if (target.id() == step.header().unitId()) {
			reject(List.of(InputProblem.field("toCommuneCode", "casework.error.transfer-same")));
		}
		List<Staff.Member> workers = staff.reaching(target.id(), Set.of(Role.CASE_WORKER), UnitLevel.COMMUNE);
		Staff.Member worker = workers.size() == 1 ? workers.get(0) : null;
		jdbc.sql("""
				UPDATE casework.child_case SET unit_id = :unit, province_code = :province, case_worker_id = :worker,
				       case_worker_name = :workerName, escalated_at = NULL, escalation_reason = NULL WHERE id = :id""")
			.param("unit", target.id()).param("province", target.provinceCode())
			.param("worker", worker == null ? null : worker.id())
			.param("workerName", worker == null ? null : worker.displayName())
			.param("id", id).update();
		step.finish(null, target.fullName() + ": " + why);
		notifications.send(staff.reaching(target.id(), Staff.communeStaff(), UnitLevel.COMMUNE).stream()
			.map(Staff.Member::id).toList(), true, "/cases/" + id, "casework.notify.transferred-in",
				step.header().number(), target.fullName());
		events.publishEvent(new CaseTransferred(id, step.header().unitId(), target.id()));
	}

	/** Escalates the case to the supervisors above the commune, who then see its details. */
	public void escalate(long id, int version, String reason) {
		String why = required(reason, "reason");
		Step step = begin(id, version, CaseAction.ESCALATE);
		escalateNow(step.header(), why, "casework.notify.escalated");
		step.finish(null, why);
	}

	/**
	 * Escalates a case and tells the supervisors with the message given (its arguments: the case number and the
	 * reason). The deadline watch escalates with a message key as the reason, which the case page resolves.
	 */
	void escalateNow(CaseRecords.Header header, String reason, String messageKey) {
		jdbc.sql("""
				UPDATE casework.child_case SET escalated_at = COALESCE(escalated_at, now()),
				       escalation_reason = COALESCE(escalation_reason, :reason) WHERE id = :id""")
			.param("reason", reason).param("id", header.id()).update();
		List<Long> supervisors = new ArrayList<>();
		staff.reaching(header.unitId(), CaseAccess.SUPERVISORS, UnitLevel.PROVINCE).forEach(m -> supervisors.add(m.id()));
		staff.reaching(header.unitId(), CaseAccess.SUPERVISORS, UnitLevel.DISTRICT).forEach(m -> supervisors.add(m.id()));
		notifications.send(supervisors, true, "/cases/" + header.id(), messageKey, header.number(), reason);
	}

	/** Records what the case is, for statistics. */
	public void classify(long id, int version, Classification classification) {
		Step step = begin(id, version, CaseAction.CLASSIFY);
		List<InputProblem> problems = new ArrayList<>();
		for (AbuseSubtype subtype : classification.subtypes()) {
			if (!classification.forms().contains(subtype.form())) {
				problems.add(InputProblem.field("subtypes", "casework.error.subtype-without-form",
						label("casework.abuse-subtype." + subtype.name(), subtype.name()),
						label("casework.abuse-form." + subtype.form().name(), subtype.form().name())));
			}
		}
		if (Boolean.TRUE.equals(classification.abuseConfirmed()) && classification.forms().isEmpty()) {
			problems.add(InputProblem.field("forms", "casework.error.confirmed-needs-form"));
		}
		reject(problems);
		jdbc.sql("""
				UPDATE casework.child_case SET abuse_confirmed = :confirmed, abuse_forms = :forms, abuse_subtypes = :subtypes,
				       setting = :setting, perpetrator_type = :perpetrator, perpetrator_relationship = :relationship
				WHERE id = :id""")
			.param("confirmed", classification.abuseConfirmed())
			.param("forms", classification.forms().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("subtypes", classification.subtypes().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("setting", classification.setting() == null ? null : classification.setting().name())
			.param("perpetrator", classification.perpetratorType() == null ? null
					: classification.perpetratorType().name())
			.param("relationship", clean(classification.perpetratorRelationship()))
			.param("id", id).update();
		step.finish(null, null);
		events.publishEvent(new CaseClassified(id, step.header().unitId()));
	}

	/**
	 * Links the case to the child's record in the register (found by the case worker), replacing the details the report
	 * gave; refused when the child already has another open case.
	 */
	public void linkChild(long id, int version, long childId) {
		Step step = begin(id, version, CaseAction.LINK_CHILD);
		Child child;
		try {
			child = children.get(childId);
		}
		catch (UserFacingException e) {
			throw UserFacingException.rejected(
					List.of(InputProblem.field("childId", "casework.error.child-not-found", childId)));
		}
		Optional<String> other = jdbc.sql("""
				SELECT number FROM casework.child_case WHERE child_id = :child AND closed_at IS NULL AND id <> :id""")
			.param("child", childId).param("id", id).query(String.class).optional();
		if (other.isPresent()) {
			throw UserFacingException.conflict("casework.error.child-has-open-case", other.get());
		}
		jdbc.sql("""
				UPDATE casework.child_case SET child_id = :child, child_name = :name, child_sex = :sex,
				       child_birth_date = :birth, child_birth_estimated = :estimated WHERE id = :id""")
			.param("child", childId).param("name", child.fullName()).param("sex", child.sex().name())
			.param("birth", child.dateOfBirth()).param("estimated", child.dateOfBirthEstimated()).param("id", id)
			.update();
		step.kind("CHILD_LINKED").finish(null, child.fullName());
	}

	/**
	 * Records in the register the group of special circumstances a confirmed abuse points to (violence: i,
	 * exploitation: k, sexual abuse: l, trafficking: m, abandonment: b), from today, with the case as evidence.
	 */
	public void recordCircumstance(long id, String groupCode) {
		Step step = begin(id, null, CaseAction.CLASSIFY);
		CaseRecords.Header header = step.header();
		List<String> suggested = jdbc.sql("""
				SELECT abuse_forms FROM casework.child_case WHERE id = :id AND abuse_confirmed AND child_id IS NOT NULL""")
			.param("id", id)
			.query((rs, n) -> java.util.Arrays.stream((String[]) rs.getArray(1).getArray()).map(AbuseForm::valueOf)
				.map(AbuseForm::circumstanceGroup).flatMap(Optional::stream).toList())
			.optional().orElse(List.of());
		if (header.childId() == null || !suggested.contains(groupCode)) {
			reject(List.of(InputProblem.field("group", "casework.error.group-not-suggested", String.valueOf(groupCode))));
		}
		if (children.groupsOn(header.childId(), LocalDate.now(clock)).contains(groupCode)) {
			reject(List.of(InputProblem.field("group", "casework.error.group-already-recorded", groupCode)));
		}
		children.startCircumstance(header.childId(), groupCode, null, false, LocalDate.now(clock),
				"Hồ sơ " + header.number());
		step.kind("CIRCUMSTANCE_RECORDED").finish(null, groupCode);
	}

	// --- the machinery ---

	/** Whether the caller's roles allow the action (the stage and the need to know aside). */
	public static boolean mayTake(SignedInUser user, CaseAction action) {
		Set<Role> roles = switch (action) {
			case VERIFY, DISMISS, ASSESS_INITIAL, ASSESS_DETAILED, CLOSE_WITHOUT_PLAN, DRAFT_PLAN, SUBMIT_PLAN,
					REVIEW_AND_CLOSE, REVIEW_AND_REPLAN, CLASSIFY, LINK_CHILD, UPDATE_PLAN_ITEM -> WORKERS;
			case TAKE_EMERGENCY_MEASURE, REOPEN, ESCALATE -> WORKERS_AND_CHAIRMAN;
			case RETURN_PLAN, APPROVE_PLAN -> CHAIRMAN;
			case ASSIGN -> LEADS;
			case TRANSFER -> TRANSFERRERS;
			case REFER -> Referrals.CASE_STAFF;
		};
		return roles.stream().anyMatch(user::has);
	}

	/** A step being taken: the case as it was, the time, and how to record the step when done. */
	final class Step {

		private final CaseRecords.Header header;
		private final CaseAction action;
		private final LocalDateTime now;
		private LocalDateTime at;
		private String kind;
		private int cycle;

		Step(CaseRecords.Header header, CaseAction action, LocalDateTime now) {
			this.header = header;
			this.action = action;
			this.now = now;
			this.at = now;
			this.kind = action.name();
			this.cycle = header.cycle();
		}

		CaseRecords.Header header() {
			return header;
		}

		LocalDateTime now() {
			return now;
		}

		Step at(LocalDateTime time) {
			this.at = time;
			return this;
		}

		Step kind(String name) {
			this.kind = name;
			return this;
		}

		Step cycle(int number) {
			this.cycle = number;
			return this;
		}

		void finish(Object content, String note) {
			CaseStage next = header.stage().after(action).orElseThrow();
			if (next != header.stage()) {
				jdbc.sql("UPDATE casework.child_case SET stage = :stage WHERE id = :id")
					.param("stage", next.name()).param("id", header.id()).update();
			}
			records.step(header.id(), kind, cycle, at, Jurisdictions.requireUser(), content, note);
			audit.record("CASE_" + kind, "Case", header.id(), header.unitId(), note);
		}
	}

	/**
	 * Checks that the caller needs to know the case, holds a role for the action, and that the process allows it at the
	 * case's stage; then takes the case's version (null: the step touches a part of the case with its own version).
	 */
	private Step begin(long id, Integer version, CaseAction action) {
		SignedInUser user = Jurisdictions.requireUser();
		CaseRecords.Header header = records.requireHeader(id);
		CaseAccess.Level level = access.level(header);
		if (level == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", id);
		}
		if (level != CaseAccess.Level.FULL) {
			throw new UserFacingException(403, "casework.error.need-to-know");
		}
		if (!mayTake(user, action)) {
			throw new UserFacingException(403, "casework.error.role-for-action",
					label("casework.action." + action.name(), action.name()));
		}
		if (!header.stage().allows(action)) {
			throw illegal(header.stage(), action);
		}
		if (version != null) {
			records.bump(id, version);
		}
		return new Step(header, action, LocalDateTime.now(clock).withNano(0));
	}

	static UserFacingException illegal(CaseStage stage, CaseAction action) {
		return UserFacingException.conflict("casework.error.transition",
				label("casework.stage." + stage.name(), stage.name()),
				label("casework.action." + action.name(), action.name()));
	}

	private void close(Step step, CaseOutcome outcome, String reason) {
		jdbc.sql("""
				UPDATE casework.child_case SET closed_at = :at, closure_reason = :reason, outcome = :outcome WHERE id = :id""")
			.param("at", CaseRecords.zoned(step.now())).param("reason", reason).param("outcome", outcome.name())
			.param("id", step.header().id()).update();
		events.publishEvent(new CaseClosed(step.header().id(), step.header().unitId(), outcome, step.now()));
	}

	/** A review that starts a new plan: the next cycle's plan is due within the rule's working days of the review. */
	private void startCycle(CaseRecords.Header header, LocalDateTime now) {
		LocalDateTime planDue = deadlineRules.planDue(deadlineRules.ruleFor(header.unitId()), now);
		jdbc.sql("""
				UPDATE casework.child_case SET cycle = cycle + 1, plan_approved_at = NULL, plan_due_at = :due,
				       review_due_on = NULL, reviewed_at = NULL WHERE id = :id""")
			.param("due", CaseRecords.zoned(planDue)).param("id", header.id()).update();
	}

	private Optional<Long> planOfCycle(Step step) {
		return jdbc.sql("SELECT id FROM casework.intervention_plan WHERE case_id = :case AND cycle = :cycle")
			.param("case", step.header().id()).param("cycle", step.header().cycle()).query(Long.class).optional();
	}

	private void notifyCaseWorker(CaseRecords.Header header, boolean urgent, String key) {
		if (header.caseWorkerId() != null) {
			notifications.send(List.of(header.caseWorkerId()), urgent, "/cases/" + header.id(), key, header.number());
		}
	}

	/** The time a form gives, which may be earlier than now (the paper came first) but never before the report. */
	private LocalDateTime formTime(LocalDateTime given, CaseRecords.Header header, String field,
			List<InputProblem> problems) {
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		LocalDateTime at = given == null ? now : given.withNano(0);
		if (at.isAfter(now.plusMinutes(5))) {
			problems.add(InputProblem.field(field, "casework.error.date-in-future"));
		}
		if (at.isBefore(header.receivedAt())) {
			problems.add(InputProblem.field(field, "casework.error.before-report"));
		}
		return at;
	}

	private static String required(String text, String field) {
		String clean = VietnameseText.clean(text);
		if (clean == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field(field, "error.field.required", field)));
		}
		return clean;
	}

	private static void reject(List<InputProblem> problems) {
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
	}

	private static String clean(String text) {
		return VietnameseText.clean(text);
	}

	/** A label resolved in the reader's language when the message is shown. */
	static DefaultMessageSourceResolvable label(String key, String fallback) {
		return new DefaultMessageSourceResolvable(new String[] { key }, fallback);
	}
}
