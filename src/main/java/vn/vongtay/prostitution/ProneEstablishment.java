package vn.vongtay.prostitution;

import java.time.LocalDate;

/**
 * A business prone to prostitution, with the date of its latest inspection ({@code null} if never inspected) so lists can
 * show what is overdue for a visit. It belongs to the commune it lay in on the day it was put on the list
 * ({@code listedOn}); the commune that continues that one sees and counts it.
 */
public record ProneEstablishment(long id, EstablishmentType type, String name, String address, long unitId,
		String unitCode, String unitName, String ownerName, String licenceNumber, Integer registeredWorkers,
		EstablishmentStatus status, LocalDate openedOn, LocalDate closedOn, String riskNotes, LocalDate lastInspectedOn,
		LocalDate listedOn, int version) {
}
