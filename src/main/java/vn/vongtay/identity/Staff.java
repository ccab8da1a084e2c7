package vn.vongtay.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.geography.UnitLevel;

/**
 * Who answers for a unit: the enabled users holding one of the roles whose jurisdiction reaches the unit through a root
 * at the given level (the commune's own officers, not everyone in the province above them). What notifications and
 * escalations are addressed to.
 */
@Component
@Transactional(readOnly = true)
public class Staff {

	private final JdbcClient jdbc;

	Staff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Member(long id, String username, String displayName, String email) {
	}

	public List<Member> reaching(long unitId, Collection<Role> roles, UnitLevel rootLevel) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT DISTINCT a.id, a.username, a.display_name, a.email
				FROM identity.app_user a
				JOIN identity.user_role ur ON ur.user_id = a.id AND ur.role IN (:roles)
				JOIN identity.user_unit uu ON uu.user_id = a.id
				JOIN geography.unit root ON root.id = uu.unit_id AND root.level = :level
				JOIN geography.unit_reach r ON r.root_id = uu.unit_id AND r.unit_id = :unit
				WHERE a.enabled
				ORDER BY a.display_name, a.id""")
			.param("roles", roles.stream().map(Role::name).toList())
			.param("level", rootLevel.name())
			.param("unit", unitId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("email")))
			.list();
	}

	/** The enabled focal points who speak for one of the agencies. */
	public List<Member> focalPointsOf(Collection<Long> agencyIds) {
		if (agencyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.email FROM identity.app_user a
				WHERE a.enabled AND a.agency_id IN (:agencies)
				  AND EXISTS (SELECT 1 FROM identity.user_role ur WHERE ur.user_id = a.id AND ur.role = 'AGENCY_FOCAL_POINT')
				ORDER BY a.display_name, a.id""")
			.param("agencies", agencyIds)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("email")))
			.list();
	}

	public static Set<Role> communeStaff() {
		return Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.CASE_WORKER);
	}
}
