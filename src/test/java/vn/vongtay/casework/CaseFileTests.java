package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.vongtay.children.Sex;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Role;

/**
 * A case file taken through Nghị định 56/2017, Chapter III, without Spring or a database: each step checks the role,
 * the stage and its form, sets or ends the deadlines, records itself and registers its event; the deadline watch's
 * alerts come from the same file.
 */
class CaseFileTests {

	// Monday 30/11/2026 at 09:00: the plan is due at the end of Monday 07/12
	private static final LocalDateTime REPORTED = LocalDateTime.of(2026, 11, 30, 9, 0);
	private static final DeadlineNotice NOTICE = new DeadlineNotice(Duration.ofHours(3), Duration.ofDays(1));
	private static final CaseUnit TUAN_GIAO = new CaseUnit(7, "03253", "11", false);
	private static final Actor WORKER = new Actor(21L, "Lò Văn Cán bộ", Set.of(Role.CASE_WORKER));
	private static final Actor CHAIRMAN = new Actor(22L, "Quàng Văn Chủ tịch", Set.of(Role.COMMUNE_CHAIRMAN));
	private static final Actor OFFICER = new Actor(23L, "Cà Thị Công chức", Set.of(Role.COMMUNE_OFFICER));

	private static CaseFile reported() {
		CaseFile file = CaseFile.open(new CaseId(1), "HS-03253-2026-0001", TUAN_GIAO,
				new ReportedChild(null, "Lò Thị Én", Sex.FEMALE, LocalDate.of(2017, 1, 1), true), REPORTED, WORKER,
				DeadlineTests.NATIONAL, REPORTED.plusMinutes(5));
		file.reportReceived("TB-ABCD-EFGH", REPORTED, null, false);
		file.stored(null);
		return file;
	}

	private static CaseFile assessed(RiskLevel risk) {
		CaseFile file = reported();
		file.verify(WORKER, "Đã xác minh", at(1));
		file.assessInitial(WORKER, new InitialAssessment(null, null, "Vết bầm ở lưng.", null, risk, Set.of(), null,
				null), at(2));
		return file;
	}

	private static CaseFile approved() {
		CaseFile file = assessed(RiskLevel.HIGH);
		file.assessDetailed(WORKER, new DetailedAssessment(null, null, null, null, null, null, null, "Tư vấn tâm lý.",
				RiskLevel.MEDIUM), at(3));
		file.draftPlan(WORKER, plan(), agency -> true, at(4));
		file.submitPlan(WORKER, at(5));
		file.approvePlan(CHAIRMAN, "15/QĐ-UBND", null, at(6));
		return file;
	}

	private static PlanDraft plan() {
		return new PlanDraft("Bảo đảm an toàn cho trẻ.", List.of(new PlanDraft.Item(ServiceKind.PSYCHOLOGICAL_SUPPORT,
				"04 buổi tư vấn", null, "Trung tâm CTXH", REPORTED.toLocalDate().plusDays(10))),
				REPORTED.toLocalDate().plusDays(30), null);
	}

	private static LocalDateTime at(int hours) {
		return REPORTED.plusHours(hours);
	}

	// Art. 24: emergency measures within 12 hours of the report; Art. 28: the plan within 5 working days
	@Test
	void aReportedCaseIsDueForEmergencyMeasuresAndAPlanAndIsFirstAlertedThreeHoursBeforeTheEmergencyDeadline() {
		CaseFile file = reported();
		assertThat(file.stage()).isEqualTo(CaseStage.OPENED);
		assertThat(file.caseWorkerName()).isEqualTo(WORKER.name());
		assertThat(file.deadlines(REPORTED)).extracting(Deadline::kind, Deadline::dueAt, Deadline::status)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(DeadlineKind.EMERGENCY, at(12), DeadlineStatus.PENDING),
					org.assertj.core.groups.Tuple.tuple(DeadlineKind.PLAN, LocalDateTime.of(2026, 12, 7, 23, 59, 59),
							DeadlineStatus.PENDING));
		assertThat(file.nextDueAt()).contains(at(12));
		assertThat(file.nextAlertAt(NOTICE)).contains(at(9));
	}

	// Chapter III, step 1: a report is forwarded to the commune at once; with no commune known the province routes it
	@Test
	void aCaseWhoseCommuneNobodyKnowsGoesToTheProvinceEscalatedFromTheStart() {
		CaseFile file = CaseFile.open(new CaseId(2), "HS-11-2026-0001", new CaseUnit(3, "11", "11", true),
				new ReportedChild(null, null, null, null, false), REPORTED, null, DeadlineTests.NATIONAL, REPORTED);
		assertThat(file.escalatedAt()).isEqualTo(REPORTED);
		assertThat(file.escalationReason()).isEqualTo(CaseFile.COMMUNE_UNKNOWN);
		assertThat(file.child().sex()).isEqualTo(Sex.UNKNOWN);
		assertThat(file.events()).singleElement().isInstanceOf(CaseOpened.class);
	}

	// Chapter III: the plan is approved only once drafted and submitted (Art. 28)
	@Test
	void aStepTheStageDoesNotAllowIsRefusedNamingTheStageAndChangesNothing() {
		CaseFile file = reported();
		UserFacingException refused = catchThrowableOfType(UserFacingException.class,
				() -> file.approvePlan(CHAIRMAN, null, null, at(1)));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.messageKey()).isEqualTo("casework.error.transition");
		assertThat(file.stage()).isEqualTo(CaseStage.OPENED);
		assertThat(file.steps()).isEmpty();
		assertThat(file.bumped()).isFalse();
	}

	// Art. 28: the case worker drafts and submits the plan, the commune chairman approves it (Mẫu 05)
	@Test
	void aStepOfAnotherRoleIsRefusedTheChairmanDraftsNoPlanAndTheCaseWorkerApprovesNone() {
		CaseFile file = assessed(RiskLevel.MEDIUM);
		file.assessDetailed(WORKER, new DetailedAssessment(null, null, null, null, null, null, null, "Tư vấn.",
				RiskLevel.MEDIUM), at(3));
		assertThat(catchThrowableOfType(UserFacingException.class,
				() -> file.draftPlan(CHAIRMAN, plan(), agency -> true, at(4))).status()).isEqualTo(403);
		file.draftPlan(WORKER, plan(), agency -> true, at(4));
		file.submitPlan(WORKER, at(5));
		assertThat(catchThrowableOfType(UserFacingException.class,
				() -> file.approvePlan(WORKER, null, null, at(6))).status()).isEqualTo(403);
		assertThat(file.stage()).isEqualTo(CaseStage.AWAITING_APPROVAL);
	}

	// Mẫu 02: the initial assessment records the child's condition and the level of risk
	@Test
	void aFormDatedAfterNowOrBeforeTheReportIsRefusedWithTheFieldNamed() {
		CaseFile file = reported();
		file.verify(WORKER, null, at(1));
		UserFacingException refused = catchThrowableOfType(UserFacingException.class,
				() -> file.assessInitial(WORKER, new InitialAssessment(REPORTED.minusMinutes(1), null, null, null, null,
						Set.of(), null, null), at(2)));
		assertThat(refused.problems()).extracting(InputProblem::column, InputProblem::messageKey).containsExactly(
				org.assertj.core.groups.Tuple.tuple("assessedAt", "casework.error.before-report"),
				org.assertj.core.groups.Tuple.tuple("riskLevel", "error.field.required"),
				org.assertj.core.groups.Tuple.tuple("childCondition", "error.field.required"));
		assertThat(catchThrowableOfType(UserFacingException.class,
				() -> file.assessInitial(WORKER, new InitialAssessment(at(3), null, "An toàn.", null, RiskLevel.LOW,
						Set.of(), null, null), at(2))).problems())
			.extracting(InputProblem::messageKey).containsExactly("casework.error.date-in-future");
		assertThat(file.stage()).isEqualTo(CaseStage.VERIFIED);
	}

	// Art. 24: emergency measures only where the child's life, health or dignity is in serious danger
	@Test
	void anInitialAssessmentWithoutSeriousDangerEndsTheEmergencyDeadlineAndThePlanComesNext() {
		CaseFile file = assessed(RiskLevel.HIGH);
		assertThat(file.emergencyRequired()).isFalse();
		assertThat(file.deadlines(at(20)).get(0).status()).isEqualTo(DeadlineStatus.NOT_REQUIRED);
		assertThat(file.nextDueAt()).contains(LocalDateTime.of(2026, 12, 7, 23, 59, 59));
		assertThat(file.events()).filteredOn(RiskAssessed.class::isInstance).singleElement()
			.isEqualTo(new RiskAssessed(1, TUAN_GIAO.id(), false, RiskLevel.HIGH));
	}

	// Art. 24: within 12 hours of the report (Mẫu 07)
	@Test
	void emergencyMeasuresTakenAfterTwelveHoursAreLateAndOnlyTheFirstMeasureCounts() {
		CaseFile file = assessed(RiskLevel.SERIOUS);
		assertThat(file.emergencyRequired()).isTrue();
		EmergencyMeasure measure = new EmergencyMeasure(at(13), Set.of(EmergencyMeasureKind.TEMPORARY_SAFE_PLACE),
				"Chủ tịch UBND xã", null, null, "Nhà bà ngoại", null);
		file.takeEmergencyMeasure(CHAIRMAN, measure, at(13));
		file.takeEmergencyMeasure(CHAIRMAN, new EmergencyMeasure(at(14),
				Set.of(EmergencyMeasureKind.POLICE_PROTECTION), "Công an xã", null, null, null, null), at(14));
		assertThat(file.events()).filteredOn(EmergencyMeasureTaken.class::isInstance).singleElement()
			.isEqualTo(new EmergencyMeasureTaken(1, TUAN_GIAO.id(), at(13), false));
		assertThat(file.deadlines(at(15)).get(0)).extracting(Deadline::status, Deadline::completedAt)
			.containsExactly(DeadlineStatus.LATE, at(13));
	}

	// Art. 28 and Mẫu 05: the approved plan is implemented and reviewed on the date it set
	@Test
	void approvingThePlanStartsImplementationSetsTheReviewDeadlineAndPublishesThatThePlanWasOnTime() {
		CaseFile file = approved();
		assertThat(file.stage()).isEqualTo(CaseStage.IN_PROGRESS);
		assertThat(file.plan().orElseThrow()).extracting(CasePlan::status, CasePlan::approvedByName)
			.containsExactly(PlanStatus.APPROVED, CHAIRMAN.name());
		assertThat(file.events()).filteredOn(PlanApproved.class::isInstance).singleElement()
			.isEqualTo(new PlanApproved(1, TUAN_GIAO.id(), 1, at(6), true));
		assertThat(file.nextDueAt()).as("the review the plan set")
			.contains(LocalDateTime.of(2026, 12, 30, 23, 59, 59));
		assertThat(file.steps()).extracting(CaseFile.Step::kind).containsExactly("VERIFY",
				"ASSESS_INITIAL", "ASSESS_DETAILED", "DRAFT_PLAN", "SUBMIT_PLAN", "APPROVE_PLAN");
	}

	// Chapter III, step 8 (Mẫu 06): a review closes the case or starts a new plan, due as the first was (Art. 28)
	@Test
	void aReviewThatCallsForANewPlanRaisesTheCycleAndTheNewPlanIsDueFiveWorkingDaysAfterTheReview() {
		CaseFile file = approved();
		LocalDateTime reviewed = LocalDateTime.of(2026, 12, 28, 10, 0);
		file.review(WORKER, new Review(null, ratings(), "Nguy cơ còn cao.", false, null, "Kế hoạch mới."),
				DeadlineTests.NATIONAL, reviewed);
		assertThat(file.stage()).isEqualTo(CaseStage.PLANNING);
		assertThat(file.cycle()).isEqualTo(2);
		assertThat(file.plan()).as("the new cycle's plan is still to be drafted").isEmpty();
		assertThat(file.deadlines(reviewed)).extracting(Deadline::kind).containsExactly(DeadlineKind.EMERGENCY,
				DeadlineKind.PLAN);
		assertThat(file.nextDueAt()).contains(LocalDateTime.of(2027, 1, 4, 23, 59, 59));
		assertThat(file.steps()).filteredOn(s -> s.kind().equals("REVIEW_AND_REPLAN")).singleElement()
			.extracting(CaseFile.Step::cycle).isEqualTo(1);
	}

	// Chapter III, steps 1-2: a new concern about a closed case is verified again; Art. 24 and 28 count from it
	@Test
	void aReopenedCaseStartsANewCycleFromVerificationWithDeadlinesFromNowAndNoPlanApprovedKeepsCounting() {
		CaseFile file = assessed(RiskLevel.LOW);
		file.closeWithoutPlan(WORKER, CaseOutcome.SAFE_WITH_FAMILY, "Gia đình bảo vệ được trẻ.", at(3));
		assertThat(file.nextDueAt()).as("a closed case owes nothing").isEmpty();
		assertThat(file.nextAlertAt(NOTICE)).isEmpty();
		LocalDateTime reopened = LocalDateTime.of(2027, 2, 1, 8, 0);
		file.reopen(OFFICER, "Trẻ lại bị đánh.", DeadlineTests.NATIONAL, reopened);
		assertThat(file.stage()).isEqualTo(CaseStage.VERIFIED);
		assertThat(file.cycle()).isEqualTo(2);
		assertThat(file.closedAt()).isNull();
		assertThat(file.deadlines(reopened)).extracting(Deadline::dueAt)
			.containsExactly(reopened.plusHours(12), LocalDateTime.of(2027, 2, 8, 23, 59, 59));
		assertThat(file.state().firstPlanDueAt()).as("no plan was ever approved: the statistics count the new one")
			.isEqualTo(LocalDateTime.of(2027, 2, 8, 23, 59, 59));
	}

	// Art. 24 and 28: a deadline missed is reported to the supervisors above the commune (decision 0007)
	@Test
	void theWatchAnnouncesADeadlineOnceThenReportsItMissedOnceAndEscalatesTheCase() {
		CaseFile file = reported();
		assertThat(file.watch(at(8), NOTICE)).as("not yet within the notice").isEmpty();
		assertThat(file.watch(at(10), NOTICE)).extracting(CaseFile.Alert::deadline, CaseFile.Alert::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EMERGENCY, CaseFile.AlertKind.APPROACHING));
		assertThat(file.watch(at(11), NOTICE)).isEmpty();
		assertThat(file.nextAlertAt(NOTICE)).contains(at(12));
		assertThat(file.events()).filteredOn(DeadlineApproaching.class::isInstance).hasSize(1);

		assertThat(file.watch(at(13), NOTICE)).extracting(CaseFile.Alert::kind)
			.containsExactly(CaseFile.AlertKind.BREACHED);
		assertThat(file.escalatedAt()).isEqualTo(at(13));
		assertThat(file.escalationReason()).isEqualTo("casework.escalation.deadline-missed.EMERGENCY");
		assertThat(file.events()).filteredOn(CaseEscalated.class::isInstance).singleElement()
			.isEqualTo(new CaseEscalated(1, TUAN_GIAO.id(), "casework.escalation.deadline-missed.EMERGENCY",
					DeadlineKind.EMERGENCY));
		assertThat(file.watch(at(14), NOTICE)).isEmpty();
		assertThat(file.nextAlertAt(NOTICE)).as("the plan's notice, a day before its deadline")
			.contains(LocalDateTime.of(2026, 12, 6, 23, 59, 59));
	}

	@Test
	void aDeadlineTheWatchFirstSeesAlreadyPassedIsOnlyReportedMissed() {
		CaseFile file = reported();
		assertThat(file.watch(at(30), NOTICE)).extracting(CaseFile.Alert::deadline, CaseFile.Alert::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EMERGENCY, CaseFile.AlertKind.BREACHED));
	}

	@Test
	void aStepThatNamesTheVersionRaisesItWhenStoredAndProgressOnAServiceDoesNot() {
		CaseFile file = approved();
		file.stored(null);
		int version = file.version();
		CasePlan.Item service = file.plan().orElseThrow().items().get(0);
		service.identify(501);
		file.updatePlanItem(WORKER, 501, service.version(), PlanItemStatus.DONE, "Đã tư vấn.", at(30));
		assertThat(file.bumped()).isFalse();
		file.stored(null);
		assertThat(file.version()).isEqualTo(version);
		assertThatThrownBy(() -> file.updatePlanItem(WORKER, 501, 0, PlanItemStatus.DONE, null, at(31)))
			.as("the service changed since version 0").isInstanceOf(OptimisticLockingFailureException.class);
		file.escalate(WORKER, "Cần tỉnh hỗ trợ.", at(32));
		file.stored(null);
		assertThat(file.version()).isEqualTo(version + 1);
		assertThatThrownBy(() -> file.requireVersion(version)).isInstanceOf(OptimisticLockingFailureException.class);
	}

	// Law on Children Art. 10(1): groups i (violence) and l (sexual abuse); neglect points to none
	@Test
	void aConfirmedAbuseOfARegisterChildPointsToItsGroupsOfSpecialCircumstances() {
		CaseFile file = reported();
		file.linkChild(WORKER, new ReportedChild(77L, "Lò Thị Én", Sex.FEMALE, LocalDate.of(2017, 3, 8), false), at(1));
		file.classify(WORKER, new Classification(true, Set.of(AbuseForm.SEXUAL_ABUSE, AbuseForm.NEGLECT,
				AbuseForm.VIOLENCE), Set.of(), AbuseSetting.FAMILY, PerpetratorType.STEP_PARENT, null), at(2));
		assertThat(file.groupsPointedTo()).containsExactly("i", "l");
		assertThat(catchThrowableOfType(UserFacingException.class,
				() -> file.recordCircumstance(WORKER, "m", false, at(3))).problems())
			.extracting(InputProblem::messageKey).containsExactly("casework.error.group-not-suggested");
		assertThat(catchThrowableOfType(UserFacingException.class,
				() -> file.classify(WORKER, new Classification(true, Set.of(), Set.of(), null, null, null), at(3)))
			.problems()).extracting(InputProblem::messageKey).containsExactly("casework.error.confirmed-needs-form");
	}

	private static Map<ReviewCriterion, Rating> ratings() {
		return Map.of(ReviewCriterion.HARM_STILL_SERIOUS, Rating.HIGH, ReviewCriterion.ABUSER_ACCESS, Rating.MEDIUM,
				ReviewCriterion.CARE_ENVIRONMENT_OBSTACLES, Rating.MEDIUM, ReviewCriterion.SELF_PROTECTION_AND_RECOVERY,
				Rating.LOW);
	}
}
