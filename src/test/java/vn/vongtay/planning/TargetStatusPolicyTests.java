package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.vongtay.planning.internal.TargetStatusPolicy;

/** How a target stands given what was achieved and when, for each direction. */
class TargetStatusPolicyTests {

	@Test
	void aTargetReachedIsOnTrackWhateverTheDate() {
		assertThat(assess(Direction.AT_LEAST, null, null, values(2025, "80"), "81", "2023-06-30"))
			.isEqualTo(TargetStatus.ON_TRACK);
		assertThat(assess(Direction.AT_MOST, null, null, values(2025, "2.5"), "2.4", "2023-06-30"))
			.isEqualTo(TargetStatus.ON_TRACK);
	}

	@Test
	void aValueAboveTheLineFromTheBaselineIsOnTrackBelowItAtRiskThenOffTrack() {
		// baseline 50 at the end of 2021, 90 by the end of 2025: halfway (end of 2023) the line is at about 70
		SortedMap<Integer, BigDecimal> target = values(2025, "90");
		assertThat(assess(Direction.AT_LEAST, "50", 2021, target, "71", "2023-12-31")).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(assess(Direction.AT_LEAST, "50", 2021, target, "67", "2023-12-31")).isEqualTo(TargetStatus.AT_RISK);
		assertThat(assess(Direction.AT_LEAST, "50", 2021, target, "60", "2023-12-31")).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	void aReductionTargetFollowsTheLineDownwards() {
		SortedMap<Integer, BigDecimal> target = values(2025, "2");
		assertThat(assess(Direction.AT_MOST, "6", 2021, target, "3.9", "2023-12-31")).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(assess(Direction.AT_MOST, "6", 2021, target, "4.3", "2023-12-31")).isEqualTo(TargetStatus.AT_RISK);
		assertThat(assess(Direction.AT_MOST, "6", 2021, target, "5.5", "2023-12-31")).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	void aReductionTargetWithoutABaselineNotYetMetIsAtRiskUntilItsYearEnds() {
		SortedMap<Integer, BigDecimal> target = values(2025, "2.5");
		assertThat(assess(Direction.AT_MOST, null, null, target, "3", "2024-06-30")).isEqualTo(TargetStatus.AT_RISK);
		assertThat(assess(Direction.AT_MOST, null, null, target, "3", "2025-12-31")).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	void aTargetKeptAtAValueIsOnTrackOnlyAtThatValue() {
		SortedMap<Integer, BigDecimal> target = values(2025, "0");
		assertThat(assess(Direction.KEEP_AT, null, null, target, "0", "2024-12-31")).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(assess(Direction.KEEP_AT, null, null, target, "0.4", "2024-12-31")).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	void theNearestTargetYearAtOrAfterTheDateApplies() {
		// Bình Long target 14: 99% in 2025, 100% in 2030
		SortedMap<Integer, BigDecimal> target = values(2025, "99");
		target.put(2030, new BigDecimal("100"));
		assertThat(assess(Direction.AT_LEAST, null, null, target, "99.2", "2025-12-31")).isEqualTo(TargetStatus.ON_TRACK);
		assertThat(assess(Direction.AT_LEAST, "99.2", 2025, target, "99.55", "2028-06-30")).isEqualTo(TargetStatus.AT_RISK);
		assertThat(assess(Direction.AT_LEAST, null, null, target, "99.5", "2031-03-31")).isEqualTo(TargetStatus.OFF_TRACK);
	}

	@Test
	void nothingAchievedYetIsNoData() {
		assertThat(TargetStatusPolicy.assess(Direction.AT_LEAST, null, null, 2022, values(2025, "80"), null,
				LocalDate.of(2024, 1, 1))).isEqualTo(TargetStatus.NO_DATA);
	}

	private static TargetStatus assess(Direction direction, String baseline, Integer baselineYear,
			SortedMap<Integer, BigDecimal> values, String achieved, String asOf) {
		return TargetStatusPolicy.assess(direction, baseline == null ? null : new BigDecimal(baseline), baselineYear,
				2022, values, new BigDecimal(achieved), LocalDate.parse(asOf));
	}

	private static SortedMap<Integer, BigDecimal> values(int year, String value) {
		SortedMap<Integer, BigDecimal> values = new TreeMap<>();
		values.put(year, new BigDecimal(value));
		return values;
	}
}
