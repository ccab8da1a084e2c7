package vn.vongtay.prostitution;

import java.time.LocalDate;

/** A decree on administrative sanctions, applying to acts from {@code validFrom} to {@code validTo} (inclusive). */
public record SanctionsDecree(long id, String number, String title, LocalDate validFrom, LocalDate validTo) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
	}
}
