package vn.vongtay.directory;

import java.time.LocalDate;

/**
 * A public body or service provider of an administrative unit, valid between two dates (agencies were renamed and
 * changed owners in 2025). One that was replaced names its successor, the duties that passed and the legal texts, and
 * the agency that carries its duties today ({@code currentId}, {@code currentName}: "nay là …").
 */
public record Agency(long id, AgencyKind kind, String name, long unitId, String unitCode, String unitName,
		String address, String phone, String email, LocalDate validFrom, LocalDate validTo, Long replacedById,
		String dutiesTransferred, String transferBasis, Long currentId, String currentName, int version) {

	/** Whether another agency carries this one's duties today. */
	public boolean replaced() {
		return currentId != null && currentId != id;
	}
}
