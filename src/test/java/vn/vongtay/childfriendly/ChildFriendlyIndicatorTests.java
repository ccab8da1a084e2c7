package vn.vongtay.childfriendly;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.Await;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.childfriendly.Assessments.ItemEntry;
import vn.vongtay.identity.Role;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recognition decided counts in {@code CHILD_FRIENDLY_COMMUNES} (the Bình Long plan's target 1) for the year
 * assessed, in the commune assessed: a former commune for the years before the 2025 reform. Committed, so that the
 * indicators' listener sees the decision; the commune and year are used by no other test.
 */
@IntegrationTest
class ChildFriendlyIndicatorTests extends DemoAccountTestSupport {

	private static final int YEAR = 2023;

	/** Xã Quài Cang, merged into Xã Tuần Giáo on 01/07/2025. */
	private static final String FORMER_COMMUNE = "03289";

	@Autowired
	Assessments assessments;

	@Autowired
	IndicatorValues values;

	private BigDecimal recognised(String unitCode) {
		long unitId = units.byCode(unitCode, LocalDate.of(YEAR, 12, 31)).id();
		IndicatorValue v = as(adHoc("officer.of.the.nation", Role.PROVINCE_OFFICER, "VN"),
				() -> values.value("CHILD_FRIENDLY_COMMUNES", unitId, IndicatorPeriod.year(YEAR)));
		return v.value() == null ? BigDecimal.ZERO : v.value();
	}

	@Test
	void aCommuneRecognisedForAYearCountsInThatYearInItsCommuneAndProvince() {
		BigDecimal provinceBefore = recognised("11");
		assertThat(recognised(FORMER_COMMUNE)).isZero();

		long id = as("xa.a", () -> assessments.start(FORMER_COMMUNE, YEAR, CommuneCategory.MOUNTAIN_ISLAND_DISADVANTAGED));
		Assessment draft = as("xa.a", () -> assessments.get(id));
		List<ItemEntry> full = draft.criteria().stream().flatMap(c -> c.items().stream())
			.map(i -> new ItemEntry(i.itemId(), i.maxPoints(), null)).toList();
		as("xa.a", () -> {
			assessments.score(id, draft.version(), null, full);
			assessments.submit(id, draft.version() + 1);
			return null;
		});
		as("tinh.dienbien", () -> {
			assessments.review(id, draft.version() + 2, List.of(), null, false);
			assessments.decide(id, draft.version() + 3, true, "89/QĐ-UBND", LocalDate.of(YEAR + 1, 1, 20),
					"Chủ tịch UBND huyện Tuần Giáo", null);
			return null;
		});
		Await.eventsDelivered(jdbc, Duration.ofMinutes(1));

		assertThat(recognised(FORMER_COMMUNE)).isEqualByComparingTo("1");
		assertThat(recognised("11")).isEqualByComparingTo(provinceBefore.add(BigDecimal.ONE));
	}
}
