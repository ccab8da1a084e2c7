package vn.vongtay.casework;

import java.util.Set;

/**
 * What the case is, for statistics: whether abuse was confirmed, its forms and sub-types, the setting, who did it and
 * their relationship to the child.
 */
public record Classification(Boolean abuseConfirmed, Set<AbuseForm> forms, Set<AbuseSubtype> subtypes,
		AbuseSetting setting, PerpetratorType perpetratorType, String perpetratorRelationship) {

	public Classification {
		forms = forms == null ? Set.of() : Set.copyOf(forms);
		subtypes = subtypes == null ? Set.of() : Set.copyOf(subtypes);
	}

	public static Classification none() {
		return new Classification(null, Set.of(), Set.of(), null, null, null);
	}
}
