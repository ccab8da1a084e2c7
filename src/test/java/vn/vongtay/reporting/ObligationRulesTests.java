package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.vongtay.core.Period;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.planning.AgencyRef;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanKind;
import vn.vongtay.planning.PlanStatus;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.reporting.ObligationRules.Owed;

/**
 * The rules that make obligations, without Spring, on a small tree: a district (until 30/06/2025) with two communes,
 * its labour office, a province, its labour department (replaced by the health department on 01/03/2025).
 */
class ObligationRulesTests {

	private static final LocalDate DISTRICTS_END = LocalDate.of(2025, 6, 30);

	private final World world = new World();

	private final AdministrativeUnit nation = world.unit(1, "VN", UnitLevel.NATION, "Việt Nam", null, null, null);
	private final AdministrativeUnit province = world.unit(2, "11", UnitLevel.PROVINCE, "Tỉnh Điện Biên", 1L, null,
			DISTRICTS_END);
	private final AdministrativeUnit district = world.unit(3, "099", UnitLevel.DISTRICT, "Huyện Tuần Giáo", 2L, null,
			DISTRICTS_END);
	private final AdministrativeUnit communeA = world.unit(4, "03253", UnitLevel.COMMUNE, "Thị trấn Tuần Giáo", 3L, null,
			DISTRICTS_END);
	private final AdministrativeUnit communeB = world.unit(5, "03274", UnitLevel.COMMUNE, "Xã Quài Nưa", 3L, null,
			DISTRICTS_END);
	private final AdministrativeUnit newProvince = world.unit(6, "11", UnitLevel.PROVINCE, "Tỉnh Điện Biên", 1L,
			LocalDate.of(2025, 7, 1), null);

	private final AgencyRef communes = world.agency(10, AgencyKind.COMMUNE_COMMITTEES, "UBND các xã, thị trấn", district,
			null, null);
	private final AgencyRef labourOffice = world.agency(11, AgencyKind.SOCIAL_AFFAIRS, "Phòng Lao động - Thương binh và Xã hội",
			district, null, null);
	private final AgencyRef council = world.agency(12, AgencyKind.OTHER, "Hội đồng nhân dân cùng cấp", district, null, null);
	private final AgencyRef committee = world.agency(13, AgencyKind.PEOPLES_COMMITTEE, "UBND huyện Tuần Giáo", district,
			null, null);
	private final AgencyRef related = world.agency(14, AgencyKind.OTHER, "Các cơ quan, đơn vị liên quan", district, null,
			null);
	private final AgencyRef ethnic = world.agency(15, AgencyKind.ETHNIC_AFFAIRS, "Phòng Dân tộc", district, null, null);
	private final AgencyRef health = world.agency(21, AgencyKind.HEALTH_DEPARTMENT, "Sở Y tế tỉnh Điện Biên", newProvince,
			LocalDate.of(2025, 3, 1), null);
	private final AgencyRef labourDepartment = world.agency(20, AgencyKind.SOCIAL_AFFAIRS,
			"Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên", province, null, LocalDate.of(2025, 2, 28), health);

	/** Seed 003, II.12.5: "UBND các xã, thị trấn ... định kỳ hàng năm gửi báo cáo về Phòng Lao động". */
	@Test
	void theCommunesOfADistrictEachOweTheAnnualReportUntilTheDistrictEnded() {
		List<Owed> owed = ofPlan(2023, null, rule(ReportKind.ANNUAL, communes, List.of(), labourOffice, null, null, null));
		assertThat(owed).extracting(o -> o.reporter().name() + " " + o.period()).containsExactlyInAnyOrder(
				"Ủy ban nhân dân thị trấn Tuần Giáo 2023", "Ủy ban nhân dân xã Quài Nưa 2023",
				"Ủy ban nhân dân thị trấn Tuần Giáo 2024", "Ủy ban nhân dân xã Quài Nưa 2024");
		assertThat(owed).allSatisfy(o -> assertThat(o.recipient().name())
			.isEqualTo("Phòng Lao động - Thương binh và Xã hội huyện Tuần Giáo"));
	}

	/** Seed 003, II.12.3 and Luật Trẻ em Art. 90(3): "báo cáo Hội đồng nhân dân cùng cấp". */
	@Test
	void theSameLevelCouncilIsTheCouncilOfTheReportingCommune() {
		List<Owed> owed = ofPlan(2024, 2024, rule(ReportKind.ANNUAL, communes, List.of(), council, null, null, null));
		assertThat(owed).extracting(o -> o.reporter().name() + " → " + o.recipient().name()).containsExactlyInAnyOrder(
				"Ủy ban nhân dân thị trấn Tuần Giáo → Hội đồng nhân dân thị trấn Tuần Giáo",
				"Ủy ban nhân dân xã Quài Nưa → Hội đồng nhân dân xã Quài Nưa");
		assertThat(owed).allSatisfy(o -> assertThat(o.recipient().kind()).isEqualTo(BodyKind.COUNCIL));
	}

	/** Seed 003, closing paragraph: "Nếu có khó khăn, vướng mắc, kịp thời phản ánh, báo cáo" is no periodic report. */
	@Test
	void aReportWhenDifficultiesAriseIsNoObligationButAnEvaluationWithADateIs() {
		assertThat(ofPlan(2020, null, rule(ReportKind.AD_HOC, committee, List.of(), labourOffice, null, null, null)))
			.isEmpty();
		List<Owed> evaluation = ofPlan(2020, 2021,
				rule(ReportKind.AD_HOC, communes, List.of(), labourOffice, 2020, 2021, LocalDate.of(2021, 7, 15)));
		assertThat(evaluation).hasSize(2).allSatisfy(o -> {
			assertThat(o.period()).isEqualTo("2020-2021");
			assertThat(o.due()).isEqualTo(ObligationRules.Due.stated(LocalDate.of(2021, 7, 15)));
		});
	}

	@Test
	void aDueDateTheTextDoesNotGiveIsAssumedWithItsRuleAndAStatedOneIsNot() {
		Owed assumed = ofPlan(2024, 2024, rule(ReportKind.ANNUAL, ethnic, List.of(), labourOffice, null, null, null))
			.get(0);
		assertThat(assumed.due().on()).isEqualTo(LocalDate.of(2024, 12, 15));
		assertThat(assumed.due().assumed()).isTrue();
		assertThat(assumed.due().rule()).contains("không nêu hạn", "15/12/2024", "Nghị định 09/2019/NĐ-CP");
		List<Owed> yearly = ofPlan(2023, 2024,
				rule(ReportKind.ANNUAL, ethnic, List.of(), labourOffice, null, null, LocalDate.of(2023, 11, 20)));
		assertThat(yearly).extracting(o -> o.period() + " " + o.due().on() + " " + o.due().assumed())
			.containsExactly("2023 2023-11-20 false", "2024 2024-11-20 true");
	}

	/** Seed 001: "các Sở, Ban ngành có liên quan" reports through the bodies the plan lists, not as a group. */
	@Test
	void aGroupThePlanDoesNotResolveReportsNothingAndAListedBodyReportsAsOne() {
		assertThat(ofPlan(2024, 2024, rule(ReportKind.ANNUAL, related, List.of(), labourOffice, null, null, null)))
			.isEmpty();
		AgencyRef youth = world.agency(16, AgencyKind.YOUTH_UNION, "tổ chức Đoàn các cấp", district, null, null);
		assertThat(ofPlan(2024, 2024,
				rule(ReportKind.ANNUAL, related, List.of(ethnic, youth), labourOffice, null, null, null)))
			.extracting(o -> o.reporter().name())
			.containsExactly("Phòng Dân tộc huyện Tuần Giáo", "tổ chức Đoàn các cấp huyện Tuần Giáo");
	}

	@Test
	void aBodyNeverReportsToItself() {
		assertThat(ofPlan(2024, 2024,
				rule(ReportKind.ANNUAL, related, List.of(labourOffice, ethnic), labourOffice, null, null, null)))
			.extracting(o -> o.reporter().name()).containsExactly("Phòng Dân tộc huyện Tuần Giáo");
	}

	/** The labour department ended on 28/02/2025; the health department carries its child affairs. */
	@Test
	void aReplacedAgencyReceivesThroughTheOneCarryingItsDutiesAndAnEndedOfficeOwesNothing() {
		Owed owed = ofPlan(2024, 2024, rule(ReportKind.ANNUAL, labourOffice, List.of(), labourDepartment, null, null,
				null)).get(0);
		assertThat(owed.recipient().agencyId()).isEqualTo(20L);
		assertThat(owed.recipient().actingAgencyId()).isEqualTo(21L);
		assertThat(owed.recipient().name()).isEqualTo(
				"Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên (nay là Sở Y tế tỉnh Điện Biên)");
		assertThat(owed.recipient().officers()).isTrue();
		assertThat(ofPlan(2025, 2025, rule(ReportKind.ANNUAL, labourOffice, List.of(), labourDepartment, null, null,
				null))).as("the district's office ended on 30/06/2025").isEmpty();
	}

	/**
	 * Nghị định 45/2025/NĐ-CP: the district's labour office handed child affairs to health on 01/03/2025, and the
	 * district ended on 30/06/2025. Its reports of 2024 are read through the body carrying its duties now; the district
	 * plan's report for 2025, a period the district did not last to the end of, is owed by nobody, not by the province's
	 * health department that carries the office's duties.
	 */
	@Test
	void anOfficeWhoseDutiesPassedOnOwesNothingForAPeriodItsDistrictDidNotLastTo() {
		AgencyRef handedOver = world.agency(17, AgencyKind.SOCIAL_AFFAIRS, "Phòng Lao động - Thương binh và Xã hội",
				district, null, LocalDate.of(2025, 2, 28), health);
		List<Owed> owed = ofPlan(2024, 2025, rule(ReportKind.ANNUAL, handedOver, List.of(), labourDepartment, null, null,
				null));
		assertThat(owed).extracting(o -> o.period() + " " + o.reporter().name()).containsExactly(
				"2024 Phòng Lao động - Thương binh và Xã hội huyện Tuần Giáo (nay là Sở Y tế tỉnh Điện Biên)");
	}

	/** Before 01/07/2025 a commune reports to its district; the province to the ministry of the day. */
	@Test
	void aStandingReportGoesToTheUnitAboveInTheTreeOfThePeriod() {
		ObligationRules.StandingRule halfYear = new ObligationRules.StandingRule("COMMUNE_H1", ReportKind.HALF_YEAR,
				"Báo cáo 6 tháng đầu năm", UnitLevel.COMMUNE, "PARENT", Period.Kind.HALF_YEAR, 1, 6, 20, List.of(),
				"mặc định", false);
		List<Owed> owed = ObligationRules.standing(halfYear, 2025,
				List.of(new ObligationRules.Placed(communeA, district), new ObligationRules.Placed(communeB, district)),
				nation);
		assertThat(owed).extracting(o -> o.recipient().name()).containsOnly("Ủy ban nhân dân huyện Tuần Giáo");
		assertThat(owed.get(0).due().assumed()).isTrue();
		ObligationRules.StandingRule ministry = new ObligationRules.StandingRule("PROVINCE_H2", ReportKind.HALF_YEAR,
				"Báo cáo 6 tháng cuối năm", UnitLevel.PROVINCE, "NATION", Period.Kind.HALF_YEAR, 2, 12, 31, List.of(),
				"mặc định", true);
		assertThat(ObligationRules.standing(ministry, 2024, List.of(new ObligationRules.Placed(province, nation)), nation))
			.extracting(o -> o.recipient().name() + " " + o.due().assumed())
			.containsExactly("Bộ Lao động - Thương binh và Xã hội false");
		assertThat(ObligationRules.standing(ministry, 2025, List.of(new ObligationRules.Placed(newProvince, nation)),
				nation)).extracting(o -> o.recipient().name()).containsExactly("Bộ Y tế");
	}

	@Test
	void theSameReportStatedTwiceIsOneObligationCitingBoth() {
		ObligationRules.StandingRule councilRule = new ObligationRules.StandingRule("COMMUNE_COUNCIL", ReportKind.ANNUAL,
				"Báo cáo Hội đồng nhân dân", UnitLevel.COMMUNE, "COUNCIL", Period.Kind.YEAR, 0, 11, 30, List.of(),
				"Luật Trẻ em 2016, Điều 90 khoản 3", false);
		List<Owed> both = new ArrayList<>(ObligationRules.standing(councilRule, 2024,
				List.of(new ObligationRules.Placed(communeA, district)), nation));
		both.addAll(ofPlan(2024, 2024, rule(ReportKind.ANNUAL, communes, List.of(), council, null, null, null)));
		List<Owed> merged = ObligationRules.merged(both);
		assertThat(merged).hasSize(2);
		assertThat(merged.get(0).basis()).contains("Điều 90", "Hàng năm báo cáo");
	}

	// --- the small world ---

	private List<Owed> ofPlan(int from, Integer to, PlanDetail.ReportingRule rule) {
		PlanSummary summary = new PlanSummary(1, "tuan-giao", PlanKind.PLAN, null, "Kế hoạch", "099", "Huyện Tuần Giáo",
				null, from, to, PlanStatus.DRAFT, 0, 0, 0, 0, 0);
		PlanDetail plan = new PlanDetail(summary, committee, null, null, null, null, null, false, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(rule), 0);
		return ObligationRules.ofPlan(plan, 2026, List.of("CHILDREN"), world);
	}

	private static PlanDetail.ReportingRule rule(ReportKind kind, AgencyRef reporter, List<AgencyRef> reporters,
			AgencyRef recipient, Integer from, Integer to, LocalDate due) {
		return new PlanDetail.ReportingRule(7, kind, reporter, reporters, recipient, from, to, null, null, null, due,
				List.of(), "Hàng năm báo cáo ...");
	}

	private static final class World implements ObligationRules.Directory {

		private final Map<Long, AdministrativeUnit> units = new HashMap<>();
		private final Map<Long, Agency> agencies = new HashMap<>();

		AdministrativeUnit unit(long id, String code, UnitLevel level, String fullName, Long parentId, LocalDate from,
				LocalDate to) {
			String name = fullName.replaceFirst("^(Tỉnh|Huyện|Xã|Thị trấn) ", "");
			AdministrativeUnit unit = new AdministrativeUnit(id, code, level, name, fullName, name, parentId, null, "11",
					from, to);
			units.put(id, unit);
			return unit;
		}

		AgencyRef agency(long id, AgencyKind kind, String name, AdministrativeUnit unit, LocalDate from, LocalDate to) {
			return agency(id, kind, name, unit, from, to, null);
		}

		AgencyRef agency(long id, AgencyKind kind, String name, AdministrativeUnit unit, LocalDate from, LocalDate to,
				AgencyRef successor) {
			agencies.put(id, new Agency(id, kind, name, unit.id(), unit.code(), unit.fullName(), null, null, null, from,
					to, successor == null ? null : successor.id(), null, null, successor == null ? null : successor.id(),
					successor == null ? null : successor.name(), 0));
			return new AgencyRef(id, name, unit.code(), successor == null ? id : successor.id(),
					successor == null ? name : successor.name(), null);
		}

		@Override
		public Optional<Agency> agency(long id) {
			return Optional.ofNullable(agencies.get(id));
		}

		@Override
		public Optional<AdministrativeUnit> unit(long id) {
			return Optional.ofNullable(units.get(id));
		}

		@Override
		public List<AdministrativeUnit> childrenOf(long unitId, LocalDate on) {
			return units.values().stream().filter(u -> Long.valueOf(unitId).equals(u.parentId()) && u.isValidOn(on))
				.sorted(java.util.Comparator.comparing(AdministrativeUnit::code)).toList();
		}
	}
}
