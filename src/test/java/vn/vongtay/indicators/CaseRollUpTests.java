package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import vn.vongtay.IntegrationTest;
import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.AbuseSetting;
import vn.vongtay.casework.AbuseSubtype;
import vn.vongtay.casework.CaseOutcome;
import vn.vongtay.casework.CaseProcess;
import vn.vongtay.casework.Classification;
import vn.vongtay.casework.DetailedAssessment;
import vn.vongtay.casework.EmergencyMeasure;
import vn.vongtay.casework.EmergencyMeasureKind;
import vn.vongtay.casework.InitialAssessment;
import vn.vongtay.casework.PerpetratorType;
import vn.vongtay.casework.PlanDraft;
import vn.vongtay.casework.Rating;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.casework.Review;
import vn.vongtay.casework.ReviewCriterion;
import vn.vongtay.casework.RiskLevel;
import vn.vongtay.casework.ServiceKind;
import vn.vongtay.children.Sex;

/**
 * The figures of reports and cases (the casework source), on cases taken through the process by the demo accounts:
 * every one for the nation, the province and a commune equals the plain query over the casework tables; a new report
 * moves the province figure once its events are handled (awaited with a Modulith scenario); a recount gives the tallies
 * the events made.
 */
@IntegrationTest
@EnableScenarios
class CaseRollUpTests extends IndicatorTestSupport {

	private static final List<String> CASE_INDICATORS = List.of("REPORTS_RECEIVED", "CASES_OPENED", "CASES_CLOSED",
			"ABUSED_CHILDREN", "ABUSED_CHILDREN_ASSISTED", "ABUSED_CHILDREN_ASSISTED_RATE", "CASES_WITH_PLAN",
			"CASES_PLAN_ON_TIME", "CASES_PLAN_ON_TIME_RATE", "CASES_EMERGENCY_REQUIRED", "CASES_EMERGENCY_ON_TIME",
			"CASES_EMERGENCY_ON_TIME_RATE", "ABUSE_PERPETRATORS", "ABUSED_CHILDREN_PER_100K");

	private static boolean made;

	@Autowired
	Reports reports;

	@Autowired
	CaseProcess process;

	@Autowired
	Clock clock;

	private LocalDate today;

	@BeforeEach
	void casesAtEveryStage() {
		today = LocalDate.now(clock);
		if (made) {
			return;
		}
		made = true;
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		// an abused girl of 9 at home, emergency measures in time, plan approved, reviewed and closed
		long closed = report("03253", Sex.FEMALE, 9, now.minusHours(30), ReportChannel.HOTLINE_111);
		as("cb.a", () -> {
			process.verify(closed, version(closed), null);
			process.assessInitial(closed, version(closed), new InitialAssessment(now.minusHours(29), null,
					"Vết bầm trên lưng.", null, RiskLevel.SERIOUS, Set.of(AbuseForm.VIOLENCE), null, null));
			process.takeEmergencyMeasure(closed, version(closed), new EmergencyMeasure(now.minusHours(27),
					Set.of(EmergencyMeasureKind.TEMPORARY_SAFE_PLACE), "Chủ tịch UBND xã", null, null, "Nhà bà ngoại", null));
			process.assessDetailed(closed, version(closed), new DetailedAssessment(now.minusHours(26), null, null, null,
					null, null, null, "Tư vấn tâm lý.", RiskLevel.HIGH));
			process.classify(closed, version(closed), new Classification(true,
					Set.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT), Set.of(AbuseSubtype.PHYSICAL_VIOLENCE),
					AbuseSetting.FAMILY, PerpetratorType.STEP_PARENT, "Cha dượng"));
			plan(closed);
			return null;
		});
		approve(closed);
		as("cb.a", () -> {
			process.review(closed, version(closed), new Review(null, Map.of(ReviewCriterion.HARM_STILL_SERIOUS, Rating.LOW,
					ReviewCriterion.ABUSER_ACCESS, Rating.LOW, ReviewCriterion.CARE_ENVIRONMENT_OBSTACLES, Rating.LOW,
					ReviewCriterion.SELF_PROTECTION_AND_RECOVERY, Rating.MEDIUM), "Trẻ an toàn.", true,
					CaseOutcome.SAFE_WITH_FAMILY, null));
			return null;
		});
		// a boy of unknown age, sexual abuse online confirmed, emergency measures late, no plan yet
		long late = report("03253", Sex.MALE, null, now.minusHours(20), ReportChannel.SCHOOL);
		as("cb.a", () -> {
			process.verify(late, version(late), null);
			process.assessInitial(late, version(late), new InitialAssessment(now.minusHours(19), null, "Bị dụ dỗ.", null,
					RiskLevel.SERIOUS, Set.of(AbuseForm.SEXUAL_ABUSE), null, null));
			process.takeEmergencyMeasure(late, version(late), new EmergencyMeasure(now.minusHours(2),
					Set.of(EmergencyMeasureKind.POLICE_PROTECTION), "Công an xã", null, null, null, null));
			process.classify(late, version(late), new Classification(true, Set.of(AbuseForm.SEXUAL_ABUSE),
					Set.of(AbuseSubtype.ONLINE_SEXUAL_ABUSE), AbuseSetting.ONLINE, PerpetratorType.STRANGER, null));
			return null;
		});
		// a second report about the late case's child would join it: here one in Quài Tở, dismissed
		long dismissed = report("03295", Sex.UNKNOWN, 14, now.minusHours(5), ReportChannel.PHONE);
		as("xa.b", () -> {
			process.dismiss(dismissed, version(dismissed), CaseOutcome.NO_ABUSE_FOUND, "Tin không đúng sự thật.");
			return null;
		});
		// just received
		report("03253", Sex.FEMALE, 3, now.minusMinutes(30), ReportChannel.IN_PERSON);
		awaitListeners();
	}

	@Test
	void everyCaseFigureForTheNationAProvinceAndACommuneEqualsThePlainQuery() {
		long nation = unitId("VN", today);
		long province = unitId("11", today);
		long commune = unitId("03253", today);
		IndicatorPeriod year = IndicatorPeriod.year(today.getYear());
		List<IndicatorPeriod> periods = List.of(year, IndicatorPeriod.parse(today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2)),
				IndicatorPeriod.parse("%d-%02d".formatted(today.getYear(), today.getMonthValue())),
				IndicatorPeriod.year(today.getYear() - 1));
		for (String code : CASE_INDICATORS) {
			Indicator indicator = catalogue.get(code);
			assertThat(indicator.waitingForSource()).as(code + " has its source").isFalse();
			for (long unit : List.of(nation, province, commune)) {
				for (IndicatorPeriod period : periods) {
					assertEqualsPlain(indicator, unit, period, period.equals(year));
				}
			}
		}
		assertThat(value("ABUSED_CHILDREN", commune, year).value()).isPositive();
		assertThat(value("CASES_PLAN_ON_TIME", commune, year).value()).isPositive();
		// Thông tư 13/2021 Phụ lục II beyond 0101: who harmed the abused children (the step-father, a stranger)
		assertThat(value("ABUSE_PERPETRATORS", commune, year).value()).isGreaterThanOrEqualTo(java.math.BigDecimal.valueOf(2));
		IndicatorValue rate = value("ABUSED_CHILDREN_PER_100K", commune, year);
		assertThat(rate.value()).isEqualByComparingTo(rate.numerator().multiply(java.math.BigDecimal.valueOf(100_000))
			.divide(rate.denominator(), 2, java.math.RoundingMode.HALF_UP));
	}

	@Test
	void aNewReportMovesTheProvinceFigureOnceItsEventsAreHandled(Scenario scenario) {
		long province = unitId("11", today);
		IndicatorPeriod year = IndicatorPeriod.year(today.getYear());
		long received = value("REPORTS_RECEIVED", province, year).value().longValue();
		long opened = value("CASES_OPENED", province, year).value().longValue();
		scenario.stimulate(() -> report("03295", Sex.MALE, 12, LocalDateTime.now(clock).withNano(0), ReportChannel.POLICE))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> List.of(value("REPORTS_RECEIVED", province, year).value().longValue(),
					value("CASES_OPENED", province, year).value().longValue()),
					figures -> figures.equals(List.of(received + 1, opened + 1)))
			.andVerify(figures -> assertThat(figures).containsExactly(received + 1, opened + 1));
	}

	@Test
	void aRecountGivesTheSameTalliesAsTheEvents() {
		awaitListeners();
		List<String> byEvents = tallyRows();
		assertThat(byEvents).anyMatch(row -> row.startsWith("ABUSED_CHILDREN|"));
		as("admin", () -> recount.run());
		assertThat(tallyRows()).isEqualTo(byEvents);
	}

	private long report(String commune, Sex sex, Integer age, LocalDateTime at, ReportChannel channel) {
		return as("tongdai111", () -> reports.receive(new ReportDraft(channel, at, null, null, null, sex, null, age,
				"Bản Noong", commune, null, null, "Trẻ cần được bảo vệ.", null, null, null, null, Set.of(), null, null,
				null, null))).caseId();
	}

	private void plan(long caseId) {
		process.draftPlan(caseId, version(caseId), new PlanDraft("Trẻ an toàn tại gia đình.", List.of(new PlanDraft.Item(
				ServiceKind.PSYCHOLOGICAL_SUPPORT, null, null, "Trung tâm CTXH", today.plusDays(7))),
				today.plusDays(20), null));
		process.submitPlan(caseId, version(caseId));
	}

	private void approve(long caseId) {
		as("chutich.a", () -> {
			process.approvePlan(caseId, version(caseId), null, null);
			return null;
		});
	}

	private int version(long caseId) {
		return jdbc.sql("SELECT version FROM casework.child_case WHERE id = :id").param("id", caseId)
			.query(Integer.class).single();
	}
}
