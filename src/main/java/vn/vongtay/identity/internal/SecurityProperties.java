package vn.vongtay.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins failed sign-ins in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 * @param tokenLifetime how long a personal access token is valid
 */
@ConfigurationProperties("vongtay.security")
public record SecurityProperties(int maxFailedLogins, Duration lockoutDuration, Duration tokenLifetime) {

	public SecurityProperties {
		maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
		lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
		tokenLifetime = tokenLifetime == null ? Duration.ofDays(90) : tokenLifetime;
	}
}
