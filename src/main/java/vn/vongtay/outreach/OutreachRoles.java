package vn.vongtay.outreach;

import java.util.EnumSet;
import java.util.Set;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who may do what in outreach, always within their jurisdiction.
 * <ul>
 * <li>Outreach staff (activities, participants, children's opinions, headcounts): system administrators, province,
 * district and commune officers, commune chairmen, case workers and the focal points of agencies that organise the
 * activities.</li>
 * <li>Coverage figures: everyone signed in, viewers included; they hold no names.</li>
 * </ul>
 */
public final class OutreachRoles {

	static final Set<Role> STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
			Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.CASE_WORKER, Role.AGENCY_FOCAL_POINT);

	private OutreachRoles() {
	}

	public static boolean isStaff(SignedInUser user) {
		return user.roles().stream().anyMatch(STAFF::contains);
	}

	static SignedInUser requireStaff() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!isStaff(user)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}
}
