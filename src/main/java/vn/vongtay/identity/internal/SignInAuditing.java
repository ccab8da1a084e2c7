package vn.vongtay.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.identity.SignedInUser;

/**
 * Writes every sign-in, failure and lockout to the audit log, and locks an account after repeated failures.
 */
@Component
class SignInAuditing {

	private final UserAccounts accounts;
	private final AuditLog audit;
	private final SecurityProperties properties;

	SignInAuditing(UserAccounts accounts, AuditLog audit, SecurityProperties properties) {
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user
				&& !(event.getAuthentication() instanceof BearerTokenAuthentication)) {
			accounts.recordSuccess(user.id());
			audit.recordAs(user.getUsername(), "LOGIN", "User", user.id(), null, null);
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
		if (event instanceof AuthenticationFailureLockedEvent) {
			audit.recordAs(username, "LOGIN_REFUSED_LOCKED", "User", username, null, null);
			return;
		}
		audit.recordAs(username, "LOGIN_FAILED", "User", username, null, event.getException().getClass().getSimpleName());
		if (event instanceof AuthenticationFailureBadCredentialsEvent
				&& accounts.recordFailure(username, properties.maxFailedLogins(), properties.lockoutDuration())) {
			audit.recordAs(username, "ACCOUNT_LOCKED", "User", username, null,
					"after " + properties.maxFailedLogins() + " failed sign-ins");
		}
	}
}
