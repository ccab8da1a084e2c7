package vn.vongtay.children;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;

/**
 * A personal identification number is unique in the country, so registering a child whose number is already recorded
 * for a child outside the caller's reach is refused; the caller is told only that the number cannot be used and to ask
 * the province (issue 16, item 12: no answer depends on records the caller cannot see). Whoever can resolve it is told
 * instead: the province officers who answer for the existing record, with a link to it (the child may have moved, or
 * one of the two numbers is mistyped), and the province officers of the commune that tried, when they are others, without
 * a link, since that record is not theirs to open. The attempt is in the audit log.
 *
 * <p>Written in a transaction of its own: the refusal rolls back the registration, not what it tells.
 */
@Component
class PersonalIdConflicts {

	/** Told about at most this many records per refusal: an import full of foreign numbers is one matter, not fifty. */
	static final int MAX_TOLD = 20;

	/** A number the caller typed that is recorded for the child {@code holderId} in {@code holderUnitId}. */
	record Conflict(long holderId, long holderUnitId, AdministrativeUnit attemptedIn) {
	}

	private final Staff staff;
	private final Notifications notifications;
	private final AuditLog audit;

	PersonalIdConflicts(Staff staff, Notifications notifications, AuditLog audit) {
		this.staff = staff;
		this.notifications = notifications;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(List<Conflict> conflicts) {
		for (Conflict conflict : conflicts.subList(0, Math.min(conflicts.size(), MAX_TOLD))) {
			AdministrativeUnit attempted = conflict.attemptedIn();
			String where = attempted.fullName() + " (" + attempted.code() + ")";
			audit.record("CHILD_PID_REFUSED", "Child", conflict.holderId(), conflict.holderUnitId(),
					"number of this child typed for a new record in " + where);
			Set<Long> holders = provinceOfficers(conflict.holderUnitId());
			notifications.send(holders, false, "/children/" + conflict.holderId(), "children.notify.pid-in-use", where);
			Set<Long> others = provinceOfficers(attempted.id());
			others.removeAll(holders);
			notifications.send(others, false, null, "children.notify.pid-in-use-elsewhere", where);
		}
	}

	private Set<Long> provinceOfficers(long unitId) {
		Set<Long> ids = new LinkedHashSet<>();
		staff.reaching(unitId, Set.of(Role.PROVINCE_OFFICER), UnitLevel.PROVINCE).forEach(m -> ids.add(m.id()));
		return ids;
	}
}
