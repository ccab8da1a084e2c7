package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A pseudonymous record of a person who sells sex and uses social services: a generated code, never a name, kept only
 * with their consent. It belongs to the commune of the day it was opened ({@code recordedOn}).
 */
public record SupportRecord(long id, String code, Integer birthYear, Sex sex, long unitId, String unitCode,
		String unitName, LocalDate consentOn, Set<SupportServiceKind> needs, ReintegrationStatus reintegrationStatus,
		String notes, List<ServiceReceived> services, LocalDate recordedOn, int version) {

	public record ServiceReceived(long id, SupportServiceKind service, LocalDate providedOn, String provider) {
	}
}
