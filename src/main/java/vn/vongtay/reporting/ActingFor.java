package vn.vongtay.reporting;

import java.util.EnumSet;
import java.util.Set;

import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who acts for the bodies of an obligation, on top of what the need-to-know table lets a role do with periodic reports
 * (decision 0009): the officers of a unit act for its People's Committee and its child-affairs office, at their own
 * level (a province officer does not write a commune's report); the focal points of an agency act for it and for the
 * agencies whose duties it took over; a commune's chairman receives the report to the commune's council; the system
 * administrators receive those to the ministry. Spring-free: the caller says whether the user's jurisdiction covers
 * the body's unit and at which levels the user's units are.
 */
final class ActingFor {

	/** The roles that act for a unit's committee and child-affairs office in its reports. */
	static final Set<Role> UNIT_OFFICERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN,
			Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICER);

	private ActingFor() {
	}

	/** Whether the user drafts, writes and submits the report of the obligation. */
	static boolean reporter(Obligation o, SignedInUser user, boolean coversUnit, Set<String> rootLevels) {
		if (!user.may(NeedToKnow.Data.PERIODIC_REPORTS, NeedToKnow.Use.WRITE) || o.withdrawnAt() != null) {
			return false;
		}
		if (user.has(Role.AGENCY_FOCAL_POINT) && o.reportedBy(user.agencyId())) {
			return true;
		}
		return o.reporterByOfficers() && UNIT_OFFICERS.stream().anyMatch(user::has) && coversUnit
				&& rootLevels.contains(o.reporterLevel());
	}

	/** Whether the user accepts or returns the report, and sets the due date the source did not give. */
	static boolean recipient(Obligation o, SignedInUser user, boolean coversUnit, Set<String> rootLevels) {
		if (!user.may(NeedToKnow.Data.PERIODIC_REPORTS, NeedToKnow.Use.READ)) {
			return false;
		}
		return switch (o.recipientKind()) {
			case COUNCIL -> user.has(Role.COMMUNE_CHAIRMAN) && coversUnit;
			case MINISTRY -> user.has(Role.SYSTEM_ADMIN);
			case COMMITTEE, AGENCY -> user.has(Role.AGENCY_FOCAL_POINT) && o.receivedBy(user.agencyId())
					|| o.recipientByOfficers() && (user.has(Role.PROVINCE_OFFICER) || user.has(Role.DISTRICT_OFFICER))
							&& coversUnit && rootLevels.contains(o.recipientLevel());
		};
	}

	/**
	 * Whether the user reads the obligations of the units within their jurisdiction (officers, chairmen, case workers,
	 * viewers): a focal point reads only those of its agency.
	 */
	static boolean readsJurisdiction(SignedInUser user) {
		return user.roles().stream().anyMatch(role -> role != Role.AGENCY_FOCAL_POINT
				&& NeedToKnow.of(role, NeedToKnow.Data.PERIODIC_REPORTS).contains(NeedToKnow.Use.READ));
	}
}
