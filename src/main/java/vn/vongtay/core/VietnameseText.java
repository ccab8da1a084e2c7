package vn.vongtay.core;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as officials type it: composed (NFC) for storage, folded (no diacritics, lower case, đ as d) for
 * matching, and sorted in Vietnamese alphabetical order.
 */
public final class VietnameseText {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/** Vietnamese alphabetical order (a ă â b c d đ e ê ...), tones after letters, for sorting names in lists. */
	public static Comparator<String> alphabetical() {
		Collator collator = Collator.getInstance(VIETNAMESE);
		collator.setStrength(Collator.TERTIARY);
		return collator::compare;
	}

	/** Composed Unicode with runs of white space collapsed, or {@code null} for blank input. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String composed = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
		return composed.isEmpty() ? null : composed;
	}

	/** "Nguyễn Văn Đức" becomes "nguyen van duc": the same folding as the database function {@code vn_fold}. */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
		return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
	}
}
