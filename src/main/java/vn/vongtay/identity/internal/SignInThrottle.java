package vn.vongtay.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;

/**
 * Slows password guessing down without handing anyone a way to keep an account locked (OWASP ASVS 4.0, V2.2.1;
 * docs/decisions/0011-authentication.md):
 * <ul>
 * <li>failures are counted per account name and client address: after {@code maxFailedLogins} in a row that address
 * waits {@code lockoutDuration} before it may try the account again, twice as long after each further lock, up to a
 * day. Its owner elsewhere, and any other account from the same address, are not affected;</li>
 * <li>failures to one account from all addresses together are counted too: past {@code accountMaxFailedLogins} within
 * {@code accountLockoutDuration} the account takes no sign-in, for that long, from a browser that never signed in to
 * it, and its open sessions end (one of the guesses may have been right). Its owner, from a browser they signed in with
 * ({@link KnownDevices}), still signs in: an attacker cannot keep them out;</li>
 * <li>a name no account has is counted and answered exactly like one that exists, so the answers reveal nothing.</li>
 * </ul>
 * An attempt is counted before its password is checked, so that parallel attempts cannot slip past the limit together.
 */
@Component
@Transactional
public class SignInThrottle {

	/** The longest an address waits: its owner, at an office, waits at most a day, or asks an administrator. */
	private static final Duration LONGEST_LOCK = Duration.ofDays(1);

	/** Taken by the instance that forgets old attempts, so that only one does. */
	private static final long CLEANUP_LOCK = 0x76740040L;

	private final JdbcClient jdbc;
	private final SecurityProperties properties;
	private final AccountSessions sessions;
	private final AuditLog audit;

	SignInThrottle(JdbcClient jdbc, SecurityProperties properties, AccountSessions sessions, AuditLog audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.sessions = sessions;
		this.audit = audit;
	}

	/** The account an attempt is for, as the throttle counts it: whatever was typed, whether or not an account has it. */
	public static String account(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

	/** Whether an attempt may have its password checked; when not, until when it must wait. */
	public record Verdict(Optional<Instant> refusedUntil) {

		public boolean admitted() {
			return refusedUntil.isEmpty();
		}
	}

	/** Counts the attempt, unless it is refused: the account is locked to unknown browsers, or the address waits. */
	public Verdict admit(String account, SignInClient client) {
		if (!client.knownDevice()) {
			Optional<Instant> locked = jdbc.sql("""
					SELECT locked_until FROM identity.sign_in_lock WHERE account = :account AND locked_until > now()""")
				.param("account", account)
				.query(Timestamp.class)
				.optional()
				.map(Timestamp::toInstant);
			if (locked.isPresent()) {
				return new Verdict(locked);
			}
		}
		Attempts attempts = jdbc.sql("""
				INSERT INTO identity.sign_in_attempt AS t (account, client_address, failures, last_attempt_at)
				VALUES (:account, :client, 1, now())
				ON CONFLICT (account, client_address) DO UPDATE SET
				  failures = CASE WHEN t.locked_until > now() THEN t.failures
				                  WHEN t.last_attempt_at < now() - INTERVAL '1 day' THEN 1
				                  ELSE t.failures + 1 END,
				  locks = CASE WHEN t.locked_until > now() THEN t.locks
				               WHEN t.last_attempt_at < now() - INTERVAL '1 day' THEN 0
				               ELSE t.locks END,
				  last_attempt_at = CASE WHEN t.locked_until > now() THEN t.last_attempt_at ELSE now() END
				RETURNING failures, locks, CASE WHEN locked_until > now() THEN locked_until END AS locked_until""")
			.param("account", account)
			.param("client", client.address())
			.query((rs, n) -> new Attempts(rs.getInt("failures"), rs.getInt("locks"),
					Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant)))
			.single();
		if (attempts.lockedUntil().isPresent()) {
			return new Verdict(attempts.lockedUntil());
		}
		if (attempts.failures() >= properties.maxFailedLogins()) {
			// this attempt is still checked; the next ones from this address wait
			Duration wait = lock(attempts.locks());
			jdbc.sql("""
					UPDATE identity.sign_in_attempt
					SET failures = 0, locks = locks + 1, locked_until = now() + CAST(:wait AS interval)
					WHERE account = :account AND client_address = :client""")
				.param("wait", wait.toSeconds() + " seconds")
				.param("account", account)
				.param("client", client.address())
				.update();
			audit.recordAs(account, "SIGN_IN_THROTTLED", "User", account, null, "address " + client.address()
					+ " waits " + wait.toMinutes() + " min after " + properties.maxFailedLogins() + " failed sign-ins");
		}
		return new Verdict(Optional.empty());
	}

	/** The right password: the attempt counted from this address is forgiven, and its earlier failures with it. */
	public void succeeded(String account, SignInClient client) {
		jdbc.sql("""
				UPDATE identity.sign_in_attempt SET failures = 0, locks = 0, locked_until = NULL
				WHERE account = :account AND client_address = :client""")
			.param("account", account)
			.param("client", client.address())
			.update();
	}

	/** A wrong password: counts against the account from all addresses, and locks it past the limit. */
	public void failed(String account) {
		String window = properties.accountLockoutDuration().toSeconds() + " seconds";
		boolean locks = jdbc.sql("""
				INSERT INTO identity.sign_in_lock AS l (account, failures, window_started_at) VALUES (:account, 1, now())
				ON CONFLICT (account) DO UPDATE SET
				  failures = CASE WHEN l.window_started_at < now() - CAST(:window AS interval) THEN 1 ELSE l.failures + 1 END,
				  window_started_at = CASE WHEN l.window_started_at < now() - CAST(:window AS interval) THEN now()
				                           ELSE l.window_started_at END
				RETURNING failures >= :max AND (locked_until IS NULL OR locked_until <= now())""")
			.param("account", account)
			.param("window", window)
			.param("max", properties.accountMaxFailedLogins())
			.query(Boolean.class)
			.single();
		if (locks) {
			jdbc.sql("""
					UPDATE identity.sign_in_lock SET locked_until = now() + CAST(:window AS interval), failures = 0,
					       window_started_at = now()
					WHERE account = :account""")
				.param("window", window)
				.param("account", account)
				.update();
			audit.recordAs(account, "ACCOUNT_LOCKED", "User", account, null,
					properties.accountMaxFailedLogins() + " failed sign-ins within "
							+ properties.accountLockoutDuration().toMinutes() + " min; open sessions ended");
			sessions.endAll(account);
		}
	}

	/** Lifts every lock of the account: the account-wide one and those of each address. */
	public void unlock(String account) {
		jdbc.sql("DELETE FROM identity.sign_in_attempt WHERE account = :account").param("account", account).update();
		jdbc.sql("DELETE FROM identity.sign_in_lock WHERE account = :account").param("account", account).update();
	}

	/** Forgets the counts no lock needs any more, among them those of names no account has. */
	@Scheduled(cron = "${vongtay.security.cleanup-cron:0 50 3 * * *}", zone = "Asia/Ho_Chi_Minh")
	public void forgetOldAttempts() {
		if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", CLEANUP_LOCK).query(Boolean.class)
			.single()) {
			return;
		}
		jdbc.sql("""
				DELETE FROM identity.sign_in_attempt
				WHERE last_attempt_at < now() - INTERVAL '1 day' AND (locked_until IS NULL OR locked_until < now())""")
			.update();
		jdbc.sql("""
				DELETE FROM identity.sign_in_lock
				WHERE window_started_at < now() - CAST(:window AS interval) AND (locked_until IS NULL OR locked_until < now())""")
			.param("window", properties.accountLockoutDuration().toSeconds() + " seconds")
			.update();
	}

	private Duration lock(int locksBefore) {
		Duration wait = properties.lockoutDuration().multipliedBy(1L << Math.min(locksBefore, 16));
		return wait.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : wait;
	}

	private record Attempts(int failures, int locks, Optional<Instant> lockedUntil) {
	}
}
