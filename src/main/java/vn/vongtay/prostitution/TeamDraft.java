package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;

/** What a user enters to record an inspection team and its members. */
public record TeamDraft(String name, String decisionNumber, LocalDate decisionDate, String unitCode,
		List<Member> members) {

	public TeamDraft {
		members = members == null ? List.of() : List.copyOf(members);
	}

	public record Member(String personName, Long agencyId, TeamRole role) {
	}
}
