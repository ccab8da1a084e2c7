package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import vn.vongtay.IntegrationTest;
import vn.vongtay.planning.PlanDetail.Target;
import vn.vongtay.planning.PlanDetail.Task;

/** The five seed plans of shared/seeds are loaded in full, as the documents wrote them. */
@IntegrationTest
@WithUserDetails("admin")
class SeedPlanTests {

	@Autowired
	Plans plans;

	@Test
	void theFiveSeedPlansAreLoadedWithTheirIssuingUnitsBeforeTheReform() {
		List<PlanSummary> all = plans.list(null, null, 0, 50);
		assertThat(all).extracting(PlanSummary::key)
			.contains("hong-ngu-2021", "cao-bang-2022", "binh-long-2022", "tuan-giao-2020", "tho-xuan-2024");
		Map<String, String> issuers = Map.of("hong-ngu-2021", "870", "cao-bang-2022", "04", "binh-long-2022", "690",
				"tuan-giao-2020", "099", "tho-xuan-2024", "395");
		issuers.forEach((key, unit) -> assertThat(plan(key).summary().issuerUnitCode()).as(key).isEqualTo(unit));
		PlanDetail caoBang = plan("cao-bang-2022");
		assertThat(caoBang.summary().number()).isEqualTo("715/KH-UBND");
		assertThat(caoBang.summary().issuedOn()).isEqualTo(LocalDate.of(2022, 3, 29));
		assertThat(caoBang.hasOriginalText()).isTrue();
		assertThat(plans.originalText(caoBang.summary().id())).contains("715/KH-UBND");
	}

	@Test
	void binhLongHasItsTwentyFourTargetsWithTheir2025And2030Values() {
		PlanDetail binhLong = plan("binh-long-2022");
		List<Target> targets = topLevelTargets(binhLong);
		assertThat(targets).hasSize(24);
		assertThat(binhLong.summary().targetCount()).isEqualTo(24);
		// the source gives target 6 (HIV transmission) for 2030 only and target 19 (school counselling) for 2025 only
		assertThat(targets).filteredOn(t -> t.values().containsKey(2025) && t.values().containsKey(2030)).hasSize(22);
		assertThat(target(binhLong, "6").values()).containsOnlyKeys(2030);
		assertThat(target(binhLong, "19").values()).containsOnlyKeys(2025);
		// "Chỉ tiêu 9": abused children below 2.5% in 2025 and below 2% in 2030
		Target nine = target(binhLong, "9");
		assertThat(nine.direction()).isEqualTo(Direction.AT_MOST);
		assertThat(nine.unit()).isEqualTo(Measure.PERCENT);
		assertThat(nine.values().get(2025)).isEqualByComparingTo(new BigDecimal("2.5"));
		assertThat(nine.values().get(2030)).isEqualByComparingTo(new BigDecimal("2"));
		// target 14: birth registration of under-fives 99% in 2025, 100% in 2030
		Target fourteen = target(binhLong, "14");
		assertThat(fourteen.values().get(2025)).isEqualByComparingTo("99");
		assertThat(fourteen.values().get(2030)).isEqualByComparingTo("100");
		// target 13: no child marriage, every year 2022-2030
		assertThat(target(binhLong, "13").values()).hasSize(9).containsKeys(2022, 2030);
		assertThat(binhLong.tasks()).hasSize(58);
		assertThat(binhLong.submissionNumber()).isEqualTo("87/TTr-UBND");
	}

	@Test
	void thoXuanTasksCarryTheirLeadAndPartnerAgenciesAndTimeframes() {
		PlanDetail thoXuan = plan("tho-xuan-2024");
		assertThat(thoXuan.tasks()).hasSize(19);
		// every task of the activity groups (section II) has a lead; IV.2 only asks everyone to take part
		assertThat(thoXuan.tasks()).filteredOn(t -> t.number().startsWith("II."))
			.hasSize(15)
			.allSatisfy(t -> assertThat(t.leadAgency()).as(t.number()).isNotNull());
		assertThat(thoXuan.tasks()).allSatisfy(t -> assertThat(t.timeframe().kind()).as(t.number()).isNotNull());
		// "Phòng Lao động - Thương binh và Xã hội" of the plan is the directory's office of the district
		assertThat(thoXuan.tasks().get(0).leadAgency().name())
			.isEqualTo("Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân");
		assertThat(thoXuan.tasks()).anySatisfy(t -> assertThat(t.partnerAgencies()).isNotEmpty());
		assertThat(thoXuan.tasks()).extracting(t -> t.timeframe().text()).contains("Thường xuyên trong năm");
		Task quarterTwo = thoXuan.tasks().stream().filter(t -> t.timeframe().kind() == TimeframeKind.QUARTER)
			.findFirst().orElseThrow();
		assertThat(quarterTwo.timeframe().dueOn()).isEqualTo(
				LocalDate.of(quarterTwo.timeframe().year(), 3 * quarterTwo.timeframe().quarter(), 1)
					.withDayOfMonth(LocalDate.of(quarterTwo.timeframe().year(), 3 * quarterTwo.timeframe().quarter(), 1)
						.lengthOfMonth()));
		assertThat(topLevelTargets(thoXuan)).hasSize(10);
		assertThat(target(thoXuan, "3.1-b.2").values().get(2024)).isEqualByComparingTo("25");
		assertThat(target(thoXuan, "1.1-b").unit()).isEqualTo(Measure.QUALITATIVE);
		assertThat(thoXuan.reporting()).extracting(PlanDetail.ReportingRule::dueOn)
			.contains(LocalDate.of(2024, 6, 10), LocalDate.of(2024, 12, 10));
	}

	/** Seed 004, IV.1: "Trưởng các phòng, ngành: Văn hóa - Thông tin, Y tế, Giáo dục và Đào tạo; Công an huyện; UBND các xã". */
	@Test
	void thoXuanNamesTheFourDistrictOfficesAndTheCommunesThatReportToTheLabourOffice() {
		PlanDetail.ReportingRule halfYear = plan("tho-xuan-2024").reporting().get(0);
		assertThat(halfYear.reporter().name()).startsWith("Trưởng các phòng, ngành");
		assertThat(halfYear.reporters()).extracting(AgencyRef::name).hasSize(5)
			.anySatisfy(name -> assertThat(name).startsWith("Phòng Văn hoá - Thông tin"))
			.anySatisfy(name -> assertThat(name).startsWith("Phòng Y tế"))
			.anySatisfy(name -> assertThat(name).startsWithIgnoringCase("Phòng Giáo dục và Đào tạo"))
			.anySatisfy(name -> assertThat(name).startsWith("Công an huyện"))
			.anySatisfy(name -> assertThat(name).isEqualTo("UBND các xã, thị trấn"));
	}

	@Test
	void caoBangCarriesItsReportingDeadlines() {
		PlanDetail caoBang = plan("cao-bang-2022");
		assertThat(caoBang.reporting()).extracting(PlanDetail.ReportingRule::kind, PlanDetail.ReportingRule::dueOn)
			.contains(org.assertj.core.groups.Tuple.tuple(ReportKind.HALF_YEAR, LocalDate.of(2022, 5, 25)),
					org.assertj.core.groups.Tuple.tuple(ReportKind.ANNUAL, LocalDate.of(2022, 11, 20)),
					org.assertj.core.groups.Tuple.tuple(ReportKind.SUMMARY, LocalDate.of(2022, 11, 30)));
		assertThat(caoBang.reporting().get(0).annexes()).hasSize(4);
		assertThat(caoBang.tasks()).hasSize(42);
		assertThat(plan("tuan-giao-2020").reporting()).extracting(PlanDetail.ReportingRule::dueOn)
			.contains(LocalDate.of(2021, 7, 15));
	}

	/** Thọ Xuân 2024, II.3, target 3.1-b: "tăng 5-8% số tội phạm ... so với năm 2023" is a range over a base year. */
	@Test
	void thoXuanTarget31bKeepsItsRangeAndItsBaseYear() {
		PlanDetail thoXuan = plan("tho-xuan-2024");
		for (String code : List.of("3.1-b", "3.1-b.1")) {
			Target target = target(thoXuan, code);
			assertThat(target.values().get(2024)).as(code).isEqualByComparingTo("5");
			assertThat(target.upTo().get(2024)).as(code).isEqualByComparingTo("8");
			assertThat(target.baseYear()).as(code).isEqualTo(2023);
		}
		// the other part is a plain "at least 25%", without a range or base year
		assertThat(target(thoXuan, "3.1-b.2").upTo()).isEmpty();
		assertThat(target(thoXuan, "3.1-b.2").baseYear()).isNull();
	}

	/**
	 * Bình Long, section A.I (results 2016-2021): the situation the plan starts from; section D.2: the monthly support
	 * of the hamlets' child-protection collaborators.
	 */
	@Test
	void binhLongStatesTheFiguresItStartsFromAndTheCollaboratorsAllowance() {
		PlanDetail binhLong = plan("binh-long-2022");
		assertThat(binhLong.figures()).extracting(f -> f.indicatorCode() + "=" + f.value().stripTrailingZeros().toPlainString())
			.contains("CHILDREN_UNDER_16=15988", "CHILDREN_SPECIAL=118", "CHILDREN_SPECIAL_RATE=0.73",
					"CHILD_FRIENDLY_COMMUNES=5", "INFANT_MORTALITY=0", "UNDER5_MORTALITY=0");
		assertThat(binhLong.figures()).filteredOn(f -> f.statement().contains("suy dinh dưỡng")).singleElement()
			.satisfies(f -> {
				assertThat(f.value()).isEqualByComparingTo("7.24");
				assertThat(f.unit()).isEqualTo(Measure.PERCENT);
				assertThat(f.toYear()).isEqualTo(2021);
			});
		assertThat(binhLong.figures()).filteredOn(f -> f.statement().startsWith("Trường học")).singleElement()
			.satisfies(f -> assertThat(f.value()).isEqualByComparingTo("27"));
		assertThat(binhLong.figures()).allSatisfy(f -> assertThat(f.statement()).isNotBlank());
		assertThat(binhLong.allowances()).singleElement().satisfies(a -> {
			assertThat(a.recipient()).startsWith("Cộng tác viên bảo vệ, chăm sóc trẻ em ở ấp, khu phố");
			assertThat(a.coefficient()).isEqualByComparingTo("0.125");
			assertThat(a.basis()).isEqualTo(AllowanceBasis.BASE_SALARY);
			assertThat(a.period()).isEqualTo(AllowancePeriod.MONTH);
		});
	}

	private PlanDetail plan(String key) {
		return plans.get(plans.list(null, null, 0, 50).stream().filter(p -> p.key().equals(key)).findFirst()
			.orElseThrow().id());
	}

	private static List<Target> topLevelTargets(PlanDetail plan) {
		return plan.objectives().stream().flatMap(o -> o.targets().stream()).toList();
	}

	private static Target target(PlanDetail plan, String code) {
		return topLevelTargets(plan).stream().flatMap(t -> Stream.concat(Stream.of(t), t.parts().stream()))
			.filter(t -> t.code().equals(code)).findFirst().orElseThrow();
	}
}
