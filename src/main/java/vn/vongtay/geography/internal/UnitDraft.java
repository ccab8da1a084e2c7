package vn.vongtay.geography.internal;

import java.time.LocalDate;

import vn.vongtay.geography.UnitLevel;

/** A unit read from an official list, not yet stored. Its parent is named by code, valid at the unit's start. */
public record UnitDraft(String code, UnitLevel level, String name, String fullName, String nameEn, String parentCode,
		String provinceCode, LocalDate validFrom, LocalDate validTo) {

	LocalDate referenceDate(LocalDate today) {
		if (validFrom != null) {
			return validFrom;
		}
		return validTo != null ? validTo : today;
	}
}
