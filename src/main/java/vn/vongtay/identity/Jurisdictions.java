package vn.vongtay.identity;

import org.springframework.security.core.Authentication;
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

	/** @throws UserFacingException 404 when the unit lies outside the caller's jurisdiction */
	public void requireWithin(long unitId, String notFoundKey, Object... arguments) {
		if (!covers(unitId)) {
			throw UserFacingException.notFound(notFoundKey, arguments);
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
