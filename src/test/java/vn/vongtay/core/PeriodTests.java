package vn.vongtay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reporting periods as offices write them, with their dates and order. */
class PeriodTests {

	@Test
	void everyCodeReadsBackAsItselfWithItsDates() {
		for (String code : List.of("2024", "2024-H1", "2024-H2", "2024-Q1", "2024-Q4", "2024-02", "2024-12")) {
			assertThat(Period.parse(code).code()).isEqualTo(code);
		}
		assertThat(Period.parse("2024-H1").end()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(Period.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Period.parse("2024-H2").start()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(Period.parse("2024-q3").code()).isEqualTo("2024-Q3");
	}

	@Test
	void aMalformedPeriodIsRefusedWithAClearMessageKey() {
		for (String code : List.of("2024-H3", "2024-Q5", "2024-13", "24", "năm 2024", "")) {
			assertThatThrownBy(() -> Period.parse(code)).isInstanceOf(UserFacingException.class)
				.hasMessage("error.period.format");
		}
	}

	/** A year no office reports on (before 1900, after 2200) is bad input answered in words, not a server error. */
	@Test
	void aYearOutsideTheRangeOfReportingIsRefusedWithAClearMessageKey() {
		for (String code : List.of("1899", "0000-H1", "2201-Q2", "9999-05")) {
			assertThatThrownBy(() -> Period.parse(code)).isInstanceOf(UserFacingException.class)
				.hasMessage("error.period.year");
		}
		assertThat(Period.parse("1900").code()).isEqualTo("1900");
		assertThat(Period.parse("2200-12").code()).isEqualTo("2200-12");
	}

	@Test
	void periodsEndingTogetherPutTheLongerOneLast() {
		List<Period> periods = Period.reportingPeriods(2024, 2024);
		assertThat(periods).extracting(Period::code)
			.containsExactly("2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-Q4", "2024-H2", "2024");
	}
}
