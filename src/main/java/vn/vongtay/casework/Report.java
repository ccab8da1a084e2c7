package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import vn.vongtay.children.Sex;

/**
 * A report as recorded. {@code informant} is null for anyone but the staff who received it and the case worker; the
 * case it went to ({@code caseId}, {@code caseNumber}, {@code caseStage}, {@code joinedOpenCase}) is null for those
 * who may not see that case's summary.
 */
public record Report(long id, String reference, ReportChannel channel, LocalDateTime receivedAt, String receivedByName,
		boolean fromPublic, Long childId, String childName, Sex childSex, LocalDate childBirthDate,
		boolean childBirthEstimated, String childAddress, String place, String condition, String consequences,
		String parents, String caregiver, String actionsTaken, Set<AbuseForm> suspectedForms, Informant informant,
		boolean informantWithheld, String unitName, Long caseId, String caseNumber, CaseStage caseStage,
		Boolean joinedOpenCase) {

	/** Who reported the concern; protected (Law on Children Art. 56: the informant's identity is kept confidential). */
	public record Informant(String name, String phone, String address, String relation) {

		public boolean isEmpty() {
			return name == null && phone == null && address == null && relation == null;
		}
	}

	Report withoutInformant() {
		return new Report(id, reference, channel, receivedAt, receivedByName, fromPublic, childId, childName, childSex,
				childBirthDate, childBirthEstimated, childAddress, place, condition, consequences, parents, caregiver,
				actionsTaken, suspectedForms, null, informant != null && !informant.isEmpty(), unitName, caseId,
				caseNumber, caseStage, joinedOpenCase);
	}

	/** The report as its sender sees it without a need to know the case it went to: the unit, not the case. */
	Report withoutCase() {
		return new Report(id, reference, channel, receivedAt, receivedByName, fromPublic, childId, childName, childSex,
				childBirthDate, childBirthEstimated, childAddress, place, condition, consequences, parents, caregiver,
				actionsTaken, suspectedForms, informant, informantWithheld, unitName, null, null, null, null);
	}
}
