package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.Await;
import vn.vongtay.IntegrationTest;
import vn.vongtay.children.Child;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.Children;
import vn.vongtay.children.RegisterGenerator;
import vn.vongtay.children.Sex;
import vn.vongtay.children.SupportKind;
import vn.vongtay.children.SupportSource;
import vn.vongtay.core.Period;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.indicators.Indicator.Method;
import vn.vongtay.indicators.internal.ChildRecords;

/**
 * The register's figures on generated data: children generated in the former communes of Tuần Giáo (2025-06-30) and
 * moved by the lineage follower to the communes that continue them, then changed through the register's own API, so
 * that the tallies follow them by events. Every figure must equal the plain query over the register.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterRollUpTests extends IndicatorTestSupport {

	static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	@Autowired
	RegisterGenerator generator;

	@Autowired
	Children children;

	LocalDate today;
	long nation;
	long province;
	long commune;
	long formerDistrict;
	long formerCommune;

	@BeforeAll
	void generatedChildrenOfFormerCommunesFollowTheLineageAndChange() {
		today = LocalDate.now();
		nation = units.nation().id();
		province = unitId("11", today);
		commune = unitId("03253", today);
		AdministrativeUnit quaiNua = units.byCode("03274", BEFORE_REFORM);
		formerCommune = quaiNua.id();
		formerDistrict = quaiNua.parentId();
		List<Long> formerCommunes = jdbc.sql("SELECT id FROM geography.unit WHERE parent_id = :d ORDER BY code")
			.param("d", formerDistrict).query(Long.class).list();
		generator.generate(new RegisterGenerator.Request(61, 40, BEFORE_REFORM), formerCommunes);
		as("admin", () -> recount.run());
		jurisdictions.runAsSystem("test-lineage", children::followLineage);
		as("xa.a", () -> {
			long born = children.register(draft("Lò Văn Chỉ Tiêu", Sex.MALE, LocalDate.of(2019, 3, 4), null));
			children.startCircumstance(born, "d", null, false, LocalDate.of(2024, 2, 1), "Biên bản");
			children.recordSupport(born, SupportKind.GIFT, 300_000L, today.minusDays(3), SupportSource.DONOR, null);
			long ended = children.register(draft("Quàng Thị Kết Thúc", Sex.FEMALE, LocalDate.of(2014, 8, 9), true));
			long circumstance = children.startCircumstance(ended, "h", null, false, LocalDate.of(2023, 5, 5), null);
			children.endCircumstance(ended, circumstance, LocalDate.of(2024, 9, 30));
			long moving = children.register(draft("Lường Văn Chuyển Đi", Sex.MALE, LocalDate.of(2012, 1, 20), false));
			Child c = children.get(moving);
			children.move(moving, c.version(), "03295", today.minusDays(1));
			Child corrected = children.get(born);
			children.update(born, corrected.version(), draft("Lò Văn Chỉ Tiêu", Sex.MALE, LocalDate.of(2018, 3, 4), null));
			return null;
		});
		awaitListeners();
	}

	private static ChildDraft draft(String name, Sex sex, LocalDate born, Boolean birthRegistered) {
		return new ChildDraft(name, sex, born, false, "03", null, birthRegistered, "03253", "Bản Chỉ Tiêu", null, null,
				null, false, null, null, null, null, "Lò Thị Mẹ", "Mẹ", null);
	}

	/** The computed indicators of the register, and the ratios of them. */
	private List<Indicator> registerIndicators() {
		return catalogue.all().stream().filter(i -> fromRegister(i)).toList();
	}

	private boolean fromRegister(Indicator i) {
		if (i.method() == Method.COMPUTED) {
			return measures.find(i.measure()).map(m -> ChildRecords.SOURCE.equals(m.source())).orElse(false);
		}
		return i.method() == Method.RATIO && fromRegister(catalogue.get(i.numerator()))
				&& fromRegister(catalogue.get(i.denominator()));
	}

	@Test
	void everyFigureOfTheRegisterForTheNationAProvinceAndACommuneEqualsThePlainQuery() {
		List<Indicator> indicators = registerIndicators();
		assertThat(indicators).extracting(Indicator::code).contains("CHILDREN_UNDER_16", "CHILDREN_SPECIAL_RATE",
				"CHILDREN_SPECIAL_ASSISTED_RATE", "BIRTH_REGISTRATION_RATE_U5", "SUPPORT_SPENDING");
		IndicatorPeriod year = IndicatorPeriod.year(today.getYear());
		List<IndicatorPeriod> periods = List.of(year, IndicatorPeriod.year(2024), IndicatorPeriod.parse("2025-H1"),
				IndicatorPeriod.of(Period.quarter(today.getYear(), (today.getMonthValue() + 2) / 3)),
				IndicatorPeriod.parse("2024-09"));
		for (Indicator indicator : indicators) {
			for (long unit : List.of(nation, province, commune)) {
				for (IndicatorPeriod period : periods) {
					boolean breakdowns = period.equals(year) || period.code().equals("2024");
					assertEqualsPlain(indicator, unit, period, breakdowns);
				}
			}
			for (long former : List.of(formerDistrict, formerCommune)) {
				assertEqualsPlain(indicator, former, IndicatorPeriod.year(2024), true);
			}
		}
	}

	@Test
	void aFormerYearsFigureOfACurrentCommuneIsTheSumOverTheCommunesItTookOver() {
		IndicatorPeriod y2024 = IndicatorPeriod.year(2024);
		BigDecimal sum = BigDecimal.ZERO;
		for (String code : List.of("03253", "03274", "03289")) {
			sum = sum.add(value("CHILDREN_UNDER_16", unitId(code, BEFORE_REFORM), y2024).value());
		}
		assertThat(sum.signum()).isPositive();
		// the demo generator also places children in the new commune from their birth, before the commune existed:
		// they count too, as records of the new commune itself
		long ownRecords = plain().of("CHILDREN", commune, y2024, LocalDate.of(2024, 12, 31), "").getOrDefault("", 0L)
				- plainOf(List.of("03253", "03274", "03289"), y2024);
		assertThat(value("CHILDREN_UNDER_16", commune, y2024).value()).isEqualByComparingTo(sum.add(BigDecimal.valueOf(ownRecords)));
		long onlyNew = jdbc.sql("""
				WITH ranked AS (SELECT r.*, row_number() OVER (PARTITION BY r.child_id ORDER BY r.from_date, r.id) AS n
				                FROM children.residence r)
				SELECT count(DISTINCT r.child_id) FROM ranked r JOIN children.child c ON c.id = r.child_id
				WHERE r.unit_id = :u AND (r.n = 1 OR r.from_date <= DATE '2024-12-31')
				  AND (r.to_date IS NULL OR r.to_date >= DATE '2024-12-31')
				  AND c.birth_date <= DATE '2024-12-31' AND c.birth_date > DATE '2008-12-31'""")
			.param("u", commune).query(Long.class).single();
		assertThat(ownRecords).isEqualTo(onlyNew);
		// and through the API, naming the commune of today for the 2024 figure
		IndicatorValue viaCode = as("admin", () -> values.value("CHILDREN_UNDER_16", "03253", "2024", today));
		assertThat(viaCode.unitId()).isEqualTo(commune);
		assertThat(viaCode.value()).isEqualByComparingTo(value("CHILDREN_UNDER_16", commune, y2024).value());
		IndicatorValue formerTown = as("admin", () -> values.value("CHILDREN_UNDER_16", "03253", "2024", null));
		assertThat(formerTown.unitId()).isEqualTo(unitId("03253", BEFORE_REFORM));
	}

	private long plainOf(List<String> formerCodes, IndicatorPeriod period) {
		long sum = 0;
		for (String code : formerCodes) {
			sum += plain().of("CHILDREN", unitId(code, BEFORE_REFORM), period, period.end(), "").getOrDefault("", 0L);
		}
		return sum;
	}

	@Test
	void aChildOfACommuneSplitInPartsCountsInTheFormerUnitsTheProvinceAndTheNationButInNoNewCommune() {
		AdministrativeUnit split = units.byCode("15598", BEFORE_REFORM);
		IndicatorPeriod now = IndicatorPeriod.year(today.getYear());
		long inSplit = value("CHILDREN_UNDER_16", split.id(), now).value().longValue();
		assertThat(inSplit).as("the demo keeps children in Xã Trường Xuân").isPositive();
		long formerDistrictValue = value("CHILDREN_UNDER_16", split.parentId(), now).value().longValue();
		assertThat(formerDistrictValue).isEqualTo(inSplit);
		long oldProvince = units.findById(split.parentId()).orElseThrow().parentId();
		assertThat(value("CHILDREN_UNDER_16", oldProvince, now).value().longValue()).isEqualTo(inSplit);
		long newProvince = unitId("38", today);
		long inNewProvince = value("CHILDREN_UNDER_16", newProvince, now).value().longValue();
		long inNewCommunes = jdbc.sql("""
				SELECT id FROM geography.unit WHERE level = 'COMMUNE' AND valid_to IS NULL AND province_code = '38'""")
			.query(Long.class).list().stream()
			.mapToLong(id -> value("CHILDREN_UNDER_16", id, now).value().longValue()).sum();
		assertThat(inNewProvince).isEqualTo(inNewCommunes + inSplit);
		for (String successor : List.of("15499", "15592")) {
			long id = unitId(successor, today);
			long withSplit = jdbc.sql("SELECT count(*) FROM geography.unit_reach WHERE root_id = :r AND unit_id = :u")
				.param("r", id).param("u", split.id()).query(Long.class).single();
			assertThat(withSplit).as("a new commune does not reach the split one").isZero();
		}
		assertThat(value("CHILDREN_UNDER_16", nation, now).value().longValue())
			.isEqualTo(jdbc.sql("""
					SELECT count(*) FROM children.child c WHERE c.birth_date <= :d
					  AND c.birth_date > CAST(:d AS date) - interval '16 years'""")
				.param("d", value("CHILDREN_UNDER_16", nation, now).asOf()).query(Long.class).single());
	}

	@Test
	void aRecountGivesTheSameTalliesAsTheEvents() {
		awaitListeners();
		List<String> byEvents = tallyRows();
		as("admin", () -> recount.run());
		assertThat(tallyRows()).isEqualTo(byEvents);
	}

	@Test
	void eachChangeOfTheRegisterMovesTheProvinceFigureOnTheNextRequest() {
		IndicatorPeriod now = IndicatorPeriod.year(today.getYear());
		long before = value("CHILDREN_UNDER_16", province, now).value().longValue();
		long child = as("xa.a", () -> children.register(draft("Tòng Văn Mới Đến", Sex.MALE, LocalDate.of(2020, 1, 1), true)));
		awaitValue("CHILDREN_UNDER_16", province, now, before + 1);

		long special = value("CHILDREN_SPECIAL", province, now).value().longValue();
		long circumstance = as("xa.a", () -> children.startCircumstance(child, "a", null, false, today.minusDays(10), null));
		awaitValue("CHILDREN_SPECIAL", province, now, special + 1);

		long supports = value("SUPPORTS_GIVEN", province, now).value().longValue();
		as("xa.a", () -> children.recordSupport(child, SupportKind.MONTHLY_ALLOWANCE, 540_000L, today,
				SupportSource.STATE_BUDGET, null));
		awaitValue("SUPPORTS_GIVEN", province, now, supports + 1);

		as("xa.a", () -> {
			children.endCircumstance(child, circumstance, today);
			return null;
		});
		IndicatorPeriod nextMonth = IndicatorPeriod.of(new Period(Period.Kind.MONTH, today.plusMonths(1).getYear(),
				today.plusMonths(1).getMonthValue()));
		awaitValue("CHILDREN_SPECIAL", province, nextMonth, special);

		long inQuaiTo = value("CHILDREN_UNDER_16", unitId("03295", today), now).value().longValue();
		as("xa.a", () -> {
			children.move(child, children.get(child).version(), "03295", today);
			return null;
		});
		awaitValue("CHILDREN_UNDER_16", unitId("03295", today), now, inQuaiTo + 1);
		assertThat(value("CHILDREN_UNDER_16", province, now).value().longValue()).isEqualTo(before + 1);
	}

	/** Polls (at most 10 s) until the figure is the one expected: the listener runs after the commit, on its own. */
	private void awaitValue(String code, long unit, IndicatorPeriod period, long expected) {
		Await.until(() -> {
			BigDecimal v = value(code, unit, period).value();
			return v != null && v.longValue() == expected;
		}, Duration.ofSeconds(10));
	}
}
