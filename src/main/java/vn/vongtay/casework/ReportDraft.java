package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import vn.vongtay.children.Sex;

/**
 * A concern as the person receiving it records it (Mẫu 01). The child is the register's child {@code childId} when
 * known, otherwise described (a name if known, a date of birth or an estimated age, the sex, unknown included). The
 * report goes to the commune where the child lives ({@code childUnitCode}), or else where it happened
 * ({@code placeUnitCode}). The informant is optional and protected.
 *
 * @param childAgeYears an estimated age when the date of birth is unknown
 * @param externalReference the calling system's own id (the hotline's ticket), so a retried call records nothing twice
 */
public record ReportDraft(ReportChannel channel, LocalDateTime receivedAt, String externalReference, Long childId,
		String childName, Sex childSex, LocalDate childBirthDate, Integer childAgeYears, String childAddress,
		String childUnitCode, String place, String placeUnitCode, String condition, String consequences,
		String parents, String caregiver, String actionsTaken, Set<AbuseForm> suspectedForms, String informantName,
		String informantPhone, String informantAddress, String informantRelation) {

	public ReportDraft {
		suspectedForms = suspectedForms == null ? Set.of() : Set.copyOf(suspectedForms);
	}
}
