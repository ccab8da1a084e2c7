package vn.vongtay.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.SignedInUser;

/**
 * Personal access tokens: random, shown once, stored as a SHA-256 digest, expiring; listed to their owner and revoked
 * by them. Each use reads the account afresh, so a disabled account's tokens stop at once.
 */
@Component
@Transactional
public class ApiTokens {

	/** The most tokens listed: a person keeps a few; the rest are old tokens of a script that asks for one per run. */
	public static final int LISTED = 100;

	private static final int LABEL_LENGTH = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final SecurityProperties properties;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, SecurityProperties properties, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.properties = properties;
	}

	public IssuedToken issue(SignedInUser user, String label) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = clock.instant().plus(properties.tokenLifetime());
		String name = VietnameseText.clean(label);
		long id = jdbc.sql("""
				INSERT INTO identity.api_token (user_id, token_hash, expires_at, label)
				VALUES (:user, :hash, :expires, :label) RETURNING id""")
			.param("user", user.id())
			.param("hash", digest(token))
			.param("expires", Timestamp.from(expiresAt))
			.param("label", name == null ? null : name.substring(0, Math.min(name.length(), LABEL_LENGTH)))
			.query(Long.class)
			.single();
		return new IssuedToken(id, token, expiresAt);
	}

	/** The user behind a valid, unexpired, unrevoked token whose account is enabled, and which token it is. */
	public Optional<TokenUse> authenticate(String token) {
		return jdbc.sql("""
				UPDATE identity.api_token SET last_used_at = now()
				WHERE token_hash = :hash AND NOT revoked AND expires_at > now()
				RETURNING id, user_id""")
			.param("hash", digest(token))
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("user_id") })
			.optional()
			.flatMap(ids -> accounts.signedInById(ids[1])
				.filter(SignedInUser::isEnabled)
				.map(user -> new TokenUse(user, ids[0])));
	}

	/** The user's tokens still valid, newest first (at most {@link #LISTED}). */
	@Transactional(readOnly = true)
	public List<Token> of(SignedInUser user) {
		return jdbc.sql("""
				SELECT id, label, created_at, last_used_at, expires_at FROM identity.api_token
				WHERE user_id = :user AND NOT revoked AND expires_at > now()
				ORDER BY created_at DESC, id DESC LIMIT :limit""")
			.param("user", user.id())
			.param("limit", LISTED)
			.query((rs, n) -> new Token(rs.getLong("id"), rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	/** How many valid tokens the user has, listed or not. */
	@Transactional(readOnly = true)
	public long countOf(SignedInUser user) {
		return jdbc.sql("SELECT count(*) FROM identity.api_token WHERE user_id = :user AND NOT revoked AND expires_at > now()")
			.param("user", user.id())
			.query(Long.class)
			.single();
	}

	/** Revokes one of the user's tokens; false when the user has no valid token of that id. */
	public boolean revoke(SignedInUser user, long tokenId) {
		return jdbc.sql("""
				UPDATE identity.api_token SET revoked = TRUE, revoked_at = now()
				WHERE id = :id AND user_id = :user AND NOT revoked AND expires_at > now()""")
			.param("id", tokenId)
			.param("user", user.id())
			.update() == 1;
	}

	private static String digest(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record IssuedToken(long id, String token, Instant expiresAt) {
	}

	/** A token as its owner sees it in the list: never the token itself, which is kept only as a digest. */
	public record Token(long id, String label, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

	/** A request made with a token: who, and with which token. */
	public record TokenUse(SignedInUser user, long tokenId) {
	}
}
