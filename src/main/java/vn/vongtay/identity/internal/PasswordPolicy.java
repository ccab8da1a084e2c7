package vn.vongtay.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.VietnameseText;

/**
 * What a new password must be, after OWASP ASVS 4.0 section V2.1 (level 2): at least twelve characters (2.1.1), of any
 * kind, spaces and Vietnamese letters included (2.1.4), with no rule of composition (2.1.9); not one of the passwords
 * attackers try first, nor one of them with digits or symbols around it or letters swapped for look-alike digits
 * (2.1.7: a local list, {@code identity/common-passwords.txt}); not built on the account's own name or the system's
 * (the context words NIST SP 800-63B 5.1.1.2 names); and not a run of repeated or consecutive keys. At most 72 bytes,
 * the most bcrypt reads: 64 characters without diacritics fit (2.1.2), fewer with, and a password is never cut short
 * (2.1.3). Passwords are compared in composed Unicode ({@link #normalized(String)}), so one typed with a composing
 * Vietnamese keyboard (Unicode tổ hợp) matches the same typed with precomposed letters (Unicode dựng sẵn).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	/** What bcrypt reads of a password: a longer one would be refused by the encoder, or silently cut. */
	public static final int MAX_BYTES = 72;

	/** Below this many characters that are not predictable from the ones before, a password is a pattern. */
	private static final int MIN_SURPRISES = 5;

	private static final Set<String> SERVICE_WORDS = Set.of("vongtay", "treem", "matkhau");

	private static final List<String> KEYBOARD_ROWS = List.of("1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./");

	private static final Pattern NOT_LETTERS_AT_ENDS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final Set<String> common;

	PasswordPolicy() {
		this(load("identity/common-passwords.txt", "identity/common-passwords-vi.txt"));
	}

	PasswordPolicy(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/** The password as it is hashed and compared: composed Unicode, otherwise exactly as typed. */
	public static String normalized(String password) {
		return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFC);
	}

	/**
	 * What is wrong with the password for the account, as a problem of the form field: empty when it will do.
	 *
	 * @param displayName the account's name, whose letters the password must not merely repeat (may be null)
	 */
	public Optional<InputProblem> problem(String field, String password, String username, String displayName) {
		String typed = normalized(password == null ? "" : password);
		if (typed.codePointCount(0, typed.length()) < MIN_LENGTH) {
			return Optional.of(InputProblem.field(field, "error.password.too-short", MIN_LENGTH));
		}
		if (typed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of(InputProblem.field(field, "error.password.too-long", MAX_BYTES));
		}
		String compact = compact(typed);
		if (isCommon(compact)) {
			return Optional.of(InputProblem.field(field, "error.password.common"));
		}
		if (containsContext(compact, username, displayName)) {
			return Optional.of(InputProblem.field(field, "error.password.context"));
		}
		if (surprises(compact) < MIN_SURPRISES) {
			return Optional.of(InputProblem.field(field, "error.password.predictable"));
		}
		return Optional.empty();
	}

	/** Lower case, without diacritics or spaces: "Mật Khẩu 2026" and "matkhau2026" are one password to an attacker. */
	private static String compact(String text) {
		return SPACES.matcher(VietnameseText.fold(text)).replaceAll("");
	}

	/** The password itself, or the word inside its leading and trailing digits and symbols, with look-alikes undone. */
	private boolean isCommon(String compact) {
		String stem = NOT_LETTERS_AT_ENDS.matcher(compact).replaceAll("");
		return common.contains(compact) || common.contains(unleet(compact)) || common.contains(stem)
				|| common.contains(unleet(stem));
	}

	private static String unleet(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(switch (c) {
				case '@', '4' -> 'a';
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '$', '5' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return out.toString();
	}

	private static boolean containsContext(String compact, String username, String displayName) {
		List<String> words = new ArrayList<>(SERVICE_WORDS);
		if (username != null && username.strip().length() >= 4) {
			String name = username.strip().toLowerCase();
			words.add(name);
			for (String part : name.split("[._-]+")) {
				if (part.length() >= 5) {
					words.add(part);
				}
			}
		}
		if (displayName != null) {
			String name = compact(displayName);
			if (name.length() >= 6) {
				words.add(name);
			}
		}
		return words.stream().anyMatch(compact::contains);
	}

	/**
	 * How many characters could not be guessed from those before them: a character is predictable when it repeats the
	 * one before, follows or precedes it in the alphabet or along a row of the keyboard, or repeats one of the three
	 * before that (a short block said again: "abcabcabc", "1212").
	 */
	static int surprises(String compact) {
		int count = 0;
		for (int i = 0; i < compact.length(); i++) {
			if (!predictable(compact, i)) {
				count++;
			}
		}
		return count;
	}

	private static boolean predictable(String text, int i) {
		if (i == 0) {
			return false;
		}
		char c = text.charAt(i);
		char before = text.charAt(i - 1);
		if (c == before || Math.abs(c - before) == 1) {
			return true;
		}
		for (String row : KEYBOARD_ROWS) {
			int at = row.indexOf(c);
			int was = row.indexOf(before);
			if (at >= 0 && was >= 0 && Math.abs(at - was) == 1) {
				return true;
			}
		}
		for (int back = 2; back <= 4 && back <= i; back++) {
			if (text.charAt(i - back) == c) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load(String... resources) {
		Set<String> words = new HashSet<>();
		for (String resource : resources) {
			InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				reader.lines()
					.filter(line -> !line.isBlank() && !line.startsWith("#"))
					.map(PasswordPolicy::compact)
					.forEach(words::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return words;
	}
}
