package vn.vongtay.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A user as administrators see it.
 *
 * @param lockedUntil until when sign-in to the account is held back, from every browser it never signed in with or
 *        from at least one address (the latest of those locks), or null
 */
public record UserAccount(long id, String username, String displayName, String email, boolean enabled,
		Instant lockedUntil, Long agencyId, Set<Role> roles, Set<String> unitCodes,
		Set<Long> unitIds, int version) {

	/** Whether sign-in is held back at {@code now} (the application's clock, never the JVM's). */
	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
