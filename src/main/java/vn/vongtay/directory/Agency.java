package vn.vongtay.directory;

import java.time.LocalDate;

/**
 * A public body or service provider of an administrative unit, valid between two dates (agencies were renamed and
 * changed owners in 2025).
 */
public record Agency(long id, AgencyKind kind, String name, long unitId, String unitCode, String unitName,
		String address, String phone, String email, LocalDate validFrom, LocalDate validTo, Long replacedById,
		int version) {
}
