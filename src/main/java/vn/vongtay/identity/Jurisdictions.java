package vn.vongtay.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.Units;

/**
 * The one place that says what the caller may see. Records outside the caller's jurisdiction are answered as not found,
 * so that their existence is not disclosed either.
 */
@Component
public class Jurisdictions {

	private final Units units;

	Jurisdictions(Units units) {
		this.units = units;
	}

	public Jurisdiction current() {
		return currentUser().map(SignedInUser::jurisdiction).orElse(Jurisdiction.NONE);
	}

	public boolean covers(long unitId) {
		return units.reaches(current().rootUnitIds(), unitId);
	}

	/**
	 * The codes of the provinces whose records the caller's jurisdiction may reach: where a search of records
	 * partitioned by province needs to look. The jurisdiction filter ({@link Jurisdiction#restrict(String)}) still
	 * decides what is returned.
	 */
	public java.util.List<String> provinceCodes() {
		return units.provinceCodesReached(current().rootUnitIds());
	}

	/** @throws UserFacingException 404 when the unit lies outside the caller's jurisdiction */
	public void requireWithin(long unitId, String notFoundKey, Object... arguments) {
		if (!covers(unitId)) {
			throw UserFacingException.notFound(notFoundKey, arguments);
		}
	}

	/**
	 * Runs work that no person asked for (loading demo data, a scheduled job) as the system: an administrator of the
	 * whole country, named in the audit log, never able to sign in.
	 */
	public void runAsSystem(String name, Runnable work) {
		SignedInUser system = new SignedInUser(0, name, name, java.util.Set.of(Role.SYSTEM_ADMIN),
				java.util.Set.of(units.nation().id()), null, java.util.Set.of(), true, null);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static java.util.Optional<SignedInUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return java.util.Optional.of(user);
		}
		return java.util.Optional.empty();
	}

	public static SignedInUser requireUser() {
		return currentUser().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("anonymous"));
	}
}
