package vn.vongtay.identity.internal;

import java.util.Collection;
import java.util.Optional;

import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;

/**
 * Who administers whom (docs/decisions/0009-need-to-know.md, "Who administers whom"). An administrator changes an
 * account only when every unit it answers for lies within the administrator's jurisdiction — otherwise a change would
 * take away, or decide on, units that are someone else's to administer — and only when none of its roles stands above
 * the administrator's own ({@link Role#administrativeLevel()}); and never their own account, so that nobody widens,
 * or by mistake ends, their own access.
 */
public final class AdministrationRules {

	private AdministrationRules() {
	}

	/** The message key saying why the administrator may not change the account, or empty when they may. */
	public static Optional<String> refusal(SignedInUser administrator, UserAccount account,
			boolean whollyWithinJurisdiction) {
		if (!administrator.may(NeedToKnow.Data.ACCOUNTS, NeedToKnow.Use.WRITE)) {
			return Optional.of("error.access-denied");
		}
		if (administrator.id() == account.id()) {
			return Optional.of("error.user.not-yourself");
		}
		if (!whollyWithinJurisdiction) {
			return Optional.of("error.user.beyond-jurisdiction");
		}
		if (highestLevel(account.roles()) > administrator.administrativeLevel()) {
			return Optional.of("error.user.higher-role");
		}
		return Optional.empty();
	}

	/** The first of the roles the administrator may not grant, being above their own. */
	public static Optional<Role> firstAbove(SignedInUser administrator, Collection<Role> roles) {
		return roles.stream().filter(r -> r.administrativeLevel() > administrator.administrativeLevel()).findFirst();
	}

	private static int highestLevel(Collection<Role> roles) {
		return roles.stream().mapToInt(Role::administrativeLevel).max().orElse(0);
	}
}
