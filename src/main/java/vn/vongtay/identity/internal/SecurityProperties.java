package vn.vongtay.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in is throttled (docs/decisions/0011-authentication.md) and how long tokens live.
 *
 * @param maxFailedLogins failed sign-ins in a row, to one account from one client address, after which that address
 *        waits before it may try that account again
 * @param lockoutDuration how long it waits the first time; each further lock of the same address doubles it, up to a
 *        day
 * @param accountMaxFailedLogins failed sign-ins to one account from all addresses together, within
 *        {@code accountLockoutDuration}, after which the account takes no sign-in from a browser that never signed in
 *        to it, for {@code accountLockoutDuration}
 * @param accountLockoutDuration the window in which failures to an account are counted, and how long it stays locked
 * @param tokenLifetime how long a personal access token is valid
 * @param secret the key that signs the cookie of a known browser; when blank, one drawn once and kept in the database
 *        for every instance ({@link vn.vongtay.core.SharedSecrets})
 */
@ConfigurationProperties("vongtay.security")
public record SecurityProperties(int maxFailedLogins, Duration lockoutDuration, int accountMaxFailedLogins,
		Duration accountLockoutDuration, Duration tokenLifetime, String secret) {

	public SecurityProperties {
		maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
		lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
		accountMaxFailedLogins = accountMaxFailedLogins <= 0 ? 100 : accountMaxFailedLogins;
		accountLockoutDuration = accountLockoutDuration == null ? Duration.ofHours(1) : accountLockoutDuration;
		tokenLifetime = tokenLifetime == null ? Duration.ofDays(90) : tokenLifetime;
		secret = secret == null ? "" : secret;
	}
}
