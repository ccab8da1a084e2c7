package vn.vongtay.casework;

import java.util.List;
import java.util.Set;

import vn.vongtay.identity.Role;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;

/**
 * Who takes a step in a case: the person recorded with it (id and name as of then) and the roles they act in. The
 * deadline watch acts as the system, which holds no role.
 *
 * @param id null for the system and for reports from the public page
 */
record Actor(Long id, String name, Set<Role> roles) {

	static final String SYSTEM_NAME = "Hệ thống";

	Actor {
		roles = Set.copyOf(roles);
	}

	static Actor of(SignedInUser user) {
		return new Actor(user.id() <= 0 ? null : user.id(), user.displayName(), user.roles());
	}

	static Actor system() {
		return new Actor(null, SYSTEM_NAME, Set.of());
	}

	static Actor caseWorker(Staff.Member member) {
		return new Actor(member.id(), member.displayName(), Set.of(Role.CASE_WORKER));
	}

	/** The commune's case worker when it has exactly one, to whom its new cases go; null otherwise. */
	static Actor soleCaseWorker(Staff staff, long unitId) {
		List<Staff.Member> workers = staff.reaching(unitId, Set.of(Role.CASE_WORKER), UnitLevel.COMMUNE);
		return workers.size() == 1 ? caseWorker(workers.get(0)) : null;
	}

	boolean mayTake(CaseAction action) {
		return action.mayBeTakenBy(roles);
	}
}
