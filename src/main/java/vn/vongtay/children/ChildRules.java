package vn.vongtay.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.VietnameseText;

/** What a child's record must satisfy, checked the same way for a form, the API and every row of an import. */
final class ChildRules {

	static final LocalDate EARLIEST_BIRTH = LocalDate.of(1990, 1, 1);

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
		else if (!NAME.matcher(name).matches() || name.length() > 120) {
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
		return problems;
	}
}
