package vn.vongtay.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import vn.vongtay.core.InputProblem;

/**
 * How a form's text is read as an office types it (decision 0013): blanks are absent, numbers may carry Vietnamese
 * grouping, dates are dd/mm/yyyy and must exist, and every field that cannot be read is noted, not only the first.
 */
class FormInputTests {

	@Test
	void numbersWithVietnameseGroupingAreReadAndWordsAreNotedWithWhatWasTyped() {
		FormInput input = new FormInput();
		assertThat(input.wholeNumber("a", " 1.250 ")).isEqualTo(1250L);
		assertThat(input.wholeNumber("b", "15 988")).isEqualTo(15988L);
		assertThat(input.integer("c", "")).isNull();
		assertThat(input.integer("d", "khoảng 8")).isNull();
		assertThat(input.integer("e", "99999999999")).isNull();
		assertThat(input.problems()).extracting(InputProblem::column).containsExactly("d", "e");
		assertThat(input.problems().get(0).messageKey()).isEqualTo("form.error.whole-number");
		assertThat(input.problems().get(0).arguments()).containsExactly("khoảng 8");
	}

	@Test
	void aDayThatDoesNotExistIsNotedRatherThanMovedToTheEndOfTheMonth() {
		FormInput input = new FormInput();
		assertThat(input.date("from", "1/7/2025")).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(input.date("iso", "2025-07-01")).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(input.date("leap", "29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(input.date("to", "31/02/2026")).isNull();
		assertThat(input.date("day", "30/06")).isNull();
		assertThat(input.dateTime("at", "02/12/2026 08:30")).isEqualTo(LocalDateTime.of(2026, 12, 2, 8, 30));
		assertThat(input.problems()).extracting(InputProblem::column).containsExactly("to", "day");
	}

	@Test
	void aRequiredBlankAndAnUnknownChoiceAreEachNoted() {
		FormInput input = new FormInput();
		assertThat(input.required("name", "  ")).isNull();
		assertThat(input.choice("kind", DayOfWeek.class, "HOLIDAY")).isNull();
		assertThat(input.choice("day", DayOfWeek.class, "MONDAY")).isEqualTo(DayOfWeek.MONDAY);
		assertThat(input.problems()).extracting(InputProblem::messageKey)
			.containsExactly("form.error.required", "form.error.choice");
	}
}
