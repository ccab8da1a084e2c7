package vn.vongtay.core.web;

import vn.vongtay.core.UserFacingException;

/** Form fields as offices fill them: blanks are absent, whole numbers may carry Vietnamese grouping (1.250). */
public final class FormValues {

	private FormValues() {
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** @throws UserFacingException 400 when the text is not a whole number */
	public static Long wholeNumber(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Long.valueOf(v.replace(".", "").replace(" ", ""));
		}
		catch (NumberFormatException e) {
			throw UserFacingException.invalid("error.field.invalid", value);
		}
	}
}
