package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.calendar.CalendarOverrides;
import vn.vongtay.calendar.OverrideDraft;
import vn.vongtay.calendar.OverrideKind;
import vn.vongtay.children.Sex;

/**
 * The deadlines of Nghị định 56: emergency measures within 12 clock hours of the report, an approved plan by the end
 * of the fifth working day after the day it was received, counted on the working-day calendar an administrator
 * edits; a jurisdiction's own values win over the national ones, the most specific unit's over its province's.
 */
@IntegrationTest
class CaseDeadlineTests extends DemoAccountTestSupport {

	// Friday 27/11/2026, 20:00: the working days after it are Mon 30/11 to Fri 04/12
	private static final LocalDateTime FRIDAY_EVENING = LocalDateTime.of(2026, 11, 27, 20, 0);

	@Autowired
	Reports reports;

	@Autowired
	Cases cases;

	@Autowired
	CaseProcess process;

	@Autowired
	DeadlineRules rules;

	@Autowired
	CalendarOverrides calendar;

	@Autowired
	Clock clock;

	@Test
	void aReportOnFridayEveningIsDueForEmergencyMeasuresTwelveHoursLaterAndForAPlanAtTheEndOfTheFifthWorkingDay() {
		ChildCase c = open(FRIDAY_EVENING);
		assertThat(c.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
			.isEqualTo(LocalDateTime.of(2026, 11, 28, 8, 0));
		assertThat(c.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
			.isEqualTo(LocalDateTime.of(2026, 12, 4, 23, 59, 59));
	}

	@Test
	void aReportReceivedOnSaturdayCountsItsWorkingDaysFromMondayAcrossTheWeekend() {
		ChildCase c = open(LocalDateTime.of(2026, 11, 28, 9, 30));
		assertThat(c.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
			.isEqualTo(LocalDateTime.of(2026, 11, 28, 21, 30));
		assertThat(c.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
			.isEqualTo(LocalDateTime.of(2026, 12, 4, 23, 59, 59));
	}

	@Test
	void aHolidayAnAdministratorAddsPushesThePlanDeadlineByAWorkingDay() {
		long holiday = as("admin", () -> calendar.add(new OverrideDraft("02/12/2026", OverrideKind.DAY_OFF,
				"Nghỉ theo quyết định của Thủ tướng (thử nghiệm)", null, "Kiểm thử", null)));
		try {
			ChildCase c = open(FRIDAY_EVENING);
			assertThat(c.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 12, 7, 23, 59, 59));
			assertThat(c.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
				.as("emergency measures count clock hours, holidays included")
				.isEqualTo(LocalDateTime.of(2026, 11, 28, 8, 0));
		}
		finally {
			as("admin", () -> {
				calendar.remove(holiday, 0);
				return null;
			});
		}
	}

	@Test
	void aJurisdictionWithItsOwnValuesGetsThemAndACommuneRuleWinsOverItsProvince() {
		as("tinh.dienbien", () -> {
			rules.set("11", 8, 7, "Quyết định của UBND tỉnh (kiểm thử)", null);
			return null;
		});
		try {
			ChildCase inProvince = open(FRIDAY_EVENING);
			assertThat(inProvince.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 11, 28, 4, 0));
			// seven working days: Mon 30/11 ... Tue 08/12
			assertThat(inProvince.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 12, 8, 23, 59, 59));

			as("tinh.dienbien", () -> {
				rules.set("03253", 6, 3, "Quy chế của xã (kiểm thử)", null);
				return null;
			});
			ChildCase inCommune = open(FRIDAY_EVENING);
			assertThat(inCommune.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 11, 28, 2, 0));
			assertThat(inCommune.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 12, 2, 23, 59, 59));
			assertThat(inProvince.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
				.as("a case keeps the deadlines it was opened with")
				.isEqualTo(cases(inProvince.id()).deadline(DeadlineKind.PLAN).orElseThrow().dueAt());
		}
		finally {
			as("tinh.dienbien", () -> {
				rules.remove("03253");
				rules.remove("11");
				return null;
			});
		}
		assertThat(as("xa.a", () -> rules.ruleFor(units.byCode("03253", java.time.LocalDate.now(clock)).id())))
			.extracting(DeadlineRules.Rule::emergencyHours, DeadlineRules.Rule::planWorkingDays)
			.containsExactly(12, 5);
	}

	@Test
	void aCommuneOfficerMayNotSetDeadlinesAndAProvinceOfficerNotOutsideTheProvince() throws Exception {
		page("xa.a", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/case-deadlines"))
			.andExpect(status().isForbidden());
		apiPut("tinh.dienbien", "/api/v1/casework/deadline-rules/04",
				"{\"emergencyHours\":8,\"planWorkingDays\":7}")
			.andExpect(status().isUnprocessableEntity());
		String refused = text(apiPut("tinh.dienbien", "/api/v1/casework/deadline-rules/11",
				"{\"emergencyHours\":100,\"planWorkingDays\":0}"));
		assertThat(refused).contains("Số giờ áp dụng biện pháp khẩn cấp phải từ 1 đến 72",
				"Số ngày làm việc phải từ 1 đến 30");
	}

	@Test
	void aProvinceOfficerSetsAndChangesACommunesDeadlinesOnThePageAndTheNextCaseThereIsDueByThem() throws Exception {
		form("tinh.dienbien", "/admin/case-deadlines", "unitCode", "03253", "emergencyHours", "10",
				"planWorkingDays", "4", "basis", "Quy chế của xã (kiểm thử trang)")
			.andExpect(status().is3xxRedirection());
		try {
			assertThat(pageBody("tinh.dienbien", "/admin/case-deadlines")).contains("03253", "Quy chế của xã (kiểm thử trang)");
			form("tinh.dienbien", "/admin/case-deadlines", "unitCode", "03253", "emergencyHours", "9",
					"planWorkingDays", "4", "basis", "Quy chế của xã (kiểm thử trang)", "version", "0")
				.andExpect(status().is3xxRedirection());
			ChildCase c = open(FRIDAY_EVENING);
			assertThat(c.deadline(DeadlineKind.EMERGENCY).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 11, 28, 5, 0));
			assertThat(c.deadline(DeadlineKind.PLAN).orElseThrow().dueAt())
				.isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 59, 59));
			form("tinh.dienbien", "/admin/case-deadlines", "unitCode", "03253", "emergencyHours", "mười",
					"planWorkingDays", "4", "version", "1")
				.andExpect(status().isBadRequest());
		}
		finally {
			as("tinh.dienbien", () -> {
				rules.remove("03253");
				return null;
			});
		}
	}

	@Test
	void theApiShowsEachDeadlineWithItsDueTimeAndWhetherItWasMet() throws Exception {
		ChildCase c = open(FRIDAY_EVENING);
		as("cb.a", () -> {
			process.verify(c.id(), cases(c.id()).version(), null);
			process.assessInitial(c.id(), cases(c.id()).version(), new InitialAssessment(
					LocalDateTime.of(2026, 11, 27, 22, 0), null, "Trẻ an toàn tại nhà bà ngoại.", null, RiskLevel.MEDIUM,
					Set.of(), null, null));
			return null;
		});
		JsonNode json = read(apiGet("cb.a", "/api/v1/cases/" + c.id()).andExpect(status().isOk()));
		JsonNode emergency = deadline(json, "EMERGENCY");
		assertThat(emergency.get("dueAt").asString()).isEqualTo("2026-11-28T08:00:00");
		assertThat(emergency.get("status").asString()).isEqualTo("NOT_REQUIRED");
		assertThat(emergency.get("met").isNull()).isTrue();
		JsonNode plan = deadline(json, "PLAN");
		assertThat(plan.get("dueAt").asString()).isEqualTo("2026-12-04T23:59:59");
		assertThat(plan.get("status").asString()).isIn("PENDING", "MISSED");
	}

	@Test
	void emergencyMeasuresTakenAfterTwelveHoursAreLateAndAPlanApprovedInTimeIsMet() {
		LocalDateTime received = LocalDateTime.now(clock).minusDays(1).withNano(0);
		ChildCase c = open(received);
		as("cb.a", () -> {
			process.verify(c.id(), cases(c.id()).version(), null);
			process.assessInitial(c.id(), cases(c.id()).version(), new InitialAssessment(received.plusHours(1), null,
					"Trẻ bị đánh, có vết thương ở đầu.", null, RiskLevel.SERIOUS, Set.of(AbuseForm.VIOLENCE), null, null));
			process.takeEmergencyMeasure(c.id(), cases(c.id()).version(), new EmergencyMeasure(received.plusHours(13),
					Set.of(EmergencyMeasureKind.EMERGENCY_MEDICAL_CARE), "Chủ tịch UBND xã", null, null,
					"Trạm Y tế xã", null));
			process.assessDetailed(c.id(), cases(c.id()).version(), new DetailedAssessment(received.plusHours(14), null,
					null, null, null, null, null, "Điều trị, tư vấn tâm lý.", RiskLevel.HIGH));
			process.draftPlan(c.id(), cases(c.id()).version(), new PlanDraft("Bảo đảm an toàn cho trẻ.",
					java.util.List.of(new PlanDraft.Item(ServiceKind.MEDICAL_CARE, null, null, "Trạm Y tế xã",
							java.time.LocalDate.now(clock).plusDays(3))),
					java.time.LocalDate.now(clock).plusDays(30), null));
			process.submitPlan(c.id(), cases(c.id()).version());
			return null;
		});
		as("chutich.a", () -> {
			process.approvePlan(c.id(), cases(c.id()).version(), null, null);
			return null;
		});
		ChildCase after = cases(c.id());
		assertThat(after.deadline(DeadlineKind.EMERGENCY).orElseThrow())
			.extracting(Deadline::status, Deadline::met).containsExactly(DeadlineStatus.LATE, false);
		assertThat(after.deadline(DeadlineKind.PLAN).orElseThrow())
			.extracting(Deadline::status, Deadline::met).containsExactly(DeadlineStatus.MET, true);
		assertThat(after.deadline(DeadlineKind.REVIEW).orElseThrow().dueAt().toLocalDate())
			.isEqualTo(java.time.LocalDate.now(clock).plusDays(30));
		assertThat(after.nextDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.REVIEW);
	}

	private ChildCase open(LocalDateTime receivedAt) {
		Reports.Receipt receipt = as("tongdai111", () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
				receivedAt, null, null, "Trẻ chưa rõ tên", Sex.UNKNOWN, null, 9, "Bản Chiềng", "03253", null, null,
				"Trẻ bị bỏ mặc, không ai chăm sóc.", null, null, null, null, Set.of(AbuseForm.NEGLECT), null, null,
				null, null)));
		return cases(receipt.caseId());
	}

	private ChildCase cases(long id) {
		return as("cb.a", () -> cases.get(id));
	}

	private static JsonNode deadline(JsonNode json, String kind) {
		for (JsonNode d : json.get("deadlines")) {
			if (d.get("kind").asString().equals(kind)) {
				return d;
			}
		}
		throw new AssertionError("no deadline " + kind + " in " + json);
	}
}
