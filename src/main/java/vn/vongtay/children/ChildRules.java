package vn.vongtay.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.VietnameseText;

/**
 * What a child's record must satisfy, checked the same way for a form, the API and every row of an import. Every
 * free-text field has a limit, long enough for what offices write and held by the database too
 * (V20261208_1417__children_text_limits.sql).
 */
final class ChildRules {

	static final LocalDate EARLIEST_BIRTH = LocalDate.of(1990, 1, 1);

	static final int NAME_MAX = 120;
	static final int VILLAGE_MAX = 100;
	static final int ADDRESS_MAX = 200;
	static final int SCHOOL_NAME_MAX = 200;
	static final int DISABILITY_MAX = 200;
	static final int NOTES_MAX = 2000;
	static final int RELATIONSHIP_MAX = 50;
	static final int PHONE_MAX = 20;
	/** The evidence of a group and the note of a support: a document's number and date, a line of explanation. */
	static final int EVIDENCE_MAX = 500;
	static final int SUPPORT_NOTE_MAX = 500;

	/** A name has letters; digits or symbols other than an apostrophe or hyphen mean a slip ("Nguyễn Văn 2"). */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}' -]*");

	private ChildRules() {
	}

	static List<InputProblem> check(ChildDraft draft, LocalDate today) {
		List<InputProblem> problems = new ArrayList<>();
		String name = VietnameseText.clean(draft.fullName());
		if (name == null) {
			problems.add(InputProblem.field("fullName", "error.field.required", "fullName"));
		}
		else if (!NAME.matcher(name).matches() || name.length() > NAME_MAX) {
			problems.add(InputProblem.field("fullName", "error.child.name-invalid", name));
		}
		if (draft.sex() == null) {
			problems.add(InputProblem.field("sex", "error.field.required", "sex"));
		}
		if (draft.birthDate() == null) {
			problems.add(InputProblem.field("birthDate", "error.field.required", "birthDate"));
		}
		else if (draft.birthDate().isAfter(today)) {
			problems.add(InputProblem.field("birthDate", "error.child.born-in-future"));
		}
		else if (draft.birthDate().isBefore(EARLIEST_BIRTH)) {
			problems.add(InputProblem.field("birthDate", "error.child.born-too-early"));
		}
		String pid = VietnameseText.clean(draft.personalId());
		if (pid != null) {
			PersonalIdNumber.problem(pid.replace(" ", ""), draft.sex(), draft.birthDate(), draft.birthDateEstimated())
				.ifPresent(key -> problems.add(InputProblem.field("personalId", key, pid)));
		}
		tooLong("village", draft.village(), VILLAGE_MAX).ifPresent(problems::add);
		tooLong("address", draft.address(), ADDRESS_MAX).ifPresent(problems::add);
		tooLong("schoolName", draft.schoolName(), SCHOOL_NAME_MAX).ifPresent(problems::add);
		tooLong("disability", draft.disability(), DISABILITY_MAX).ifPresent(problems::add);
		tooLong("notes", draft.notes(), NOTES_MAX).ifPresent(problems::add);
		tooLong("caregiverName", draft.caregiverName(), NAME_MAX).ifPresent(problems::add);
		tooLong("caregiverRelationship", draft.caregiverRelationship(), RELATIONSHIP_MAX).ifPresent(problems::add);
		tooLong("caregiverPhone", draft.caregiverPhone(), PHONE_MAX).ifPresent(problems::add);
		return problems;
	}

	/** A problem when the text, as it would be stored, has more characters than {@code max}. */
	static Optional<InputProblem> tooLong(String field, String text, int max) {
		String clean = VietnameseText.clean(text);
		int length = clean == null ? 0 : clean.codePointCount(0, clean.length());
		return length > max ? Optional.of(InputProblem.field(field, "error.field.too-long", max, length))
				: Optional.empty();
	}
}
