package vn.vongtay.casework;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.SharedSecrets;
import vn.vongtay.core.UserFacingException;

/**
 * The public page where anyone reports a concern without an account. What keeps robots and floods out, without a
 * third-party captcha: a field people do not see and robots fill; a signed form token, so that a submission comes from
 * a form this server showed, at least a few seconds and at most two hours earlier, and sent once; and a limit per client
 * (a keyed hash of the address, never the address) per hour and per day, counted and recorded in one step in the
 * database so that reports sent at once cannot pass it together and every instance shares it. The address is the
 * connection's, or the one a trusted reverse proxy names ({@code server.tomcat.remoteip.internal-proxies}); a client
 * cannot name itself. The signing key is shared by every instance through the database ({@link SharedSecrets})
 * unless {@code vongtay.casework.public-form-secret} sets one.
 */
@Component
@Transactional
public class PublicIntake {

	private static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
	private static final Duration MAX_FORM_AGE = Duration.ofHours(2);

	private final JdbcClient jdbc;
	private final Reports reports;
	private final Clock clock;
	private final Supplier<byte[]> secret;
	private final SecureRandom random = new SecureRandom();
	private final int perHour;
	private final int perDay;

	PublicIntake(JdbcClient jdbc, Reports reports, Clock clock, SharedSecrets secrets,
			@Value("${vongtay.casework.public-form-secret:}") String secret,
			@Value("${vongtay.casework.public-reports-per-hour:5}") int perHour,
			@Value("${vongtay.casework.public-reports-per-day:20}") int perDay) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.clock = clock;
		if (secret.isBlank()) {
			// read on first use, not at start: the schema may not be migrated yet when this bean is made
			this.secret = () -> secrets.key("casework.public-form");
		}
		else {
			byte[] configured = secret.getBytes(StandardCharsets.UTF_8);
			this.secret = () -> configured;
		}
		this.perHour = perHour;
		this.perDay = perDay;
	}

	/** A token for a form shown now: its time, a random part that makes it one of its kind, and a signature. */
	public String formToken() {
		byte[] nonce = new byte[9];
		random.nextBytes(nonce);
		String issued = clock.instant().getEpochSecond() + "." + HexFormat.of().formatHex(nonce);
		return issued + "." + sign(issued);
	}

	/**
	 * Records a report from the public page after the checks.
	 *
	 * @param trap the field people do not see: anything in it means a robot
	 * @throws UserFacingException 400 for a missing or forged token or a filled trap, 429 beyond the client's limit
	 */
	public Reports.Receipt submit(ReportDraft draft, String token, String trap, String clientAddress) {
		if (trap != null && !trap.isBlank()) {
			throw UserFacingException.invalid("casework.error.public-form-invalid");
		}
		Instant issued = verified(token);
		Instant now = clock.instant();
		if (issued == null || issued.isAfter(now) || Duration.between(issued, now).compareTo(MAX_FORM_AGE) > 0) {
			throw UserFacingException.invalid("casework.error.public-form-expired");
		}
		if (Duration.between(issued, now).compareTo(MIN_FILL_TIME) < 0) {
			throw UserFacingException.invalid("casework.error.public-form-invalid");
		}
		String client = sign("client:" + (clientAddress == null ? "" : clientAddress));
		// one client's reports are counted and recorded one at a time, on every instance: the count and the record
		// are one step, so reports sent all at once cannot all pass a count that none of them is in yet
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "public-report:" + client)
			.query().singleRow();
		jdbc.sql("DELETE FROM casework.public_submission WHERE submitted_at < :before")
			.param("before", at(now.minus(Duration.ofDays(2))))
			.update();
		long lastHour = count(client, now.minus(Duration.ofHours(1)));
		long lastDay = count(client, now.minus(Duration.ofDays(1)));
		if (lastHour >= perHour || lastDay >= perDay) {
			throw new UserFacingException(429, "casework.error.public-rate-limit", List.<InputProblem>of());
		}
		// one form is sent once: a robot replaying a token it was given gets nothing more
		int fresh = jdbc.sql("""
				INSERT INTO casework.public_submission (client_hash, token_hash, submitted_at) VALUES (:client, :token, :at)
				ON CONFLICT (token_hash) DO NOTHING""")
			.param("client", client)
			.param("token", sign("token:" + token))
			.param("at", at(now))
			.update();
		if (fresh == 0) {
			throw UserFacingException.invalid("casework.error.public-form-used");
		}
		return reports.receiveFromPublic(draft);
	}

	private long count(String client, Instant since) {
		return jdbc.sql("""
				SELECT count(*) FROM casework.public_submission WHERE client_hash = :client AND submitted_at > :since""")
			.param("client", client)
			.param("since", at(since))
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private Instant verified(String token) {
		if (token == null || token.lastIndexOf('.') <= token.indexOf('.')) {
			return null;
		}
		String issued = token.substring(0, token.lastIndexOf('.'));
		String signature = token.substring(token.lastIndexOf('.') + 1);
		if (!java.security.MessageDigest.isEqual(sign(issued).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8))) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(issued.substring(0, issued.indexOf('.'))));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
