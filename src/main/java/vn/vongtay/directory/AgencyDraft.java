package vn.vongtay.directory;

import java.time.LocalDate;

/** What a user enters to create or change an agency. */
public record AgencyDraft(AgencyKind kind, String name, String unitCode, String address, String phone, String email,
		LocalDate validFrom, LocalDate validTo) {
}
