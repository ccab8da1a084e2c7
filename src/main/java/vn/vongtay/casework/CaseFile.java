package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;

/**
 * A child's case file through the statutory process of Nghị định 56/2017, Chapter III, and the only thing that changes
 * a case: one method per step, each asking {@link CaseStage} whether the process allows it at the case's stage and
 * {@link CaseAction} whether the actor's role does, checking the step's form, setting the deadlines the step starts
 * or ends, recording the step (who, when, the form's content) and registering its past-tense event. The deadline
 * rules live here and in {@link Deadline} once: what is due when, whether it was met, which deadline comes next, and
 * which alert the deadline watch owes. {@link CaseFiles} loads and stores a file, publishes its events and keeps the
 * next due date and the next alert in columns for the lists and the watch. Nothing here reads the clock or the
 * database: the time comes with each step, so the generator plays cases with a clock of its own.
 */
final class CaseFile {

	/** A step recorded in the case ({@code casework.case_step}); {@code actor} null for the system or the public. */
	record Step(String kind, int cycle, LocalDateTime at, Actor actor, Object content, String note) {
	}

	/** An alert the deadline watch sent, once per deadline, cycle and kind ({@code casework.deadline_alert}). */
	record Alert(DeadlineKind deadline, int cycle, AlertKind kind, LocalDateTime sentAt) {
	}

	enum AlertKind {
		APPROACHING, BREACHED
	}

	/** A case file as stored: the row of {@code casework.child_case}. */
	record State(CaseId id, String number, long unitId, String provinceCode, ReportedChild child, CaseStage stage,
			int cycle, LocalDateTime receivedAt, LocalDateTime openedAt, Long caseWorkerId, String caseWorkerName,
			LocalDateTime escalatedAt, String escalationReason, RiskLevel riskLevel, Boolean emergencyRequired,
			LocalDateTime emergencyDueAt, LocalDateTime emergencyTakenAt, LocalDateTime planDueAt,
			LocalDateTime planApprovedAt, LocalDateTime firstPlanDueAt, LocalDateTime firstPlanApprovedAt,
			LocalDate reviewDueOn, LocalDateTime reviewedAt, Classification classification, CaseOutcome outcome,
			LocalDateTime closedAt, String closureReason, int version) {
	}

	/** The deadline columns as stored, so that a file whose derived columns did not change is not written again. */
	record Derived(LocalDateTime nextDueAt, LocalDateTime nextAlertAt) {
	}

	static final String COMMUNE_UNKNOWN = "casework.escalation.commune-unknown";
	static final String DEADLINE_MISSED = "casework.escalation.deadline-missed.";

	private final CaseId id;
	private final String number;
	private final LocalDateTime receivedAt;
	private final LocalDateTime openedAt;
	private long unitId;
	private String provinceCode;
	private ReportedChild child;
	private CaseStage stage;
	private int cycle;
	private Long caseWorkerId;
	private String caseWorkerName;
	private LocalDateTime escalatedAt;
	private String escalationReason;
	private RiskLevel riskLevel;
	private Boolean emergencyRequired;
	private LocalDateTime emergencyDueAt;
	private LocalDateTime emergencyTakenAt;
	private LocalDateTime planDueAt;
	private LocalDateTime planApprovedAt;
	private LocalDateTime firstPlanDueAt;
	private LocalDateTime firstPlanApprovedAt;
	private LocalDate reviewDueOn;
	private LocalDateTime reviewedAt;
	private Classification classification;
	private CaseOutcome outcome;
	private LocalDateTime closedAt;
	private String closureReason;
	private int version;
	/** The plan of the current cycle, once drafted. */
	private CasePlan plan;
	/** The alerts of the current cycle already sent ({@link #alertKey}). */
	private final Set<String> alerted;

	// what changed since the file was loaded or last stored
	private boolean isNew;
	private boolean bumped;
	private final List<Step> steps = new ArrayList<>();
	private final List<Object> events = new ArrayList<>();
	private final List<Alert> alerts = new ArrayList<>();
	private Derived stored;

	CaseFile(State state, CasePlan plan, Set<String> alerted, Derived stored) {
		this.id = state.id();
		this.number = state.number();
		this.receivedAt = state.receivedAt();
		this.openedAt = state.openedAt();
		this.unitId = state.unitId();
		this.provinceCode = state.provinceCode();
		this.child = state.child();
		this.stage = state.stage();
		this.cycle = state.cycle();
		this.caseWorkerId = state.caseWorkerId();
		this.caseWorkerName = state.caseWorkerName();
		this.escalatedAt = state.escalatedAt();
		this.escalationReason = state.escalationReason();
		this.riskLevel = state.riskLevel();
		this.emergencyRequired = state.emergencyRequired();
		this.emergencyDueAt = state.emergencyDueAt();
		this.emergencyTakenAt = state.emergencyTakenAt();
		this.planDueAt = state.planDueAt();
		this.planApprovedAt = state.planApprovedAt();
		this.firstPlanDueAt = state.firstPlanDueAt();
		this.firstPlanApprovedAt = state.firstPlanApprovedAt();
		this.reviewDueOn = state.reviewDueOn();
		this.reviewedAt = state.reviewedAt();
		this.classification = state.classification() == null ? Classification.none() : state.classification();
		this.outcome = state.outcome();
		this.closedAt = state.closedAt();
		this.closureReason = state.closureReason();
		this.version = state.version();
		this.plan = plan;
		this.alerted = new HashSet<>(alerted);
		this.stored = stored;
	}

	// --- step 1: the report (Mẫu 01) ---

	/**
	 * Opens a case for a report received at the time given, in the unit responsible, with the deadlines of the terms
	 * in force there, assigned to the commune's case worker when it has one. A case whose commune nobody knew goes to
	 * the province, escalated from the start so that its officers see it whole and transfer it to the right commune.
	 */
	static CaseFile open(CaseId id, String number, CaseUnit unit, ReportedChild child, LocalDateTime receivedAt,
			Actor caseWorker, DeadlineTerms terms, LocalDateTime now) {
		LocalDateTime planDue = terms.planDue(receivedAt);
		State state = new State(id, number, unit.id(), unit.provinceCode(), child, CaseStage.OPENED, 1, receivedAt, now,
				caseWorker == null ? null : caseWorker.id(), caseWorker == null ? null : caseWorker.name(),
				unit.provinceOnly() ? now : null, unit.provinceOnly() ? COMMUNE_UNKNOWN : null, null, null,
				terms.emergencyDue(receivedAt), null, planDue, null, planDue, null, null, null, Classification.none(),
				null, null, null, 0);
		CaseFile file = new CaseFile(state, null, Set.of(), null);
		file.isNew = true;
		file.register(new CaseOpened(id.value(), unit.id(), unit.provinceCode(), child.registerId(), receivedAt));
		return file;
	}

	/** A report was recorded for this case: the one that opened it, or a later one about the same child. */
	void reportReceived(String reference, LocalDateTime at, Actor receiver, boolean joined) {
		step(joined ? "REPORT_JOINED" : "RECEIVED", cycle, at, receiver, null, reference);
	}

	// --- step 2: verification ---

	/** The concern was verified (Nghị định 56/2017, Chapter III, step 2): the initial assessment comes next. */
	void verify(Actor by, String note, LocalDateTime now) {
		permit(by, CaseAction.VERIFY);
		take(CaseAction.VERIFY, now, by, null, clean(note));
	}

	/** The concern proved unfounded (or not about a child): the case is closed. */
	void dismiss(Actor by, CaseOutcome closedAs, String reason, LocalDateTime now) {
		permit(by, CaseAction.DISMISS);
		String why = required(reason, "reason");
		close(closedAs == null ? CaseOutcome.NO_ABUSE_FOUND : closedAs, why, now);
		take(CaseAction.DISMISS, now, by, null, why);
	}

	// --- step 3: initial assessment (Mẫu 02) ---

	/**
	 * The initial risk assessment (Mẫu 02): a serious danger to the child's life, health or dignity calls for emergency
	 * measures within the emergency deadline (Art. 24); without one that deadline no longer applies.
	 */
	void assessInitial(Actor by, InitialAssessment form, LocalDateTime now) {
		permit(by, CaseAction.ASSESS_INITIAL);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(form.assessedAt(), "assessedAt", now, problems);
		if (form.riskLevel() == null) {
			problems.add(InputProblem.field("riskLevel", "error.field.required", "riskLevel"));
		}
		if (clean(form.childCondition()) == null) {
			problems.add(InputProblem.field("childCondition", "error.field.required", "childCondition"));
		}
		reject(problems);
		InitialAssessment recorded = new InitialAssessment(at, clean(form.participants()), clean(form.childCondition()),
				clean(form.immediateSafety()), form.riskLevel(), form.abuseIndicated(), clean(form.immediateNeeds()),
				clean(form.recommendation()));
		riskLevel = form.riskLevel();
		emergencyRequired = riskLevel.callsForEmergencyMeasures();
		take(CaseAction.ASSESS_INITIAL, at, by, recorded, null);
		register(new RiskAssessed(id.value(), unitId, false, riskLevel));
	}

	// --- step 4: emergency measures (Mẫu 07) ---

	/**
	 * Emergency measures or a temporary isolation (Mẫu 07; Law on Children Art. 50, Nghị định 56/2017 Art. 24), taken
	 * at the time given (the field work often comes before the record). The first measure taken meets, or misses, the
	 * emergency deadline.
	 */
	void takeEmergencyMeasure(Actor by, EmergencyMeasure form, LocalDateTime now) {
		permit(by, CaseAction.TAKE_EMERGENCY_MEASURE);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(form.takenAt(), "takenAt", now, problems);
		if (form.measures().isEmpty()) {
			problems.add(InputProblem.field("measures", "casework.error.measure-required"));
		}
		if (clean(form.decidedBy()) == null) {
			problems.add(InputProblem.field("decidedBy", "error.field.required", "decidedBy"));
		}
		if (form.until() != null && form.until().isBefore(at.toLocalDate())) {
			problems.add(InputProblem.field("until", "error.field.dates-reversed"));
		}
		reject(problems);
		EmergencyMeasure recorded = new EmergencyMeasure(at, form.measures(), clean(form.decidedBy()),
				clean(form.decisionNumber()), clean(form.description()), clean(form.careArrangement()), form.until());
		boolean first = emergencyTakenAt == null;
		if (first) {
			emergencyTakenAt = at;
			emergencyRequired = true;
		}
		take(CaseAction.TAKE_EMERGENCY_MEASURE, at, by, recorded, null);
		if (first) {
			register(new EmergencyMeasureTaken(id.value(), unitId, at, Deadline.metBy(emergencyDueAt, at)));
		}
	}

	// --- step 5: detailed assessment (Mẫu 03) ---

	void assessDetailed(Actor by, DetailedAssessment form, LocalDateTime now) {
		permit(by, CaseAction.ASSESS_DETAILED);
		List<InputProblem> problems = new ArrayList<>();
		LocalDateTime at = formTime(form.assessedAt(), "assessedAt", now, problems);
		if (form.riskLevel() == null) {
			problems.add(InputProblem.field("riskLevel", "error.field.required", "riskLevel"));
		}
		if (clean(form.needs()) == null) {
			problems.add(InputProblem.field("needs", "error.field.required", "needs"));
		}
		reject(problems);
		DetailedAssessment recorded = new DetailedAssessment(at, clean(form.participants()),
				clean(form.physicalState()), clean(form.psychologicalState()), clean(form.emotionalState()),
				clean(form.familySituation()), clean(form.caregiverCapacity()), clean(form.needs()), form.riskLevel());
		riskLevel = form.riskLevel();
		take(CaseAction.ASSESS_DETAILED, at, by, recorded, null);
		register(new RiskAssessed(id.value(), unitId, true, riskLevel));
	}

	/** An assessment found that the child needs no intervention: the case is closed with its outcome. */
	void closeWithoutPlan(Actor by, CaseOutcome closedAs, String reason, LocalDateTime now) {
		permit(by, CaseAction.CLOSE_WITHOUT_PLAN);
		String why = required(reason, "reason");
		if (closedAs == null) {
			reject(List.of(InputProblem.field("outcome", "error.field.required", "outcome")));
		}
		close(closedAs, why, now);
		take(CaseAction.CLOSE_WITHOUT_PLAN, now, by, null, why);
	}

	// --- step 6: the plan (Mẫu 04) and its approval (Mẫu 05) ---

	/**
	 * Drafts (or redrafts) the plan of the current cycle: its goals, its services, each with the agency or provider
	 * responsible and a date not past, and a review date after today (Mẫu 04; Art. 28).
	 */
	void draftPlan(Actor by, PlanDraft draft, LongPredicate agencyKnown, LocalDateTime now) {
		permit(by, CaseAction.DRAFT_PLAN);
		LocalDate today = now.toLocalDate();
		List<InputProblem> problems = new ArrayList<>();
		if (clean(draft.goals()) == null) {
			problems.add(InputProblem.field("goals", "error.field.required", "goals"));
		}
		if (draft.reviewOn() == null) {
			problems.add(InputProblem.field("reviewOn", "error.field.required", "reviewOn"));
		}
		else if (!draft.reviewOn().isAfter(today)) {
			problems.add(InputProblem.field("reviewOn", "casework.error.review-in-future"));
		}
		if (draft.items().isEmpty()) {
			problems.add(InputProblem.field("items", "casework.error.plan-needs-services"));
		}
		for (int i = 0; i < draft.items().size(); i++) {
			PlanDraft.Item item = draft.items().get(i);
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
			if (item.agencyId() == null && clean(item.providerName()) == null) {
				problems.add(InputProblem.field(at + ".agencyId", "casework.error.responsible-required"));
			}
			else if (item.agencyId() != null && !agencyKnown.test(item.agencyId())) {
				problems.add(InputProblem.field(at + ".agencyId", "error.agency.not-found", item.agencyId()));
			}
		}
		reject(problems);
		PlanDraft cleaned = new PlanDraft(clean(draft.goals()), draft.items().stream()
			.map(i -> new PlanDraft.Item(i.service(), clean(i.description()), i.agencyId(), clean(i.providerName()),
					i.dueOn()))
			.toList(), draft.reviewOn(), clean(draft.notes()));
		if (plan == null) {
			plan = CasePlan.drafted(cycle, cleaned, by, now);
		}
		else {
			plan.redraft(cleaned, by, now);
		}
		take(CaseAction.DRAFT_PLAN, now, by, null, cleaned.goals());
	}

	/** The case worker submits the drafted plan (Mẫu 04) to the commune chairman (Art. 28). */
	void submitPlan(Actor by, LocalDateTime now) {
		permit(by, CaseAction.SUBMIT_PLAN);
		if (plan == null) {
			reject(List.of(InputProblem.field("plan", "casework.error.no-plan")));
		}
		plan.submit(now);
		take(CaseAction.SUBMIT_PLAN, now, by, null, null);
		register(new PlanSubmitted(id.value(), unitId, cycle));
	}

	/** The chairman sends the plan back to the case worker with what must change. */
	void returnPlan(Actor by, String comment, LocalDateTime now) {
		permit(by, CaseAction.RETURN_PLAN);
		String why = required(comment, "comment");
		plan.returnToDraft(why);
		take(CaseAction.RETURN_PLAN, now, by, null, why);
		register(new PlanReturned(id.value(), unitId, cycle, why));
	}

	/**
	 * The chairman approves the plan (Mẫu 05): implementation starts, the review date the plan set becomes the next
	 * deadline, and the plan deadline is met or missed now.
	 */
	void approvePlan(Actor by, String decisionNumber, String note, LocalDateTime now) {
		permit(by, CaseAction.APPROVE_PLAN);
		plan.approve(by, clean(decisionNumber), now);
		planApprovedAt = now;
		firstPlanApprovedAt = firstPlanApprovedAt == null ? now : firstPlanApprovedAt;
		reviewDueOn = plan.reviewOn();
		reviewedAt = null;
		take(CaseAction.APPROVE_PLAN, now, by, null, clean(note));
		register(new PlanApproved(id.value(), unitId, cycle, now, Deadline.metBy(planDueAt, now)));
	}

	// --- step 7: implementation ---

	/**
	 * Records the progress of a service of the approved plan. The service has a version of its own, so progress does
	 * not change the case's.
	 *
	 * @throws OptimisticLockingFailureException when the service is not the plan's or changed since {@code itemVersion}
	 */
	void updatePlanItem(Actor by, long itemId, int itemVersion, PlanItemStatus status, String result,
			LocalDateTime now) {
		permit(by, CaseAction.UPDATE_PLAN_ITEM);
		if (status == null) {
			reject(List.of(InputProblem.field("status", "error.field.required", "status")));
		}
		if (plan == null) {
			throw new OptimisticLockingFailureException("case " + id + " has no plan in cycle " + cycle);
		}
		String text = clean(result);
		plan.item(itemId, itemVersion).progress(status, text);
		step(CaseAction.UPDATE_PLAN_ITEM.name(), cycle, now, by, null, status.name() + (text == null ? "" : ": " + text));
	}

	/** The case worker referred the child to an agency for a service (the referral itself is its own record). */
	void referralSent(Actor by, long referralId, long agencyId, String agencyName, LocalDateTime now) {
		permit(by, CaseAction.REFER);
		step("REFERRAL_SENT", cycle, now, by, null, agencyName);
		bumped = true;
		register(new ReferralSent(referralId, id.value(), unitId, agencyId));
	}

	/**
	 * The agency answered a referral (or the case worker recorded its answer given by phone): shown in the case's
	 * history; the case itself does not change.
	 */
	void referralAnswered(Actor by, long referralId, long agencyId, String agencyName, ReferralStatus answer,
			String text, LocalDateTime now) {
		step("REFERRAL_" + answer.name(), cycle, now, by, null, agencyName + (text == null ? "" : ": " + text));
		switch (answer) {
			case ACCEPTED -> register(new ReferralAccepted(referralId, id.value(), unitId, agencyId, by.id()));
			case DECLINED -> register(new ReferralDeclined(referralId, id.value(), unitId, agencyId, by.id()));
			case COMPLETED -> register(new ReferralCompleted(referralId, id.value(), unitId, agencyId, by.id()));
			case SENT -> throw new IllegalArgumentException("a referral is sent by referralSent");
		}
	}

	// --- step 8: review (Mẫu 06), closure, reopening ---

	/**
	 * Reviews the implemented plan (Mẫu 06, step 8 of Chapter III), every criterion rated: closes the case with its
	 * outcome, or starts a new plan cycle whose plan is due within the working days of the terms from now (Art. 28).
	 */
	void review(Actor by, Review form, DeadlineTerms terms, LocalDateTime now) {
		CaseAction action = form.close() ? CaseAction.REVIEW_AND_CLOSE : CaseAction.REVIEW_AND_REPLAN;
		permit(by, action);
		List<InputProblem> problems = new ArrayList<>();
		for (ReviewCriterion criterion : ReviewCriterion.values()) {
			if (form.ratings().get(criterion) == null) {
				problems.add(InputProblem.field("ratings." + criterion.name(), "casework.error.rating-required",
						label("casework.criterion." + criterion.name(), criterion.name())));
			}
		}
		if (form.close() && form.outcome() == null) {
			problems.add(InputProblem.field("outcome", "error.field.required", "outcome"));
		}
		if (clean(form.findings()) == null) {
			problems.add(InputProblem.field("findings", "error.field.required", "findings"));
		}
		LocalDateTime at = formTime(form.reviewedAt(), "reviewedAt", now, problems);
		reject(problems);
		Review recorded = new Review(at, form.ratings(), clean(form.findings()), form.close(), form.outcome(),
				clean(form.nextSteps()));
		reviewedAt = at;
		take(action, at, by, recorded, recorded.findings());
		if (form.close()) {
			close(form.outcome(), recorded.findings(), now);
		}
		else {
			newCycle();
			planDueAt = terms.planDue(now);
		}
	}

	/** A closed case is opened again for a new concern: a new cycle from verification, with new deadlines from now. */
	void reopen(Actor by, String reason, DeadlineTerms terms, LocalDateTime now) {
		permit(by, CaseAction.REOPEN);
		String why = required(reason, "reason");
		closedAt = null;
		closureReason = null;
		outcome = null;
		newCycle();
		emergencyRequired = null;
		emergencyTakenAt = null;
		emergencyDueAt = terms.emergencyDue(now);
		planDueAt = terms.planDue(now);
		// a plan never approved keeps counting against the deadline of the reopened case, for the statistics
		firstPlanDueAt = firstPlanApprovedAt == null ? planDueAt : firstPlanDueAt;
		take(CaseAction.REOPEN, now, by, null, why);
		register(new CaseReopened(id.value(), unitId));
	}

	// --- around the process ---

	/** Gives the case to one of the commune's case workers. */
	void assign(Actor by, Actor worker, LocalDateTime now) {
		permit(by, CaseAction.ASSIGN);
		caseWorkerId = worker.id();
		caseWorkerName = worker.name();
		take(CaseAction.ASSIGN, now, by, null, worker.name());
		register(new CaseAssigned(id.value(), unitId, worker.id()));
	}

	/**
	 * Transfers the case to the commune the child moved to, given to its case worker when it has one; the old commune
	 * and the supervisors who saw it escalated lose it.
	 */
	void transfer(Actor by, CaseUnit to, String toName, Actor worker, String reason, LocalDateTime now) {
		permit(by, CaseAction.TRANSFER);
		String why = required(reason, "reason");
		if (to.id() == unitId) {
			reject(List.of(InputProblem.field("toCommuneCode", "casework.error.transfer-same")));
		}
		long from = unitId;
		unitId = to.id();
		provinceCode = to.provinceCode();
		caseWorkerId = worker == null ? null : worker.id();
		caseWorkerName = worker == null ? null : worker.name();
		escalatedAt = null;
		escalationReason = null;
		take(CaseAction.TRANSFER, now, by, null, toName + ": " + why);
		register(new CaseTransferred(id.value(), from, to.id()));
	}

	/** Escalates the case to the supervisors above the commune, who then see its details. */
	void escalate(Actor by, String reason, LocalDateTime now) {
		permit(by, CaseAction.ESCALATE);
		String why = required(reason, "reason");
		escalateNow(why, null, now);
		take(CaseAction.ESCALATE, now, by, null, why);
	}

	/** Records what the case is, for statistics: a sub-type only with its form, a confirmed abuse with a form. */
	void classify(Actor by, Classification form, LocalDateTime now) {
		permit(by, CaseAction.CLASSIFY);
		List<InputProblem> problems = new ArrayList<>();
		for (AbuseSubtype subtype : form.subtypes()) {
			if (!form.forms().contains(subtype.form())) {
				problems.add(InputProblem.field("subtypes", "casework.error.subtype-without-form",
						label("casework.abuse-subtype." + subtype.name(), subtype.name()),
						label("casework.abuse-form." + subtype.form().name(), subtype.form().name())));
			}
		}
		if (Boolean.TRUE.equals(form.abuseConfirmed()) && form.forms().isEmpty()) {
			problems.add(InputProblem.field("forms", "casework.error.confirmed-needs-form"));
		}
		reject(problems);
		classification = new Classification(form.abuseConfirmed(), form.forms(), form.subtypes(), form.setting(),
				form.perpetratorType(), clean(form.perpetratorRelationship()));
		take(CaseAction.CLASSIFY, now, by, null, null);
		register(new CaseClassified(id.value(), unitId));
	}

	/**
	 * Links the case to the child's record in the register (found by the case worker), replacing the details the
	 * report gave. The caller checks that the child has no other open case.
	 */
	void linkChild(Actor by, ReportedChild registered, LocalDateTime now) {
		permit(by, CaseAction.LINK_CHILD);
		child = registered;
		step("CHILD_LINKED", cycle, now, by, null, registered.name());
		move(CaseAction.LINK_CHILD);
		register(new ChildLinked(id.value(), unitId, registered.registerId()));
	}

	/**
	 * The group of special circumstances a confirmed abuse points to is recorded in the register for the child, with
	 * the case as evidence (the register itself is written by the caller).
	 *
	 * @param alreadyRecorded whether the register already holds the child in the group
	 */
	void recordCircumstance(Actor by, String groupCode, boolean alreadyRecorded, LocalDateTime now) {
		permit(by, CaseAction.CLASSIFY);
		if (child.registerId() == null || !groupsPointedTo().contains(groupCode)) {
			reject(List.of(InputProblem.field("group", "casework.error.group-not-suggested", String.valueOf(groupCode))));
		}
		if (alreadyRecorded) {
			reject(List.of(InputProblem.field("group", "casework.error.group-already-recorded", groupCode)));
		}
		step("CIRCUMSTANCE_RECORDED", cycle, now, by, null, groupCode);
	}

	/**
	 * The register's groups of special circumstances a confirmed abuse of a register child points to (Law on Children
	 * Art. 10: violence i, exploitation k, sexual abuse l, trafficking m, abandonment b).
	 */
	List<String> groupsPointedTo() {
		if (child.registerId() == null || !Boolean.TRUE.equals(classification.abuseConfirmed())) {
			return List.of();
		}
		return classification.forms().stream().map(AbuseForm::circumstanceGroup).flatMap(Optional::stream).distinct()
			.sorted().toList();
	}

	// --- the deadlines ---

	/** The deadlines of the current cycle as they stand at {@code now}: emergency, plan, and review once set. */
	List<Deadline> deadlines(LocalDateTime now) {
		boolean closed = closedAt != null;
		List<Deadline> deadlines = new ArrayList<>(3);
		deadlines.add(Deadline.emergency(emergencyDueAt, emergencyTakenAt, emergencyRequired, closed, now));
		deadlines.add(Deadline.plan(planDueAt, planApprovedAt, closed, now));
		if (reviewDueOn != null) {
			deadlines.add(Deadline.review(DeadlineTerms.endOf(reviewDueOn), reviewedAt, now));
		}
		return deadlines;
	}

	/** The deadlines still to be met (pending or missed) of an open case; whichever the time, the same ones. */
	private List<Deadline> openDeadlines() {
		if (closedAt != null) {
			return List.of();
		}
		return deadlines(receivedAt).stream().filter(d -> d.status().open()).toList();
	}

	/** The earliest deadline still to be met, which lists sort and filter by. */
	Optional<LocalDateTime> nextDueAt() {
		return openDeadlines().stream().map(Deadline::dueAt).min(Comparator.naturalOrder());
	}

	/**
	 * When the deadline watch next owes an alert: the notice before a deadline not yet announced, the deadline itself
	 * when it was announced but not yet reported missed.
	 */
	Optional<LocalDateTime> nextAlertAt(DeadlineNotice notice) {
		return openDeadlines().stream()
			.filter(d -> !alerted(d.kind(), AlertKind.BREACHED))
			.map(d -> alerted(d.kind(), AlertKind.APPROACHING) ? d.dueAt() : d.dueAt().minus(notice.before(d.kind())))
			.min(Comparator.naturalOrder());
	}

	/**
	 * What the deadline watch does at {@code now}: a deadline within its notice is announced to the case worker; a
	 * deadline passed is reported missed to the commune and escalates the case to the supervisors above it
	 * (Nghị định 56/2017). Each alert once per deadline and cycle; a deadline first seen already passed is only
	 * reported missed.
	 */
	List<Alert> watch(LocalDateTime now, DeadlineNotice notice) {
		List<Alert> sent = new ArrayList<>();
		for (Deadline deadline : openDeadlines()) {
			DeadlineKind kind = deadline.kind();
			if (alerted(kind, AlertKind.BREACHED)) {
				continue;
			}
			if (deadline.dueAt().isBefore(now)) {
				sent.add(alert(kind, AlertKind.BREACHED, now));
				register(new DeadlineMissed(id.value(), unitId, kind, cycle, deadline.dueAt()));
				escalateNow(DEADLINE_MISSED + kind.name(), kind, now);
			}
			else if (deadline.dueAt().minus(notice.before(kind)).isBefore(now) && !alerted(kind, AlertKind.APPROACHING)) {
				sent.add(alert(kind, AlertKind.APPROACHING, now));
				register(new DeadlineApproaching(id.value(), unitId, kind, cycle, deadline.dueAt()));
			}
		}
		return sent;
	}

	// --- the machinery ---

	/**
	 * Refuses a step the actor's roles or the case's stage do not allow.
	 *
	 * @throws UserFacingException 403 naming the step, or 409 naming the stage and the step
	 */
	void permit(Actor by, CaseAction action) {
		if (!by.mayTake(action)) {
			throw new UserFacingException(403, "casework.error.role-for-action",
					label("casework.action." + action.name(), action.name()));
		}
		if (!stage.allows(action)) {
			throw illegal(stage, action);
		}
	}

	/** @throws OptimisticLockingFailureException when the file changed since the caller read {@code expected} */
	void requireVersion(int expected) {
		if (expected != version) {
			throw new OptimisticLockingFailureException("case " + id + " changed since version " + expected);
		}
	}

	static UserFacingException illegal(CaseStage stage, CaseAction action) {
		return UserFacingException.conflict("casework.error.transition",
				label("casework.stage." + stage.name(), stage.name()),
				label("casework.action." + action.name(), action.name()));
	}

	/** A label resolved in the reader's language when the message is shown. */
	static DefaultMessageSourceResolvable label(String key, String fallback) {
		return new DefaultMessageSourceResolvable(new String[] { key }, fallback);
	}

	private void take(CaseAction action, LocalDateTime at, Actor by, Object content, String note) {
		step(action.name(), cycle, at, by, content, note);
		move(action);
	}

	/** The stage the action leads to; a step that names the case's version raises it. */
	private void move(CaseAction action) {
		stage = stage.after(action).orElseThrow(() -> illegal(stage, action));
		bumped = true;
	}

	private void step(String kind, int inCycle, LocalDateTime at, Actor by, Object content, String note) {
		steps.add(new Step(kind, inCycle, at, by, content, note));
	}

	private void close(CaseOutcome closedAs, String reason, LocalDateTime now) {
		closedAt = now;
		closureReason = reason;
		outcome = closedAs;
		register(new CaseClosed(id.value(), unitId, closedAs, now));
	}

	/** A new plan cycle: its plan is still to be drafted, approved and reviewed, and its alerts to be sent. */
	private void newCycle() {
		cycle++;
		plan = null;
		planApprovedAt = null;
		reviewDueOn = null;
		reviewedAt = null;
		alerted.clear();
	}

	/** The supervisors are told at each escalation; the case keeps the time and reason of the first. */
	private void escalateNow(String reason, DeadlineKind missed, LocalDateTime now) {
		if (escalatedAt == null) {
			escalatedAt = now;
			escalationReason = reason;
			bumped = true;
		}
		register(new CaseEscalated(id.value(), unitId, reason, missed));
	}

	private Alert alert(DeadlineKind deadline, AlertKind kind, LocalDateTime now) {
		alerted.add(alertKey(deadline, kind));
		Alert alert = new Alert(deadline, cycle, kind, now);
		alerts.add(alert);
		return alert;
	}

	private boolean alerted(DeadlineKind deadline, AlertKind kind) {
		return alerted.contains(alertKey(deadline, kind));
	}

	private void register(Object event) {
		events.add(event);
	}

	/** The time a form gives, which may be earlier than now (the paper came first) but never before the report. */
	private LocalDateTime formTime(LocalDateTime given, String field, LocalDateTime now, List<InputProblem> problems) {
		LocalDateTime at = given == null ? now : given.withNano(0);
		if (at.isAfter(now.plusMinutes(5))) {
			problems.add(InputProblem.field(field, "casework.error.date-in-future"));
		}
		if (at.isBefore(receivedAt)) {
			problems.add(InputProblem.field(field, "casework.error.before-report"));
		}
		return at;
	}

	private static String required(String text, String field) {
		String clean = clean(text);
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

	// --- what the repository stores ---

	State state() {
		return new State(id, number, unitId, provinceCode, child, stage, cycle, receivedAt, openedAt, caseWorkerId,
				caseWorkerName, escalatedAt, escalationReason, riskLevel, emergencyRequired, emergencyDueAt,
				emergencyTakenAt, planDueAt, planApprovedAt, firstPlanDueAt, firstPlanApprovedAt, reviewDueOn, reviewedAt,
				classification, outcome, closedAt, closureReason, version);
	}

	Derived derived(DeadlineNotice notice) {
		return new Derived(nextDueAt().orElse(null), nextAlertAt(notice).orElse(null));
	}

	/** The derived columns as last stored (null for a new file). */
	Derived storedDerived() {
		return stored;
	}

	boolean isNew() {
		return isNew;
	}

	/** Whether a step named the case's version, which storing then raises. */
	boolean bumped() {
		return bumped;
	}

	List<Step> steps() {
		return List.copyOf(steps);
	}

	List<Object> events() {
		return List.copyOf(events);
	}

	List<Alert> alerts() {
		return List.copyOf(alerts);
	}

	/** The file was stored as it stands: its version is the stored one, and nothing is pending. */
	void stored(Derived derived) {
		if (!isNew && bumped) {
			version++;
		}
		isNew = false;
		bumped = false;
		steps.clear();
		events.clear();
		alerts.clear();
		stored = derived;
	}

	// --- reading ---

	CaseId id() {
		return id;
	}

	String number() {
		return number;
	}

	long unitId() {
		return unitId;
	}

	String provinceCode() {
		return provinceCode;
	}

	ReportedChild child() {
		return child;
	}

	CaseStage stage() {
		return stage;
	}

	int cycle() {
		return cycle;
	}

	LocalDateTime receivedAt() {
		return receivedAt;
	}

	LocalDateTime openedAt() {
		return openedAt;
	}

	Long caseWorkerId() {
		return caseWorkerId;
	}

	String caseWorkerName() {
		return caseWorkerName;
	}

	LocalDateTime escalatedAt() {
		return escalatedAt;
	}

	String escalationReason() {
		return escalationReason;
	}

	RiskLevel riskLevel() {
		return riskLevel;
	}

	Boolean emergencyRequired() {
		return emergencyRequired;
	}

	Classification classification() {
		return classification;
	}

	CaseOutcome outcome() {
		return outcome;
	}

	LocalDateTime closedAt() {
		return closedAt;
	}

	String closureReason() {
		return closureReason;
	}

	int version() {
		return version;
	}

	Optional<CasePlan> plan() {
		return Optional.ofNullable(plan);
	}

	CaseRecords.Header header() {
		return new CaseRecords.Header(id.value(), number, unitId, provinceCode, child.registerId(), stage, cycle,
				caseWorkerId, escalatedAt, receivedAt, version);
	}

	/** How the repository names an alert sent in the current cycle (its deadline and kind). */
	static String alertKey(DeadlineKind deadline, AlertKind kind) {
		return deadline.name() + "/" + kind.name();
	}
}
