package vn.vongtay.casework;

import java.time.LocalDate;

import vn.vongtay.children.Sex;

/**
 * The child of a case: the register's child {@code registerId} once known, otherwise as the first report described
 * them (a name if known, the sex, unknown included, a date of birth that may be estimated from an age).
 */
record ReportedChild(Long registerId, String name, Sex sex, LocalDate birthDate, boolean birthEstimated) {

	ReportedChild {
		sex = sex == null ? Sex.UNKNOWN : sex;
	}
}
