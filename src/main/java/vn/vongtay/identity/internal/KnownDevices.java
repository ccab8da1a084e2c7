package vn.vongtay.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import vn.vongtay.core.SharedSecrets;

/**
 * Browsers an account has signed in from before: after a sign-in the browser keeps a cookie signed by the server for
 * that account (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"). While an account is locked against the
 * many addresses guessing its password, its owner, from a browser they signed in with, still signs in with the right
 * password ({@link SignInThrottle}): an attacker can slow an account down but not keep its owner out. A commune's
 * computer is often shared, so one cookie remembers the last few accounts; it names none of them, holding only a
 * signature per account.
 */
@Component
public class KnownDevices {

	static final String COOKIE = "vongtay-device";

	/** Long enough to span leave and the months between reporting periods; a year would outlive most staff changes. */
	private static final Duration LIFETIME = Duration.ofDays(180);

	private static final int ACCOUNTS_PER_BROWSER = 5;

	private final Supplier<byte[]> key;
	private final Clock clock;

	KnownDevices(SecurityProperties properties, Clock clock, SharedSecrets secrets) {
		this.clock = clock;
		if (properties.secret().isBlank()) {
			// one key for every instance and across restarts, read on first use (docs/deploy.md, section 1)
			this.key = () -> secrets.key("identity.known-devices");
		}
		else {
			byte[] configured = properties.secret().getBytes(StandardCharsets.UTF_8);
			this.key = () -> configured;
		}
	}

	/** True when the request carries an unexpired signature of this server for the account. */
	public boolean recognises(HttpServletRequest request, String username) {
		String account = SignInThrottle.account(username);
		long now = clock.instant().getEpochSecond();
		return entries(request).stream().anyMatch(entry -> valid(entry, account, now));
	}

	/** Remembers the browser for the account, keeping the other accounts it remembers that are still valid. */
	public void remember(HttpServletRequest request, HttpServletResponse response, String username) {
		String account = SignInThrottle.account(username);
		long now = clock.instant().getEpochSecond();
		List<String> kept = new ArrayList<>();
		kept.add(now + "." + sign(account, now));
		for (String entry : entries(request)) {
			if (kept.size() < ACCOUNTS_PER_BROWSER && !valid(entry, account, now) && !expired(entry, now)) {
				kept.add(entry);
			}
		}
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, String.join("~", kept))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(LIFETIME)
			.build()
			.toString());
	}

	private static List<String> entries(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return List.of();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
				return List.of(cookie.getValue().split("~"));
			}
		}
		return List.of();
	}

	private boolean valid(String entry, String account, long now) {
		int dot = entry.indexOf('.');
		if (dot <= 0 || expired(entry, now)) {
			return false;
		}
		long issued = Long.parseLong(entry.substring(0, dot));
		return MessageDigest.isEqual(sign(account, issued).getBytes(StandardCharsets.US_ASCII),
				entry.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean expired(String entry, long now) {
		int dot = entry.indexOf('.');
		try {
			long issued = Long.parseLong(entry.substring(0, Math.max(dot, 0)));
			return issued > now || now - issued > LIFETIME.toSeconds();
		}
		catch (NumberFormatException e) {
			return true;
		}
	}

	private String sign(String account, long issued) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
			byte[] signature = mac.doFinal(("device|" + account + "|" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
