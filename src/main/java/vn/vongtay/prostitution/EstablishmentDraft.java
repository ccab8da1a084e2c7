package vn.vongtay.prostitution;

import java.time.LocalDate;

/** What a user enters to record or change a prone establishment. */
public record EstablishmentDraft(EstablishmentType type, String name, String address, String unitCode,
		String ownerName, String licenceNumber, Integer registeredWorkers, EstablishmentStatus status,
		LocalDate openedOn, LocalDate closedOn, String riskNotes) {
}
