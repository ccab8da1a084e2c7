package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The rules of a child's record, without Spring: every free-text field has a limit, said with its length. */
class ChildRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void everyFreeTextFieldOfAChildRecordHasALimit() {
		String huge = "x".repeat(300_000);
		ChildDraft draft = new ChildDraft("Nguyễn Văn An", Sex.MALE, LocalDate.of(2015, 1, 1), false, null, null, null,
				"03253", huge, huge, null, huge, false, huge, null, huge, null, huge, huge, huge);
		assertThat(ChildRules.check(draft, TODAY)).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactlyInAnyOrder("village error.field.too-long", "address error.field.too-long",
					"schoolName error.field.too-long", "disability error.field.too-long", "notes error.field.too-long",
					"caregiverName error.field.too-long", "caregiverRelationship error.field.too-long",
					"caregiverPhone error.field.too-long");
	}

	@Test
	void aFieldAtItsLimitIsAcceptedAndOneCharacterMoreIsNot() {
		assertThat(ChildRules.check(withNotes("ă".repeat(ChildRules.NOTES_MAX)), TODAY)).isEmpty();
		assertThat(ChildRules.check(withNotes("ă".repeat(ChildRules.NOTES_MAX + 1)), TODAY))
			.singleElement()
			.satisfies(p -> assertThat(p.arguments()).containsExactly(ChildRules.NOTES_MAX, ChildRules.NOTES_MAX + 1));
	}

	private static ChildDraft withNotes(String notes) {
		return new ChildDraft("Nguyễn Văn An", Sex.MALE, LocalDate.of(2015, 1, 1), false, null, null, null, "03253",
				null, null, null, null, false, null, null, notes, null, null, null, null);
	}
}
