package vn.vongtay.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.identity.SignedInUser;

/**
 * Writes every sign-in and every refused one to the audit log. Throttling and locks are the gate's
 * ({@link SignInGate}, {@link SignInThrottle}), which audit their own refusals.
 */
@Component
class SignInAuditing {

	private final AuditLog audit;

	SignInAuditing(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user
				&& !(event.getAuthentication() instanceof BearerTokenAuthentication)) {
			audit.recordAs(user.getUsername(), "LOGIN", "User", user.id(), null, null);
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String username = SignInThrottle.account(event.getAuthentication().getName());
		audit.recordAs(username, "LOGIN_FAILED", "User", username, null, event.getException().getClass().getSimpleName());
	}
}
