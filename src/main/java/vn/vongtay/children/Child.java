package vn.vongtay.children;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's record as the caller opens it: the person, their household, groups, supports and where they lived, each
 * part present only for a caller who may read it ({@link RegisterRights}): empty lists and {@code null}s otherwise.
 */
public record Child(long id, String fullName, Sex sex, LocalDate dateOfBirth, boolean dateOfBirthEstimated,
		String ethnicityCode, String ethnicity, String personalId, Boolean birthRegistered, long unitId,
		String communeCode, String communeName, String village, String address, Long householdId,
		SchoolLevel schoolLevel, String schoolName, boolean outOfSchool, String disability, Boolean healthInsurance,
		String notes, int version, List<Caregiver> caregivers, List<ChildSummary> siblings,
		List<Circumstance> circumstances, List<Support> supports, List<Residence> residences) {

	/** Under 16 on the date: the register keeps older people but counts only children. */
	public boolean childOn(LocalDate date) {
		return dateOfBirth.plusYears(16).isAfter(date);
	}

	public int ageOn(LocalDate date) {
		return java.time.Period.between(dateOfBirth, date).getYears();
	}

	public record Caregiver(long id, String fullName, String relationship, String phone, boolean primary) {
	}

	public record Circumstance(long id, String groupCode, String groupName, String subgroupName, boolean atRisk,
			LocalDate from, LocalDate to, String evidence) {

		public boolean activeOn(LocalDate date) {
			return !from.isAfter(date) && (to == null || !to.isBefore(date));
		}
	}

	public record Support(long id, SupportKind kind, Long amountVnd, LocalDate givenOn, SupportSource source,
			String note) {
	}

	public record Residence(String communeCode, String communeName, LocalDate from, LocalDate to, String reason) {
	}
}
