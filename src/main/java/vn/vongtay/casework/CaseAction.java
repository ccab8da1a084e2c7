package vn.vongtay.casework;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import vn.vongtay.identity.Role;

/**
 * What someone does to a case; each is allowed at some stages only (see {@link CaseStage#after(CaseAction)}) and to
 * some roles only ({@link #mayBeTakenBy}): the commune's case workers and officers do the casework, the commune
 * chairman decides emergency measures and approves plans (Nghị định 56/2017, Art. 24 and 28), the commune's officers
 * and chairman assign it, and a case is transferred by the commune or the supervisors above it. Referrals to the
 * agencies are the casework of the case worker and the commune officer, who hold REFERRALS in the need-to-know table
 * (decision 0009); the chairman reads them with the case.
 */
public enum CaseAction {
	VERIFY(Roles.WORKERS), DISMISS(Roles.WORKERS), ASSESS_INITIAL(Roles.WORKERS),
	TAKE_EMERGENCY_MEASURE(Roles.WORKERS_AND_CHAIRMAN), ASSESS_DETAILED(Roles.WORKERS),
	CLOSE_WITHOUT_PLAN(Roles.WORKERS), DRAFT_PLAN(Roles.WORKERS), SUBMIT_PLAN(Roles.WORKERS),
	RETURN_PLAN(Roles.CHAIRMAN), APPROVE_PLAN(Roles.CHAIRMAN), REVIEW_AND_CLOSE(Roles.WORKERS),
	REVIEW_AND_REPLAN(Roles.WORKERS), REOPEN(Roles.WORKERS_AND_CHAIRMAN), ASSIGN(Roles.LEADS),
	TRANSFER(Roles.TRANSFERRERS), ESCALATE(Roles.WORKERS_AND_CHAIRMAN), CLASSIFY(Roles.WORKERS),
	LINK_CHILD(Roles.WORKERS), REFER(Roles.WORKERS), UPDATE_PLAN_ITEM(Roles.WORKERS);

	private final Set<Role> roles;

	CaseAction(Set<Role> roles) {
		this.roles = roles;
	}

	/** Whether one of the roles may take this action (the stage and the need to know aside). */
	public boolean mayBeTakenBy(Collection<Role> held) {
		return held.stream().anyMatch(roles::contains);
	}

	/** Who does what in a commune's casework. */
	private static final class Roles {

		/** The commune's casework: the case worker and the commune officer who also works cases. */
		static final Set<Role> WORKERS = EnumSet.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER);
		static final Set<Role> CHAIRMAN = EnumSet.of(Role.COMMUNE_CHAIRMAN);
		static final Set<Role> WORKERS_AND_CHAIRMAN = EnumSet.of(Role.CASE_WORKER, Role.COMMUNE_OFFICER,
				Role.COMMUNE_CHAIRMAN);
		static final Set<Role> LEADS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);
		static final Set<Role> TRANSFERRERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN,
				Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
	}
}
