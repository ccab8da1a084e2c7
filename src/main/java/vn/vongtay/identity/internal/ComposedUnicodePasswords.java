package vn.vongtay.identity.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in composed Unicode ({@link PasswordPolicy#normalized(String)}): Vietnamese keyboards
 * send "ệ" either as one character or as "e" and two combining marks, and the same password must open the same account
 * from either. A hash made before this rule, of a password typed with combining marks, still matches what was typed.
 */
final class ComposedUnicodePasswords implements PasswordEncoder {

	private final PasswordEncoder hashing;

	ComposedUnicodePasswords(PasswordEncoder hashing) {
		this.hashing = hashing;
	}

	@Override
	public String encode(CharSequence raw) {
		return hashing.encode(PasswordPolicy.normalized(raw.toString()));
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (raw == null || encoded == null) {
			return false;
		}
		String typed = raw.toString();
		String composed = PasswordPolicy.normalized(typed);
		if (composed.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
			// no password that long was ever accepted, and bcrypt refuses to read it
			return false;
		}
		return hashing.matches(composed, encoded) || (!composed.equals(typed)
				&& typed.getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES
				&& hashing.matches(typed, encoded));
	}

	@Override
	public boolean upgradeEncoding(String encoded) {
		return hashing.upgradeEncoding(encoded);
	}
}
