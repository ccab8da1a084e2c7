package vn.vongtay.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.identity.SignedInUser;

/** Personal access tokens: random, shown once, stored as a SHA-256 digest, expiring. */
@Component
@Transactional
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final SecurityProperties properties;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.properties = properties;
	}

	public IssuedToken issue(SignedInUser user) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = Instant.now().plus(properties.tokenLifetime());
		jdbc.sql("INSERT INTO identity.api_token (user_id, token_hash, expires_at) VALUES (:user, :hash, :expires)")
			.param("user", user.id())
			.param("hash", digest(token))
			.param("expires", java.sql.Timestamp.from(expiresAt))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	/** The user behind a valid, unexpired, unrevoked token whose account is enabled and not locked. */
	public Optional<SignedInUser> authenticate(String token) {
		return jdbc.sql("""
				UPDATE identity.api_token SET last_used_at = now()
				WHERE token_hash = :hash AND NOT revoked AND expires_at > now()
				RETURNING user_id""")
			.param("hash", digest(token))
			.query(Long.class)
			.optional()
			.flatMap(accounts::signedInById)
			.filter(user -> user.isEnabled() && user.isAccountNonLocked());
	}

	private static String digest(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}
}
