package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;
import vn.vongtay.children.Child;
import vn.vongtay.core.UserFacingException;

/**
 * The process of Nghị định 56/2017: a step the stage does not allow, or the caller's role does not, is refused in
 * Vietnamese naming the stage or the step; a step on a case someone changed since is refused and changes nothing; a
 * review starts a new plan cycle and a reopened case a new cycle from verification, each with new deadlines; the steps
 * publish their events; a confirmed abuse suggests the register's group and records it there; a transferred case
 * leaves the old commune for the new one.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseProcessTests extends CaseworkTestSupport {

	private static final String REVIEW_FORM = """
			{"ratings":{"HARM_STILL_SERIOUS":"LOW","ABUSER_ACCESS":"LOW","CARE_ENVIRONMENT_OBSTACLES":"LOW",
			 "SELF_PROTECTION_AND_RECOVERY":"HIGH"},"findings":"Trẻ an toàn.","close":true,"outcome":"SAFE_WITH_FAMILY"}""";

	@Autowired
	DeadlineRules rules;

	@Autowired
	ApplicationEvents events;

	@Test
	void aStepTheStageDoesNotAllowIsRefusedWithConflictNamingTheStageThroughTheApiAndTheJavaApi() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		int version = version(id);

		JsonNode approve = read(apiPost("chutich.a", "/api/v1/cases/" + id + "/plan/approve",
				"{\"version\":" + version + "}").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
		assertThat(approve.get("detail").asString())
			.isEqualTo("Hồ sơ đang ở bước \"Mới tiếp nhận, chờ xác minh\": không thể thực hiện \"Phê duyệt kế hoạch (Mẫu 05)\".");
		assertThat(approve.get("detailEn").asString()).startsWith("The case is at the stage \"");
		UserFacingException refused = refusal(() -> as("chutich.a", () -> {
			process.approvePlan(id, version, null, null);
			return null;
		}));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(vietnamese(refused)).isEqualTo(approve.get("detail").asString());

		verify(id);
		int verified = version(id);
		JsonNode review = read(apiPost("cb.a", "/api/v1/cases/" + id + "/review",
				"{\"version\":" + verified + ",\"form\":" + REVIEW_FORM + "}").andExpect(status().isConflict()));
		assertThat(review.get("detail").asString()).isEqualTo(
				"Hồ sơ đang ở bước \"Đã xác minh, chờ đánh giá ban đầu\": không thể thực hiện \"Rà soát, đánh giá và đóng hồ sơ\".");
		assertThat(vietnamese(refusal(() -> as("cb.a", () -> {
			process.review(id, verified, review(false));
			return null;
		})))).isEqualTo(
				"Hồ sơ đang ở bước \"Đã xác minh, chờ đánh giá ban đầu\": không thể thực hiện \"Rà soát, đánh giá và xây dựng kế hoạch mới\".");

		JsonNode reopen = read(apiPost("cb.a", "/api/v1/cases/" + id + "/reopen",
				"{\"version\":" + verified + ",\"text\":\"Có thông tin mới.\"}").andExpect(status().isConflict()));
		assertThat(reopen.get("detail").asString()).contains("\"Đã xác minh, chờ đánh giá ban đầu\"", "\"Mở lại hồ sơ\"");
		assertThat(refusal(() -> as("cb.a", () -> {
			process.reopen(id, verified, "Có thông tin mới.");
			return null;
		})).status()).isEqualTo(409);

		assertThat(stage(id)).isEqualTo(CaseStage.VERIFIED);
		assertThat(version(id)).as("a refused step changes nothing").isEqualTo(verified);
	}

	@Test
	void eachStepBelongsToItsRolesTheChairmanApprovesTheCaseWorkerDraftsTheOfficerVerifiesAndAssigns() throws Exception {
		long awaiting = hotlineCase("Lò Thị " + unique(), null);
		verify(awaiting);
		assessInitial(awaiting, RiskLevel.HIGH);
		assessDetailed(awaiting);
		UserFacingException chairmanDrafts = refusal(() -> as("chutich.a", () -> {
			process.draftPlan(awaiting, version(awaiting), new PlanDraft(PLAN_GOALS, List.of(new PlanDraft.Item(
					ServiceKind.MEDICAL_CARE, null, null, "Trạm Y tế xã", today().plusDays(3))), today().plusDays(30), null, planMeeting()));
			return null;
		}));
		assertThat(chairmanDrafts.status()).isEqualTo(403);
		assertThat(vietnamese(chairmanDrafts))
			.isEqualTo("Vai trò của bạn không được thực hiện \"Kế hoạch hỗ trợ, can thiệp (Mẫu 04)\".");
		draftPlan(awaiting);
		submitPlan(awaiting);

		JsonNode workerApproves = read(apiPost("cb.a", "/api/v1/cases/" + awaiting + "/plan/approve",
				"{\"version\":" + version(awaiting) + "}").andExpect(status().isForbidden()));
		assertThat(workerApproves.get("detail").asString())
			.isEqualTo("Vai trò của bạn không được thực hiện \"Phê duyệt kế hoạch (Mẫu 05)\".");
		assertThat(refusal(() -> as("cb.a", () -> {
			process.approvePlan(awaiting, version(awaiting), null, null);
			return null;
		})).status()).isEqualTo(403);
		assertThat(stage(awaiting)).isEqualTo(CaseStage.AWAITING_APPROVAL);
		approvePlan(awaiting);
		assertThat(stage(awaiting)).isEqualTo(CaseStage.IN_PROGRESS);
		assertThat(asCaseWorker(awaiting).currentPlan().orElseThrow().approvedByName())
			.isEqualTo(displayName("chutich.a"));

		long opened = hotlineCase("Lò Văn " + unique(), null);
		JsonNode verified = read(apiPost("xa.a", "/api/v1/cases/" + opened + "/verify",
				"{\"version\":" + version(opened) + ",\"text\":\"Công chức đã xác minh.\"}").andExpect(status().isOk()));
		assertThat(verified.get("stage").asString()).isEqualTo("VERIFIED");
		JsonNode assigned = read(apiPost("xa.a", "/api/v1/cases/" + opened + "/assign",
				"{\"version\":" + version(opened) + ",\"caseWorkerId\":" + userId("cb.a") + "}")
			.andExpect(status().isOk()));
		assertThat(assigned.get("caseWorkerName").asString()).isEqualTo(displayName("cb.a"));
		assertThat(assigned.get("steps").findValuesAsString("step")).contains("VERIFY", "ASSIGN");
		assertThat(notifications("cb.a", "casework.notify.assigned", "/cases/" + opened)).isEqualTo(1);
		JsonNode notAWorker = read(apiPost("xa.a", "/api/v1/cases/" + opened + "/assign",
				"{\"version\":" + version(opened) + ",\"caseWorkerId\":" + userId("chutich.a") + "}")
			.andExpect(status().isUnprocessableEntity()));
		assertThat(notAWorker.get("errors").get(0).get("column").asString()).isEqualTo("caseWorkerId");
		apiPost("chutich.a", "/api/v1/cases/" + opened + "/verify", "{\"version\":" + version(opened) + "}")
			.andExpect(status().isForbidden());
	}

	@Test
	void aStepOnACaseSomeoneChangedSinceIsRefusedAsChangedBySomeoneElseAndChangesNothing() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		int read = version(id);
		verify(id);
		int now = version(id);
		assertThat(now).isEqualTo(read + 1);

		JsonNode stale = read(apiPost("xa.a", "/api/v1/cases/" + id + "/dismiss",
				"{\"version\":" + read + ",\"reason\":\"Thông tin không có thật.\"}").andExpect(status().isConflict()));
		assertThat(stale.get("detail").asString())
			.isEqualTo("Bản ghi đã được người khác thay đổi trong lúc bạn sửa. Vui lòng tải lại và nhập lại thay đổi của bạn.");
		assertThatThrownBy(() -> as("cb.a", () -> {
			process.assessInitial(id, read, new InitialAssessment(null, null, "Trẻ an toàn.", null, RiskLevel.LOW,
					Set.of(), null, null));
			return null;
		})).isInstanceOf(OptimisticLockingFailureException.class);

		ChildCase unchanged = asCaseWorker(id);
		assertThat(unchanged.stage()).isEqualTo(CaseStage.VERIFIED);
		assertThat(unchanged.version()).isEqualTo(now);
		assertThat(unchanged.closedAt()).isNull();
		assertThat(unchanged.riskLevel()).isNull();
		assertThat(unchanged.steps()).extracting(CaseStep::step).doesNotContain("DISMISS", "ASSESS_INITIAL");
	}

	@Test
	void aReviewThatStartsANewPlanRaisesTheCycleAndSetsANewPlanDeadline() {
		LocalDateTime received = now().minusDays(6);
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, received,
				"Lò Thị " + unique(), TUAN_GIAO, null))).caseId();
		bringToImplementation(id);
		ChildCase before = asCaseWorker(id);
		LocalDateTime firstPlanDue = before.deadline(DeadlineKind.PLAN).orElseThrow().dueAt();
		assertThat(before.cycle()).isEqualTo(1);
		assertThat(before.deadline(DeadlineKind.REVIEW)).isPresent();

		reviewCase(id, false);

		ChildCase after = asCaseWorker(id);
		assertThat(after.stage()).isEqualTo(CaseStage.PLANNING);
		assertThat(after.cycle()).isEqualTo(2);
		assertThat(after.currentPlan()).as("the new cycle's plan is still to be drafted").isEmpty();
		Deadline plan = after.deadline(DeadlineKind.PLAN).orElseThrow();
		assertThat(plan.status()).isEqualTo(DeadlineStatus.PENDING);
		assertThat(plan.dueAt()).isEqualTo(rules.planDue(rules.ruleFor(after.unitId()), now())).isAfter(firstPlanDue);
		assertThat(after.deadline(DeadlineKind.REVIEW)).isEmpty();
		assertThat(after.steps()).filteredOn(s -> s.step().equals("REVIEW_AND_REPLAN")).singleElement()
			.satisfies(s -> assertThat(s.cycle()).isEqualTo(1));
		assertThat(after.closedAt()).isNull();

		draftPlan(id);
		ChildCase redrafted = asCaseWorker(id);
		assertThat(redrafted.plans()).extracting(InterventionPlan::cycle).containsExactly(1, 2);
		assertThat(redrafted.currentPlan().orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(redrafted.plans().get(0).status()).isEqualTo(PlanStatus.APPROVED);
	}

	@Test
	void aClosedCaseReopenedStartsAtVerificationInANewCycleWithNewDeadlines() {
		LocalDateTime received = now().minusDays(6);
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, received,
				"Lò Văn " + unique(), TUAN_GIAO, null))).caseId();
		bringToImplementation(id);
		reviewCase(id, true);
		ChildCase closed = asCaseWorker(id);
		assertThat(closed.stage()).isEqualTo(CaseStage.CLOSED);
		assertThat(closed.outcome()).isEqualTo(CaseOutcome.SAFE_WITH_FAMILY);

		LocalDateTime start = now();
		as("cb.a", () -> {
			process.reopen(id, version(id), "Trẻ lại bị cha dượng đánh sau khi ông ta quay về.");
			return null;
		});
		LocalDateTime end = now();

		ChildCase reopened = asCaseWorker(id);
		assertThat(reopened.stage()).isEqualTo(CaseStage.VERIFIED);
		assertThat(reopened.cycle()).isEqualTo(closed.cycle() + 1);
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.outcome()).isNull();
		assertThat(reopened.emergencyRequired()).isNull();
		Deadline emergency = reopened.deadline(DeadlineKind.EMERGENCY).orElseThrow();
		assertThat(emergency.status()).isEqualTo(DeadlineStatus.PENDING);
		assertThat(emergency.dueAt()).isBetween(start.plusHours(12), end.plusHours(12));
		Deadline plan = reopened.deadline(DeadlineKind.PLAN).orElseThrow();
		assertThat(plan.status()).isEqualTo(DeadlineStatus.PENDING);
		assertThat(plan.dueAt()).isEqualTo(rules.planDue(rules.ruleFor(reopened.unitId()), end))
			.isAfter(closed.deadline(DeadlineKind.PLAN).orElseThrow().dueAt());
		assertThat(reopened.deadline(DeadlineKind.REVIEW)).isEmpty();
		assertThat(reopened.steps()).filteredOn(s -> s.step().equals("REOPEN")).singleElement()
			.satisfies(s -> assertThat(s.cycle()).isEqualTo(reopened.cycle()));
		assertThat(reopened.stage().actions()).contains(CaseAction.ASSESS_INITIAL).doesNotContain(CaseAction.VERIFY);
	}

	@Test
	void theStepsPublishTheirEventsWithTheDeadlinesMetOrMissed() {
		String child = "Lò Thị " + unique();
		Reports.Receipt receipt = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111,
				now().minusMinutes(40), child, TUAN_GIAO, null)));
		long id = receipt.caseId();
		verify(id);
		assessInitial(id, RiskLevel.SERIOUS);
		takeEmergencyMeasure(id);
		assessDetailed(id);
		draftPlan(id);
		submitPlan(id);
		approvePlan(id);
		long referral = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(), null,
				ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã giám sát người cha dượng.", null, false, false, false,
				null)));
		as("congan.tuangiao", () -> {
			referrals.accept(referral, 0, "Đã mời người cha dượng làm việc.");
			return null;
		});
		reviewCase(id, true);

		assertThat(events.stream(ReportReceived.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> {
				assertThat(e.reportId()).isEqualTo(receipt.reportId());
				assertThat(e.channel()).isEqualTo(ReportChannel.HOTLINE_111);
				assertThat(e.joinedOpenCase()).isFalse();
			});
		long unit = units.byCode(TUAN_GIAO, today()).id();
		assertThat(events.stream(CaseOpened.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> {
				assertThat(e.unitId()).isEqualTo(unit);
				assertThat(e.provinceCode()).isEqualTo("11");
			});
		assertThat(events.stream(RiskAssessed.class).filter(e -> e.caseId() == id))
			.extracting(RiskAssessed::detailed, RiskAssessed::riskLevel)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(false, RiskLevel.SERIOUS),
					org.assertj.core.groups.Tuple.tuple(true, RiskLevel.MEDIUM));
		assertThat(events.stream(EmergencyMeasureTaken.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> assertThat(e.onTime()).isTrue());
		assertThat(events.stream(PlanApproved.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> {
				assertThat(e.onTime()).isTrue();
				assertThat(e.cycle()).isEqualTo(1);
			});
		assertThat(events.stream(ReferralAccepted.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> {
				assertThat(e.referralId()).isEqualTo(referral);
				assertThat(e.agencyId()).isEqualTo(police().id());
			});
		assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> assertThat(e.outcome()).isEqualTo(CaseOutcome.SAFE_WITH_FAMILY));
	}

	@Test
	void anEmergencyMeasureAfterTheDeadlineIsPublishedAsLate() {
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, now().minusHours(14),
				"Lò Văn " + unique(), TUAN_GIAO, null))).caseId();
		verify(id);
		assessInitial(id, RiskLevel.SERIOUS);
		takeEmergencyMeasure(id);
		assertThat(events.stream(EmergencyMeasureTaken.class).filter(e -> e.caseId() == id)).singleElement()
			.satisfies(e -> assertThat(e.onTime()).isFalse());
	}

	@Test
	void aSubtypeWithoutItsFormIsRefused() throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		UserFacingException refused = refusal(() -> as("cb.a", () -> {
			process.classify(id, version(id), new Classification(true, Set.of(AbuseForm.VIOLENCE),
					Set.of(AbuseSubtype.RAPE), AbuseSetting.FAMILY, PerpetratorType.STEP_PARENT, "Cha dượng"));
			return null;
		}));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("subtypes"));
		JsonNode problem = read(apiPut("cb.a", "/api/v1/cases/" + id + "/classification", """
				{"version":%d,"form":{"abuseConfirmed":true,"forms":["VIOLENCE"],"subtypes":["RAPE"]}}"""
			.formatted(version(id))).andExpect(status().isUnprocessableEntity()));
		assertThat(problem.get("errors").get(0).get("message").asString())
			.isEqualTo("Loại \"Hiếp dâm\" thuộc hình thức \"Xâm hại tình dục\": chọn cả hình thức đó.");
		assertThat(problem.get("errors").get(0).get("messageEn").asString())
			.isEqualTo("The type \"Rape\" belongs to the form of abuse \"Sexual abuse\": choose that form too.");
		assertThat(asCaseWorker(id).classification().subtypes()).isEmpty();
	}

	@Test
	void aConfirmedSexualAbuseOfARegisterChildSuggestsGroupLWhichIsThenRecordedInTheRegister() {
		long child = registerChild("cb.a", TUAN_GIAO, "Lò Thị " + unique());
		long id = as("cb.a", () -> reports.receive(concernAbout(child, ReportChannel.SCHOOL, now().minusHours(1))))
			.caseId();
		assertThat(asCaseWorker(id).suggestedGroups()).isEmpty();
		as("cb.a", () -> {
			process.classify(id, version(id), new Classification(true, Set.of(AbuseForm.SEXUAL_ABUSE),
					Set.of(AbuseSubtype.INDECENT_ACTS), AbuseSetting.COMMUNITY, PerpetratorType.NEIGHBOUR, "Hàng xóm"));
			return null;
		});
		assertThat(asCaseWorker(id).suggestedGroups()).containsExactly("l");
		assertThat(as("cb.a", () -> children.get(child)).circumstances()).extracting(Child.Circumstance::groupCode)
			.doesNotContain("l");
		assertThat(refusal(() -> as("cb.a", () -> {
			process.recordCircumstance(id, "i");
			return null;
		})).status()).as("violence was not confirmed").isEqualTo(422);

		as("cb.a", () -> {
			process.recordCircumstance(id, "l");
			return null;
		});

		assertThat(as("cb.a", () -> children.get(child)).circumstances()).singleElement().satisfies(c -> {
			assertThat(c.groupCode()).isEqualTo("l");
			assertThat(c.from()).isEqualTo(today());
			assertThat(c.atRisk()).isFalse();
			assertThat(c.evidence()).isEqualTo("Hồ sơ " + number(id));
		});
		ChildCase after = asCaseWorker(id);
		assertThat(after.suggestedGroups()).isEmpty();
		assertThat(after.steps()).extracting(CaseStep::step).contains("CIRCUMSTANCE_RECORDED");
	}

	// Law on Children Art. 10(1)(i): a confirmed abuse of a child the register does not hold asks the case worker, on
	// the case page, to find the child with the register's picker and link the case; the group then follows
	@Test
	void aConfirmedAbuseOfAChildNotInTheRegisterAsksTheCaseWorkerToLinkTheChildWithThePickerAndThenToRecordGroupI()
			throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		String link = "/cases/" + id;
		assertThat(pageBody("cb.a", link)).doesNotContain("id=\"child-to-register\"");
		as("cb.a", () -> {
			process.classify(id, version(id), new Classification(true, Set.of(AbuseForm.VIOLENCE), Set.of(),
					AbuseSetting.FAMILY, null, null));
			return null;
		});
		assertThat(asCaseWorker(id).childToRegister()).isTrue();
		assertThat(pageBody("cb.a", link)).contains("id=\"child-to-register\"", "data-child-picker",
				"name=\"childId\"", "/children/new");
		long child = registerChild("cb.a", TUAN_GIAO, "Lò Thị " + unique());
		form("cb.a", link + "/child", "version", String.valueOf(version(id)), "childId", String.valueOf(child))
			.andExpect(status().is3xxRedirection());
		ChildCase linked = asCaseWorker(id);
		assertThat(linked.childId()).isEqualTo(child);
		assertThat(linked.childToRegister()).isFalse();
		assertThat(linked.suggestedGroups()).containsExactly("i");
	}

	@Test
	void aGroupTheChildIsAlreadyRecordedInIsNeitherSuggestedNorRecordedTwice() {
		long child = registerChild("cb.a", TUAN_GIAO, "Lò Thị " + unique());
		as("cb.a", () -> children.startCircumstance(child, "l", null, false, today().minusMonths(3),
				"Hồ sơ của Công an huyện năm trước"));
		long id = as("cb.a", () -> reports.receive(concernAbout(child, ReportChannel.SCHOOL, now().minusHours(1))))
			.caseId();
		as("cb.a", () -> {
			process.classify(id, version(id), new Classification(true,
					Set.of(AbuseForm.SEXUAL_ABUSE, AbuseForm.VIOLENCE), Set.of(), null, null, null));
			return null;
		});

		assertThat(asCaseWorker(id).suggestedGroups()).containsExactly("i");
		UserFacingException twice = refusal(() -> as("cb.a", () -> {
			process.recordCircumstance(id, "l");
			return null;
		}));
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.problems()).singleElement()
			.satisfies(p -> assertThat(p.messageKey()).isEqualTo("casework.error.group-already-recorded"));
		assertThat(as("cb.a", () -> children.get(child)).circumstances()).extracting(Child.Circumstance::groupCode)
			.containsExactly("l");

		as("cb.a", () -> {
			process.recordCircumstance(id, "i");
			return null;
		});
		assertThat(asCaseWorker(id).suggestedGroups()).isEmpty();
		assertThat(as("cb.a", () -> children.get(child)).circumstances()).extracting(Child.Circumstance::groupCode)
			.containsExactlyInAnyOrder("l", "i");
	}

	// Art. 27-28: the plan's meeting minutes are typed on the plan's page form, refused in place when incomplete, and
	// shown on the case page once recorded; the plan cannot be submitted without them
	@Test
	void thePlansMeetingMinutesAreRecordedOnThePageWithThePlanAndShownOnTheCase() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.HIGH);
		assessDetailed(id);
		String link = "/cases/" + id;
		String[] plan = { "goals", "Bảo đảm an toàn cho trẻ.", "service", "PSYCHOLOGICAL_SUPPORT", "providerName",
				"Trung tâm CTXH", "dueOn", today().plusDays(5).toString(), "reviewOn", today().plusDays(30).toString() };
		form("cb.a", link + "/plan", concat(plan, "version", String.valueOf(version(id))))
			.andExpect(status().is3xxRedirection());
		String refused = text(form("cb.a", link + "/plan/submit", "version", String.valueOf(version(id))));
		assertThat(refused).contains("Chưa có biên bản cuộc họp xây dựng kế hoạch");
		assertThat(stage(id)).isEqualTo(CaseStage.PLANNING);
		form("cb.a", link + "/plan", concat(plan, "version", String.valueOf(version(id)), "meetingHeldOn",
				today().toString(), "meetingChair", "Lò Văn Cán bộ", "meetingParticipants", "Trẻ, bà ngoại, Trạm Y tế xã",
				"meetingConclusions", "Thống nhất tư vấn tâm lý 04 buổi."))
			.andExpect(status().is3xxRedirection());
		form("cb.a", link + "/plan/submit", "version", String.valueOf(version(id))).andExpect(status().is3xxRedirection());
		assertThat(stage(id)).isEqualTo(CaseStage.AWAITING_APPROVAL);
		assertThat(pageBody("chutich.a", link)).contains("Biên bản cuộc họp xây dựng kế hoạch", "Lò Văn Cán bộ",
				"Trẻ, bà ngoại, Trạm Y tế xã", "Thống nhất tư vấn tâm lý 04 buổi.");
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	// Law on Children Art. 50, Nghị định 56/2017 Chapter III step 4 (Mẫu 07): the case worker proposes emergency
	// measures, the commune chairman is told at once and decides; the decision is the chairman's, not the worker's
	@Test
	void theCaseWorkerProposesEmergencyMeasuresOnThePageAndTheChairmanIsToldSeesTheProposalAndDecides()
			throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		String link = "/cases/" + id;
		form("cb.a", link + "/emergency-measures", "version", String.valueOf(version(id)), "measures",
				"TEMPORARY_SAFE_PLACE").andExpect(status().isForbidden());
		form("cb.a", link + "/emergency-measures/proposal", "version", String.valueOf(version(id)), "measures",
				"TEMPORARY_SAFE_PLACE", "careArrangement", "Nhà bà ngoại ở bản Đông")
			.andExpect(status().is3xxRedirection());
		assertThat(notifications("chutich.a", "casework.notify.emergency-proposed", link)).isEqualTo(1);
		assertThat(asCaseWorker(id).deadline(DeadlineKind.EMERGENCY).orElseThrow().completedAt())
			.as("a proposal is not a decision").isNull();
		String chairmansPage = pageBody("chutich.a", link);
		assertThat(chairmansPage).contains("id=\"emergency-proposal-pending\"", "Nhà bà ngoại ở bản Đông")
			.doesNotContain("id=\"emergency-proposal\"");
		form("chutich.a", link + "/emergency-measures", "version", String.valueOf(version(id)), "measures",
				"TEMPORARY_SAFE_PLACE", "careArrangement", "Nhà bà ngoại ở bản Đông", "decisionNumber", "09/QĐ-UBND")
			.andExpect(status().is3xxRedirection());
		ChildCase decided = asCaseWorker(id);
		assertThat(decided.deadline(DeadlineKind.EMERGENCY).orElseThrow().completedAt()).isNotNull();
		assertThat(decided.steps()).filteredOn(s -> s.step().equals("TAKE_EMERGENCY_MEASURE")).singleElement()
			.satisfies(s -> assertThat(s.content()).containsEntry("decidedBy", displayName("chutich.a")));
		assertThat(decided.pendingEmergencyProposal()).isEmpty();
	}

	@Test
	void theCasePagesFormsTakeEmergencyMeasuresClassificationEscalationReturnProgressDismissalAndReopening()
			throws Exception {
		long a = hotlineCase("Lò Thị " + unique(), null);
		String at = now().minusMinutes(10).toString().substring(0, 16);
		form("chutich.a", "/cases/" + a + "/emergency-measures", "version", String.valueOf(version(a)), "takenAt", at,
				"measures", "TEMPORARY_SAFE_PLACE", "measures", "POLICE_PROTECTION",
				"careArrangement", "Nhà bà ngoại", "until", today().plusDays(7).format(
						java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
			.andExpect(status().is3xxRedirection()).andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/cases/" + a + "?saved"));
		form("cb.a", "/cases/" + a + "/classification", "version", String.valueOf(version(a)), "abuseConfirmed", "true",
				"forms", "VIOLENCE", "subtypes", "PHYSICAL_VIOLENCE", "setting", "FAMILY", "perpetratorType",
				"STEP_PARENT", "perpetratorRelationship", "Cha dượng").andExpect(status().is3xxRedirection());
		form("cb.a", "/cases/" + a + "/escalate", "version", String.valueOf(version(a)), "reason",
				"Cần tỉnh hỗ trợ nơi tạm trú.").andExpect(status().is3xxRedirection());
		ChildCase measured = asCaseWorker(a);
		assertThat(measured.deadline(DeadlineKind.EMERGENCY).orElseThrow().status()).isEqualTo(DeadlineStatus.MET);
		assertThat(measured.deadline(DeadlineKind.EMERGENCY).orElseThrow().completedAt())
			.isEqualTo(LocalDateTime.parse(at));
		assertThat(measured.classification()).isEqualTo(new Classification(true, Set.of(AbuseForm.VIOLENCE),
				Set.of(AbuseSubtype.PHYSICAL_VIOLENCE), AbuseSetting.FAMILY, PerpetratorType.STEP_PARENT, "Cha dượng"));
		assertThat(measured.escalationReason()).isEqualTo("Cần tỉnh hỗ trợ nơi tạm trú.");
		String stale = text(form("cb.a", "/cases/" + a + "/escalate", "version", "0", "reason", "Lần nữa.")
			.andExpect(status().isConflict()));
		assertThat(stale).contains("Bản ghi đã được người khác thay đổi trong lúc bạn sửa.");

		long b = hotlineCase("Lò Văn " + unique(), null);
		verify(b);
		assessInitial(b, RiskLevel.HIGH);
		assessDetailed(b);
		draftPlan(b);
		submitPlan(b);
		form("chutich.a", "/cases/" + b + "/plan/return", "version", String.valueOf(version(b)), "comment",
				"Bổ sung hỗ trợ học tập.").andExpect(status().is3xxRedirection());
		ChildCase returned = asCaseWorker(b);
		assertThat(returned.stage()).isEqualTo(CaseStage.PLANNING);
		assertThat(returned.currentPlan().orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(returned.currentPlan().orElseThrow().returnedComment()).isEqualTo("Bổ sung hỗ trợ học tập.");
		assertThat(notifications("cb.a", "casework.notify.plan-returned", "/cases/" + b)).isEqualTo(1);
		submitPlan(b);
		approvePlan(b);
		InterventionPlan.PlanItem item = asCaseWorker(b).currentPlan().orElseThrow().items().get(0);
		form("cb.a", "/cases/" + b + "/plan/items/" + item.id(), "version", String.valueOf(item.version()), "status",
				"DONE", "result", "Đã tư vấn 4 buổi.").andExpect(status().is3xxRedirection());
		assertThat(asCaseWorker(b).currentPlan().orElseThrow().items().get(0))
			.extracting(InterventionPlan.PlanItem::status, InterventionPlan.PlanItem::result)
			.containsExactly(PlanItemStatus.DONE, "Đã tư vấn 4 buổi.");

		long c = hotlineCase("Lò Thị " + unique(), null);
		form("xa.a", "/cases/" + c + "/dismiss", "version", String.valueOf(version(c)), "outcome", "NO_ABUSE_FOUND",
				"reason", "Xác minh: trẻ được chăm sóc tốt.").andExpect(status().is3xxRedirection());
		assertThat(asCaseWorker(c)).extracting(ChildCase::stage, ChildCase::outcome)
			.containsExactly(CaseStage.CLOSED, CaseOutcome.NO_ABUSE_FOUND);
		form("cb.a", "/cases/" + c + "/reopen", "version", String.valueOf(version(c)), "reason",
				"Hàng xóm báo lại.").andExpect(status().is3xxRedirection());
		assessInitial(c, RiskLevel.LOW);
		form("cb.a", "/cases/" + c + "/close-without-plan", "version", String.valueOf(version(c)), "outcome",
				"SAFE_WITH_FAMILY", "reason", "Nguy cơ thấp, gia đình đã được tư vấn.")
			.andExpect(status().is3xxRedirection());
		ChildCase closedAgain = asCaseWorker(c);
		assertThat(closedAgain.stage()).isEqualTo(CaseStage.CLOSED);
		assertThat(closedAgain.cycle()).isEqualTo(2);
		assertThat(closedAgain.outcome()).isEqualTo(CaseOutcome.SAFE_WITH_FAMILY);
		assertThat(closedAgain.steps()).extracting(CaseStep::step).containsSubsequence("RECEIVED", "DISMISS", "REOPEN",
				"ASSESS_INITIAL", "CLOSE_WITHOUT_PLAN");

		form("xa.a", "/cases/" + a + "/transfer", "version", String.valueOf(version(a)), "toCommuneCode", QUAI_TO,
				"reason", "Trẻ chuyển về ở với ông bà.").andExpect(
						org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/cases?transferred"));
		assertThat(unitCodeOf(a)).isEqualTo(QUAI_TO);
		assertThat(pageBody("xa.a", "/cases?transferred")).contains("Đã chuyển hồ sơ");
	}

	@Test
	void aCaseTransferredToQuaiToLeavesTuanGiaoAndIsSeenAndToldThere() throws Exception {
		String child = "Lò Văn " + unique();
		long id = hotlineCase(child, null);
		verify(id);
		String link = "/cases/" + id;

		apiPost("xa.a", "/api/v1/cases/" + id + "/transfer", """
				{"version":%d,"toCommuneCode":"03295","reason":"Gia đình chuyển về ở với ông bà tại Quài Tở."}"""
			.formatted(version(id))).andExpect(status().isNoContent());

		for (String before : List.of("xa.a", "cb.a", "chutich.a")) {
			assertThat(refusal(() -> as(before, () -> cases.get(id))).status()).as(before).isEqualTo(404);
		}
		page("xa.a", get(link)).andExpect(status().isNotFound());
		apiGet("cb.a", "/api/v1/cases/" + id).andExpect(status().isNotFound());
		ChildCase there = as("xa.b", () -> cases.get(id));
		assertThat(there.unitCode()).isEqualTo(QUAI_TO);
		assertThat(there.childName()).isEqualTo(child);
		assertThat(there.caseWorkerId()).as("Quài Tở has no case worker of its own in the demo").isNull();
		assertThat(there.stage()).isEqualTo(CaseStage.VERIFIED);
		assertThat(pageBody("xa.b", link)).contains(child);
		assertThat(notifications("xa.b", "casework.notify.transferred-in", link)).isEqualTo(1);
		assertThat(notifications("xa.a", "casework.notify.transferred-in", link)).isZero();
		assertThat(there.steps()).filteredOn(s -> s.step().equals("TRANSFER")).singleElement()
			.satisfies(s -> assertThat(s.note()).startsWith("Xã Quài Tở: "));
	}
}
