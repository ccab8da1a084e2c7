package vn.vongtay.casework;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Need-to-know on top of jurisdiction, in one place (for a single case here, for lists as {@link #fullAccessSql()}).
 * Within their jurisdiction:
 * <ul>
 * <li>the case worker assigned to the case, the commune's officers and chairman, the commune's case workers while no
 * one is assigned, and supervisors above the commune (district and province officers) once the case is escalated to
 * them, see everything;</li>
 * <li>the other case roles (another case worker, a supervisor before escalation) see the case's summary: its number,
 * stage, deadlines and commune, never the child; a supervisor may break the glass with a written reason, which opens
 * the case to them for a few hours and is audited;</li>
 * <li>everyone else (hotline, village collaborators, agency focal points, viewers, inspectors, system administrators)
 * sees no case: the hotline and whoever received a report see their report; an agency sees its referrals.</li>
 * </ul>
 */
@Component
class CaseAccess {

	enum Level {
		NONE, SUMMARY, FULL
	}

	static final Set<Role> LEADS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);
	static final Set<Role> SUPERVISORS = EnumSet.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
	static final Set<Role> CASE_ROLES = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.CASE_WORKER,
			Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Clock clock;

	CaseAccess(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	static boolean hasCaseRole(SignedInUser user) {
		return CASE_ROLES.stream().anyMatch(user::has);
	}

	/** @throws UserFacingException 403 for a caller who works with no cases */
	static SignedInUser requireCaseRole() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!hasCaseRole(user)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	Level level(CaseRecords.Header header) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!hasCaseRole(user) || !jurisdictions.covers(header.unitId())) {
			return Level.NONE;
		}
		boolean full = (header.caseWorkerId() != null && header.caseWorkerId() == user.id())
				|| LEADS.stream().anyMatch(user::has)
				|| (user.has(Role.CASE_WORKER) && header.caseWorkerId() == null)
				|| (SUPERVISORS.stream().anyMatch(user::has) && header.escalatedAt() != null)
				|| grantActive(header.id(), user.id());
		return full ? Level.FULL : Level.SUMMARY;
	}

	static boolean maySupervise(SignedInUser user) {
		return SUPERVISORS.stream().anyMatch(user::has);
	}

	/** The same rule as {@link #level} for a row {@code c} of {@code casework.child_case}; bind with {@link #bind}. */
	static String fullAccessSql() {
		return """
				(c.case_worker_id = :accessUser OR :accessLead
				 OR (:accessWorker AND c.case_worker_id IS NULL)
				 OR (:accessSupervisor AND c.escalated_at IS NOT NULL)
				 OR EXISTS (SELECT 1 FROM casework.access_grant g
				            WHERE g.case_id = c.id AND g.user_id = :accessUser AND g.expires_at > :accessNow))""";
	}

	StatementSpec bind(StatementSpec statement) {
		SignedInUser user = Jurisdictions.requireUser();
		return statement.param("accessUser", user.id())
			.param("accessNow", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("accessLead", LEADS.stream().anyMatch(user::has))
			.param("accessWorker", user.has(Role.CASE_WORKER))
			.param("accessSupervisor", SUPERVISORS.stream().anyMatch(user::has));
	}

	private boolean grantActive(long caseId, long userId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM casework.access_grant
				               WHERE case_id = :case AND user_id = :user AND expires_at > :now)""")
			.param("case", caseId)
			.param("user", userId)
			.param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.query(Boolean.class)
			.single();
	}
}
