package vn.vongtay.children;

import java.time.LocalDate;

/**
 * What an officer enters to register a child or correct their record. The child joins the household given by id, or a
 * new household when a caregiver is named.
 */
public record ChildDraft(String fullName, Sex sex, LocalDate birthDate, boolean birthDateEstimated, String ethnicityCode,
		String personalId, Boolean birthRegistered, String communeCode, String village, String address,
		SchoolLevel schoolLevel, String schoolName, boolean outOfSchool, String disability, Boolean healthInsurance,
		String notes, Long householdId, String caregiverName, String caregiverRelationship, String caregiverPhone) {
}
