package vn.vongtay.children;

import java.time.LocalDate;

/** A child in a list or search result: enough to recognise them, nothing more. */
public record ChildSummary(long id, String fullName, LocalDate dateOfBirth, boolean dateOfBirthEstimated, Sex sex,
		String communeCode, String communeName, String village) {
}
