package vn.vongtay.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.SignedInUser;

/**
 * A person changes their own password, proving the current one first (OWASP ASVS 4.0, V2.1.5-6). The current password
 * is checked at the sign-in gate, so guessing it through this form is throttled like signing in. The new password
 * follows {@link PasswordPolicy}; every other session of the account then ends (a browser left signed in elsewhere,
 * perhaps by whoever learnt the old password). Tokens stay: they are listed beside the form, to be revoked one by one.
 */
@Component
public class PasswordChanges {

	private final SignInGate gate;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final UserAccounts accounts;
	private final AuditLog audit;
	private final Clock clock;

	PasswordChanges(SignInGate gate, PasswordPolicy policy, PasswordEncoder encoder, UserAccounts accounts,
			AuditLog audit, Clock clock) {
		this.clock = clock;
		this.gate = gate;
		this.policy = policy;
		this.encoder = encoder;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * @param confirmation the new password typed again, or null where nobody types it twice (the API)
	 * @param keptSessionIds the session in which the change is made, which stays open
	 * @throws UserFacingException 422 with a problem per field; 429 when the account is throttled for this client
	 */
	public void change(SignedInUser user, String current, String next, String confirmation, SignInClient client,
			Set<String> keptSessionIds) {
		List<InputProblem> problems = new ArrayList<>();
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
				user.getUsername(), current == null ? "" : current);
		attempt.setDetails(client);
		try {
			gate.authenticate(attempt);
		}
		catch (SignInGate.Throttled e) {
			throw new UserFacingException(429, "error.login.throttled", e.minutesLeft(clock.instant()));
		}
		catch (AuthenticationException e) {
			audit.record("PASSWORD_CHANGE_REFUSED", "User", user.id(), null, "current password wrong");
			problems.add(InputProblem.field("currentPassword", "error.password.current-wrong"));
		}
		policy.problem("newPassword", next, user.getUsername(), user.displayName()).ifPresent(problems::add);
		if (confirmation != null && !confirmation.equals(next)) {
			problems.add(InputProblem.field("newPasswordConfirmation", "error.password.confirmation"));
		}
		if (problems.isEmpty() && Objects.equals(PasswordPolicy.normalized(current), PasswordPolicy.normalized(next))) {
			problems.add(InputProblem.field("newPassword", "error.password.unchanged"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		accounts.changePassword(user.id(), encoder.encode(next), keptSessionIds);
		audit.record("PASSWORD_CHANGED", "User", user.id(), null,
				keptSessionIds.isEmpty() ? "every session ended" : "every other session ended");
	}
}
