package vn.vongtay.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.vongtay.calendar.CalendarDay.Kind;

/** The days off the Labour Code gives by default, before any administrator's change. */
class DefaultHolidaysTests {

	@Test
	void theDefaultsOf2026AreTheHolidaysOfTheLabourCodeWithMondayInLieuOfGioTo() {
		assertThat(DefaultHolidays.of(2026)).extracting(CalendarDay::date, CalendarDay::kind, CalendarDay::name)
			.containsExactly(
					tuple(LocalDate.of(2026, 1, 1), Kind.PUBLIC_HOLIDAY, "Tết Dương lịch"),
					tuple(LocalDate.of(2026, 2, 16), Kind.PUBLIC_HOLIDAY, "Tết Âm lịch (29 tháng Chạp)"),
					tuple(LocalDate.of(2026, 2, 17), Kind.PUBLIC_HOLIDAY, "Tết Âm lịch (mùng 1 tháng Giêng)"),
					tuple(LocalDate.of(2026, 2, 18), Kind.PUBLIC_HOLIDAY, "Tết Âm lịch (mùng 2 tháng Giêng)"),
					tuple(LocalDate.of(2026, 2, 19), Kind.PUBLIC_HOLIDAY, "Tết Âm lịch (mùng 3 tháng Giêng)"),
					tuple(LocalDate.of(2026, 2, 20), Kind.PUBLIC_HOLIDAY, "Tết Âm lịch (mùng 4 tháng Giêng)"),
					tuple(LocalDate.of(2026, 4, 26), Kind.PUBLIC_HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
					tuple(LocalDate.of(2026, 4, 27), Kind.COMPENSATORY_DAY_OFF,
							"Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch), ngày 26/04"),
					tuple(LocalDate.of(2026, 4, 30), Kind.PUBLIC_HOLIDAY, "Ngày Chiến thắng (30/4)"),
					tuple(LocalDate.of(2026, 5, 1), Kind.PUBLIC_HOLIDAY, "Ngày Quốc tế lao động (1/5)"),
					tuple(LocalDate.of(2026, 9, 1), Kind.PUBLIC_HOLIDAY, "Quốc khánh (ngày liền kề 01/09)"),
					tuple(LocalDate.of(2026, 9, 2), Kind.PUBLIC_HOLIDAY, "Quốc khánh (2/9)"));
		assertThat(DefaultHolidays.of(2026)).allSatisfy(d -> {
			assertThat(d.workingDay()).isFalse();
			assertThat(d.nameEn()).isNotBlank();
			assertThat(d.source()).startsWith("Bộ luật Lao động 2019");
		});
	}

	@Test
	void holidaysOnAWeekendAreMadeUpOnTheNextFreeWeekdaysInTurn() {
		// 2023: Giỗ Tổ on Saturday 29/04, 30/04 on Sunday, 1/5 on Monday: in lieu on Tuesday 2/5 and Wednesday 3/5
		assertThat(DefaultHolidays.of(2023)).filteredOn(d -> d.kind() == Kind.COMPENSATORY_DAY_OFF)
			.extracting(CalendarDay::date)
			.contains(LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3));
		// Tết 2025 by default: 28/01 to Saturday 01/02, in lieu on Monday 03/02
		assertThat(DefaultHolidays.on(LocalDate.of(2025, 2, 3)).kind()).isEqualTo(Kind.COMPENSATORY_DAY_OFF);
	}

	@Test
	void nationalDayTakesTheDayBeforeExceptAfterAThursday() {
		assertThat(DefaultHolidays.on(LocalDate.of(2025, 9, 1)).kind()).isEqualTo(Kind.PUBLIC_HOLIDAY);
		// 2/9/2021 a Thursday: Friday 3/9 joins the weekend
		assertThat(DefaultHolidays.on(LocalDate.of(2021, 9, 3)).kind()).isEqualTo(Kind.PUBLIC_HOLIDAY);
		assertThat(DefaultHolidays.on(LocalDate.of(2021, 9, 1)).kind()).isEqualTo(Kind.WORKDAY);
		// 2/9/2024 a Monday: 1/9 is a Sunday, made up on Tuesday 3/9 (the government's 31/08-03/09)
		assertThat(DefaultHolidays.on(LocalDate.of(2024, 9, 3)).kind()).isEqualTo(Kind.COMPENSATORY_DAY_OFF);
	}

	@Test
	void beforeTheLabourCodeOf2019NationalDayIsOneDay() {
		assertThat(DefaultHolidays.of(2020)).filteredOn(d -> d.date().getMonthValue() == 9)
			.extracting(CalendarDay::date)
			.containsExactly(LocalDate.of(2020, 9, 2));
		assertThat(DefaultHolidays.of(2020).get(0).source()).startsWith("Bộ luật Lao động 2012");
	}
}
