package vn.vongtay.identity.internal;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import vn.vongtay.identity.SignedInUser;

/** A request authenticated by a personal access token. */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final SignedInUser user;

	BearerTokenAuthentication(SignedInUser user) {
		super(user.getAuthorities());
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return user;
	}
}
