package vn.vongtay.prostitution;

import java.util.EnumSet;
import java.util.Set;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Who may do what in prostitution prevention, always within their jurisdiction.
 * <ul>
 * <li>Prevention staff (establishments, teams, inspections, tip-offs): system administrators, province, district and
 * commune officers, commune chairmen and inspectors, the people the plans charge with this work.</li>
 * <li>Social services (support records of people who sell sex): province, district and commune officers and case
 * workers, who deliver the services. Never inspectors (they sanction the same people), viewers, chairmen, hotline
 * operators, collaborators, agency focal points, nor system administrators, who run accounts, not cases.</li>
 * <li>Figures: everyone signed in; counts of people are suppressed below the small-count threshold for anyone outside
 * social services, viewers included.</li>
 * </ul>
 */
public final class ProstitutionRoles {

	static final Set<Role> PREVENTION_STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER,
			Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.INSPECTOR);

	static final Set<Role> SOCIAL_SERVICES = EnumSet.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
			Role.COMMUNE_OFFICER, Role.CASE_WORKER);

	private ProstitutionRoles() {
	}

	public static boolean isPreventionStaff(SignedInUser user) {
		return user.roles().stream().anyMatch(PREVENTION_STAFF::contains);
	}

	public static boolean servesPeople(SignedInUser user) {
		return user.roles().stream().anyMatch(SOCIAL_SERVICES::contains);
	}

	static SignedInUser requirePreventionStaff() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!isPreventionStaff(user)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	static SignedInUser requireSocialServices() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!servesPeople(user)) {
			throw new UserFacingException(403, "prostitution.error.social-services-only");
		}
		return user;
	}
}
