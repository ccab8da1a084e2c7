package vn.vongtay.geography;

import java.time.LocalDate;

/**
 * An administrative unit as it existed from {@code validFrom} to {@code validTo} (both inclusive, {@code null} = open).
 * The official code identifies a unit only together with a date: codes were reused by the units of 2025.
 */
public record AdministrativeUnit(long id, String code, UnitLevel level, String name, String fullName, String nameEn,
		Long parentId, String parentCode, String provinceCode, LocalDate validFrom, LocalDate validTo) {

	public boolean isValidOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}
}
