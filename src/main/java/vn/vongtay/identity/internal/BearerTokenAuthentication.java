package vn.vongtay.identity.internal;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import vn.vongtay.identity.SignedInUser;

/** A request authenticated by a personal access token. */
public final class BearerTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final SignedInUser user;
	private final long tokenId;

	BearerTokenAuthentication(SignedInUser user, long tokenId) {
		super(user.getAuthorities());
		this.user = user;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	/** The token the request came with: the one the caller must not be surprised to see revoked. */
	public long tokenId() {
		return tokenId;
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
