package vn.vongtay.identity.internal;

import java.time.Instant;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;

/**
 * Every check of a password passes here — the sign-in form, a token asked for through the API, the current password
 * of a password change: first the throttle ({@link SignInThrottle}), then the password, then the account's state. The
 * password is checked before the state, and a name no account has is checked against a stand-in hash, so that a
 * disabled, an existing and an unknown account take the same work and get the same answer to a wrong password; only
 * who knows the password learns that the account is disabled.
 */
@Component
public class SignInGate implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInThrottle throttle;
	private final AuditLog audit;

	SignInGate(AccountDetailsService accounts, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String account = SignInThrottle.account(attempt.getName());
		SignInClient client = attempt.getDetails() instanceof SignInClient known ? known : new SignInClient(null, false);
		SignInThrottle.Verdict verdict = throttle.admit(account, client);
		if (!verdict.admitted()) {
			audit.recordAs(account, "LOGIN_REFUSED_THROTTLED", "User", account, null,
					"until " + verdict.refusedUntil().get());
			throw new Throttled(verdict.refusedUntil().get());
		}
		try {
			Authentication result = passwords.authenticate(attempt);
			throttle.succeeded(account, client);
			return result;
		}
		catch (AccountStatusException e) {
			// the password was right: nothing to count against the account
			throttle.succeeded(account, client);
			throw e;
		}
		catch (BadCredentialsException e) {
			throttle.failed(account);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Refused before the password is checked: this client has tried the account too often, or the account is locked. */
	public static final class Throttled extends AuthenticationException {

		private final transient Instant until;

		Throttled(Instant until) {
			super("too many failed sign-ins; try again after " + until);
			this.until = until;
		}

		public Instant until() {
			return until;
		}

		/** Whole minutes left, at least one: what the person is told to wait. */
		public long minutesLeft(Instant now) {
			return Math.max(1, (java.time.Duration.between(now, until).toSeconds() + 59) / 60);
		}
	}
}
