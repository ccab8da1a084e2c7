package vn.vongtay.identity;

import java.time.Instant;
import java.util.Set;

/** A user as administrators see it. */
public record UserAccount(long id, String username, String displayName, String email, boolean enabled,
		int failedAttempts, Instant lockedUntil, Long agencyId, Set<Role> roles, Set<String> unitCodes,
		Set<Long> unitIds, int version) {

	public boolean isLocked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}
}
