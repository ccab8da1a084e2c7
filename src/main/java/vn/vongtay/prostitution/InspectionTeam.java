package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.List;

/** An interagency inspection team (<i>đoàn kiểm tra liên ngành 178</i>) set up by a decision of a unit. */
public record InspectionTeam(long id, String name, String decisionNumber, LocalDate decisionDate, long unitId,
		String unitName, List<Member> members, int version) {

	public record Member(String personName, long agencyId, String agencyName, TeamRole role) {
	}
}
