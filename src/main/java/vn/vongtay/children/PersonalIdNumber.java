package vn.vongtay.children;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 12-digit personal identification number (số định danh cá nhân, the citizen identity card number). Digits 1-3 are
 * the province of birth registration, digit 4 encodes century and sex (0 a man born 1900-1999, 1 a woman born then, 2
 * and 3 for 2000-2099, 4 and 5 for 2100-2199), digits 5-6 the last two digits of the year of birth.
 */
public final class PersonalIdNumber {

	private static final Pattern FORMAT = Pattern.compile("[0-9]{12}");

	private PersonalIdNumber() {
	}

	/**
	 * What is wrong with the number for a person of this sex and birth date, as a message key, or empty when it agrees.
	 * An estimated birth date is checked only for its century: the year itself may be a guess.
	 */
	public static Optional<String> problem(String number, Sex sex, LocalDate birthDate, boolean estimated) {
		if (number == null || !FORMAT.matcher(number).matches()) {
			return Optional.of("error.child.pid-format");
		}
		int code = number.charAt(3) - '0';
		if (code > 5) {
			return Optional.of("error.child.pid-format");
		}
		int century = 1900 + 100 * (code / 2);
		boolean female = code % 2 == 1;
		if (sex == Sex.MALE && female || sex == Sex.FEMALE && !female) {
			return Optional.of("error.child.pid-sex");
		}
		if (birthDate != null) {
			int year = century + Integer.parseInt(number.substring(4, 6));
			if (birthDate.getYear() / 100 * 100 != century || (!estimated && birthDate.getYear() != year)) {
				return Optional.of("error.child.pid-year");
			}
		}
		return Optional.empty();
	}
}
