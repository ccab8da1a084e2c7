package vn.vongtay.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese lunar calendar (UTC+7) against dates published for it. Sources, checked 2026-12-02: the government's
 * announced Tết breaks (25/01/2025 = 26 tháng Chạp, 02/02/2025 = mùng 5; 14/02/2026 = 27 tháng Chạp, 22/02/2026 = mùng
 * 6; 23/01/2020 = 29 tháng Chạp Kỷ Hợi), lunar new year tables (2024, 2027), the published list of the years when
 * Vietnam's Tết differs from China's (2007: 17/02 against 18/02; 2030: 02/02 against 03/02; 2053: 18/02 against
 * 19/02), and holiday tables for Giỗ Tổ Hùng Vương.
 */
class LunarCalendarTests {

	@ParameterizedTest(name = "Tết {0} is {1}")
	@CsvSource({ "2020, 2020-01-25", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
			"2030, 2030-02-02" })
	void tetFallsOnThePublishedDay(int year, LocalDate tet) {
		assertThat(VietnameseLunarCalendar.lunarNewYear(year)).isEqualTo(tet);
		assertThat(VietnameseLunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
	}

	@ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
	@CsvSource({ "2022, 2022-04-10", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26" })
	void hungKingsDayFallsOnThePublishedDay(int year, LocalDate day) {
		assertThat(VietnameseLunarCalendar.toSolar(new LunarDate(year, 3, 10, false))).isEqualTo(day);
	}

	@Test
	void vietnamsTimeZoneGivesTetADayBeforeChinaInTheYearsItShould() {
		// the new moon comes between 23:00 and midnight in Hà Nội, after midnight in Beijing
		assertThat(VietnameseLunarCalendar.lunarNewYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
		assertThat(VietnameseLunarCalendar.lunarNewYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
		assertThat(VietnameseLunarCalendar.lunarNewYear(2053)).isEqualTo(LocalDate.of(2053, 2, 18));
	}

	@Test
	void theDaysOfTheAnnouncedTetBreaksHaveTheirLunarNames() {
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 1, 25))).isEqualTo(new LunarDate(2024, 12, 26, false));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 2, 2))).isEqualTo(new LunarDate(2025, 1, 5, false));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2026, 2, 14))).isEqualTo(new LunarDate(2025, 12, 27, false));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2026, 2, 22))).isEqualTo(new LunarDate(2026, 1, 6, false));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2020, 1, 23))).isEqualTo(new LunarDate(2019, 12, 29, false));
	}

	@Test
	void theLunarYearsOf2025To2032EndOnThe29thOfTheTwelfthMonth() {
		// widely reported: after 30 tháng Chạp Quý Mão (09/02/2024) the next 30 Tết is in 2033
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarDate(2023, 12, 30, false));
		for (int year = 2025; year <= 2032; year++) {
			LocalDate eve = VietnameseLunarCalendar.lunarNewYear(year).minusDays(1);
			assertThat(VietnameseLunarCalendar.toLunar(eve).day()).as("last day of lunar %d", year - 1).isEqualTo(29);
		}
	}

	@Test
	void aLeapMonthRepeatsTheMonthBeforeIt() {
		// Ất Tỵ 2025 has a leap sixth month; month 3 began on 29/03/2025 and month 11 on 20/12/2025
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 3, 29))).isEqualTo(new LunarDate(2025, 3, 1, false));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 8, 19))).isEqualTo(new LunarDate(2025, 6, 26, true));
		assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 12, 20))).isEqualTo(new LunarDate(2025, 11, 1, false));
		assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(new LunarDate(2026, 6, 1, true)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyDayConvertsToTheLunarCalendarAndBack() {
		for (LocalDate day = LocalDate.of(1968, 1, 1); day.getYear() < 2200; day = day.plusDays(1)) {
			LunarDate lunar = VietnameseLunarCalendar.toLunar(day);
			if (!VietnameseLunarCalendar.toSolar(lunar).equals(day)) {
				throw new AssertionError(day + " became " + lunar);
			}
		}
	}
}
