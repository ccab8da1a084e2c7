package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;
import vn.vongtay.planning.PlanDetail.Target;

/**
 * A target bound to a statistical indicator ({@code indicator:}) shows the indicator's value: one target, one value
 * (issue 18, section 4: plan pages showed every target as "no data" while the bound indicator had a value, and Thọ
 * Xuân target 5.1-a read 8,67 % (13/150) on the indicator and 10,0 % (13/130) on the outreach figures). Seed 004, Thọ
 * Xuân 2024, section II.5, target 5.1-a: at least 20% of officials trained.
 */
@IntegrationTest
@Transactional
class PlanTargetValueTests extends DemoAccountTestSupport {

	@Autowired
	Plans plans;

	@Autowired
	IndicatorValues indicators;

	@Autowired
	Clock clock;

	@Test
	void thoXuanTarget51aShowsTheValueOfItsIndicatorOnThePlan() throws Exception {
		long planId = plan("tho-xuan-2024");
		Target target = target(as("ldtbxh.thoxuan", () -> plans.get(planId)), "5.1-a");
		long district = units.byCode("395", LocalDate.of(2024, 12, 31)).id();
		IndicatorValue indicator = as("ldtbxh.thoxuan",
				() -> indicators.valuesOf(district, IndicatorPeriod.year(2024), List.of("OFFICIALS_TRAINED_PCMD_RATE")))
			.get("OFFICIALS_TRAINED_PCMD_RATE");

		assertThat(target.latest()).isNotNull();
		assertThat(target.latest().value()).isEqualByComparingTo(indicator.value()).isEqualByComparingTo("8.67");
		assertThat(target.latest().numerator()).isEqualByComparingTo("13");
		assertThat(target.latest().denominator()).isEqualByComparingTo("150");
		assertThat(target.latest().indicatorCode()).isEqualTo("OFFICIALS_TRAINED_PCMD_RATE");
		assertThat(target.latest().asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
		// at least 20% by the end of 2024, and 2024 is over
		assertThat(target.status()).isEqualTo(TargetStatus.OFF_TRACK);
		assertThat(pageBody("ldtbxh.thoxuan", "/plans/" + planId)).contains("8,67", "13/150");
	}

	@Test
	void noTargetOfThoXuanWithAnIndicatorValueShowsNoData() {
		PlanDetail thoXuan = as("admin", () -> plans.get(plan("tho-xuan-2024")));
		// 1.1-a: communes with an awareness activity, 20 of 30 in 2024 against at least 80%
		Target communes = target(thoXuan, "1.1-a");
		assertThat(communes.latest().value()).isEqualByComparingTo(new BigDecimal("66.67"));
		assertThat(communes.status()).isEqualTo(TargetStatus.OFF_TRACK);
		assertThat(targets(thoXuan).filter(t -> t.latest() != null && t.latest().value() != null))
			.allSatisfy(t -> assertThat(t.status()).as(t.code()).isNotEqualTo(TargetStatus.NO_DATA));
	}

	@Test
	void theValueOfATargetBoundToAnIndicatorIsNotEnteredByHand() {
		long target = jdbc.sql("""
				SELECT t.id FROM planning.target t JOIN planning.plan p ON p.id = t.plan_id
				WHERE p.key = 'tho-xuan-2024' AND t.code = '5.1-a'""").query(Long.class).single();
		assertThatThrownBy(() -> as("admin", () -> {
			plans.recordAchievement(target, LocalDate.now(clock), new BigDecimal("10"), null, "13/130");
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
			.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("error.plan.target-from-indicator")));
	}

	/**
	 * Bình Long 2022, section A.I: the figures the plan starts from are shown with the year they describe, written as
	 * a year ("cuối năm 2021", never "2.021").
	 */
	@Test
	void binhLongsPlanPageShowsTheFiguresItStartsFromWithTheirYear() throws Exception {
		String page = pageBody("admin", "/plans/" + plan("binh-long-2022"));
		assertThat(page).contains("15.988", "cuối năm 2021").doesNotContain("2.021");
	}

	/** Thọ Xuân 2024, II.3, target 3.1-b: "tăng 5-8% ... so với năm 2023", the base year written as a year. */
	@Test
	void thoXuansPlanPageShowsTheBaseYearOfATargetAsAYear() throws Exception {
		String page = pageBody("admin", "/plans/" + plan("tho-xuan-2024"));
		assertThat(page).contains("so với năm 2023").doesNotContain("năm 2.023");
	}

	private long plan(String key) {
		return jdbc.sql("SELECT id FROM planning.plan WHERE key = :key").param("key", key).query(Long.class).single();
	}

	private static Stream<Target> targets(PlanDetail plan) {
		return plan.objectives().stream().flatMap(o -> o.targets().stream())
			.flatMap(t -> Stream.concat(Stream.of(t), t.parts().stream()));
	}

	private static Target target(PlanDetail plan, String code) {
		return targets(plan).filter(t -> t.code().equals(code)).findFirst().orElseThrow();
	}
}
