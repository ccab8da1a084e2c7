package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.Set;

/** What a social worker enters; there is deliberately no field for a name or an identity number. */
public record SupportRecordDraft(Integer birthYear, Sex sex, String unitCode, LocalDate consentOn,
		Set<SupportServiceKind> needs, ReintegrationStatus reintegrationStatus, String notes) {

	public SupportRecordDraft {
		needs = needs == null ? Set.of() : Set.copyOf(needs);
	}
}
