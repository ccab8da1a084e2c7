package vn.vongtay.children;

import java.util.List;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;

/**
 * A Vietnamese full name split as the register sorts it: family name first (Nguyễn), given name last (An), middle names
 * between. Lists are ordered by given name, then family name.
 */
record Names(String full, String family, String given) {

	static Names of(String fullName) {
		String clean = VietnameseText.clean(fullName);
		if (clean == null) {
			throw UserFacingException.invalid("error.field.required", "fullName");
		}
		List<String> words = List.of(clean.split(" "));
		return new Names(clean, words.get(0), words.get(words.size() - 1));
	}
}
