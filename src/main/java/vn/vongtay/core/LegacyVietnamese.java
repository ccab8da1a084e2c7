package vn.vongtay.core;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vietnamese typed before Unicode, as it reaches us from old commune Excel files and CSV exports.
 * <p>
 * Legacy fonts did not change the bytes, only the glyphs: a cell typed in {@code .VnTime} (TCVN3) or {@code VNI-Times}
 * (VNI) holds ordinary Windows-1252 characters that the font happened to draw as Vietnamese letters. POI and CSV
 * readers therefore hand us text such as {@code "NguyÔn V¨n An"} (TCVN3) or {@code "Nguyeãn Vaên An"} (VNI) for
 * "Nguyễn Văn An". This class recognises such text and maps it back to composed Unicode (NFC).
 * <p>
 * Known limits, by construction of the legacy encodings:
 * <ul>
 * <li>TCVN3 (VN3) has no capital letters with tone marks; offices typed capitals by switching to the {@code .VnTimeH}
 * font, which draws the lowercase codes as capitals. The cell text does not say which font was used, so such text
 * comes out with its Vietnamese letters in lower case ({@code "NGUYÔN"} becomes {@code "NGUYễN"}); the case cannot be
 * recovered from the text alone.</li>
 * <li>Detection looks at one cell. A short cell whose legacy reading and Unicode reading are both plausible Vietnamese
 * (TCVN3 {@code "Tó"} is "Tú", but "Tó" is also a syllable) is left as it is; one that is plausible in both legacy
 * encodings (VNI "Tæn" is Tỉn, TCVN3 "Tæn" is Tổn) is read as TCVN3; a one-word foreign cell can be taken for legacy
 * (French "où" reads as VNI "ó"). Names that are not Vietnamese syllables (many Ê Đê and Jarai names) count against
 * detection. An importer that knows a whole column is legacy should call {@link #toUnicode(String, Encoding)} with
 * that encoding.</li>
 * <li>A cell that already holds a Unicode-only letter (ă, đ, ơ, ư, ễ...) is Unicode: cells partly retyped in Unicode
 * and partly legacy are left as they are.</li>
 * </ul>
 */
public final class LegacyVietnamese {

	public enum Encoding {
		UNICODE, TCVN3, VNI
	}

	/*
	 * TCVN 5712:1993 VN3, the code page of the ABC keyboard and the .VnTime/.VnArial fonts: code points 0xA0 to 0xFF
	 * in rows of sixteen, '-' where VN3 defines no letter. VN3 is the subset of VN1 that keeps all 67 lowercase letters
	 * and only seven capitals (Ă Â Ê Ô Ơ Ư Đ, at 0xA1-0xA7), 74 letters in all. The other 60 capitals of VN1 (which
	 * makes VN1's 134) live in control codes, in 0x80-0x9F (where Windows-1252 has € and curly quotes) and in the gaps
	 * marked '-' below; VN3 fonts leave those positions empty, so they are deliberately not mapped here.
	 *
	 * Source: GNU libiconv, lib/tcvn.h (table tcvn_2uni_2, "TCVN-5712"), restricted to the VN3 positions; every one of
	 * the 74 entries was cross-checked against the TCVN3 table of duydev/vietnamese-conversion (src/charsets.ts).
	 */
	private static final String[] TCVN3_ROWS = {
			/* 0xA0 */ "-ĂÂÊÔƠƯĐăâêôơưđ-",
			/* 0xB0 */ "-----àảãáạ-ằẳẵắ-",
			/* 0xC0 */ "------ặầẩẫấậè-ẻẽ",
			/* 0xD0 */ "éẹềểễếệìỉ---ĩíịò",
			/* 0xE0 */ "-ỏõóọồổỗốộờởỡớợù",
			/* 0xF0 */ "-ủũúụừửữứựỳỷỹýỵ-" };

	/*
	 * VNI for Windows (VNI-Times and the other VNI fonts): a base letter followed by a separate mark character; i, the
	 * heavy tone on y, ơ, ư and đ are single characters. Each row lists the Unicode letters and their VNI spellings
	 * in the same order (no tone, sắc, huyền, hỏi, ngã, nặng). Capitals are the same strings in upper case
	 * ("AÙ" for Á). Source: the VNI table of xvnkb (lamdao/xvnkb, vni.h), cross-checked against
	 * duydev/vietnamese-conversion (src/charsets.ts); the two agree on all 134 letters.
	 */
	private static final String[][] VNI_ROWS = {
			{ "a á à ả ã ạ", "a aù aø aû aõ aï" },
			{ "ă ắ ằ ẳ ẵ ặ", "aê aé aè aú aü aë" },
			{ "â ấ ầ ẩ ẫ ậ", "aâ aá aà aå aã aä" },
			{ "e é è ẻ ẽ ẹ", "e eù eø eû eõ eï" },
			{ "ê ế ề ể ễ ệ", "eâ eá eà eå eã eä" },
			{ "i í ì ỉ ĩ ị", "i í ì æ ó ò" },
			{ "o ó ò ỏ õ ọ", "o où oø oû oõ oï" },
			{ "ô ố ồ ổ ỗ ộ", "oâ oá oà oå oã oä" },
			{ "ơ ớ ờ ở ỡ ợ", "ô ôù ôø ôû ôõ ôï" },
			{ "u ú ù ủ ũ ụ", "u uù uø uû uõ uï" },
			{ "ư ứ ừ ử ữ ự", "ö öù öø öû öõ öï" },
			{ "y ý ỳ ỷ ỹ ỵ", "y yù yø yû yõ î" },
			{ "đ", "ñ" } };

	private static final Map<Character, Character> TCVN3 = new HashMap<>();
	/** VNI two-character sequences, keyed in lower case: the case of the result follows the base letter. */
	private static final Map<String, Character> VNI_PAIRS = new HashMap<>();
	/** VNI single characters (í ì æ ó ò î ô ö ñ and their capitals), keyed as they are. */
	private static final Map<Character, Character> VNI_SINGLES = new HashMap<>();

	static {
		for (int row = 0; row < TCVN3_ROWS.length; row++) {
			String letters = TCVN3_ROWS[row];
			for (int column = 0; column < 16; column++) {
				char letter = letters.charAt(column);
				if (letter != '-') {
					TCVN3.put((char) (0xA0 + 16 * row + column), letter);
				}
			}
		}
		for (String[] row : VNI_ROWS) {
			String[] letters = row[0].split(" ");
			String[] spellings = row[1].split(" ");
			for (int i = 0; i < letters.length; i++) {
				char letter = letters[i].charAt(0);
				String spelling = spellings[i];
				if (spelling.length() == 2) {
					VNI_PAIRS.put(spelling, letter);
				}
				else if (spelling.charAt(0) != letter) {
					VNI_SINGLES.put(spelling.charAt(0), letter);
					VNI_SINGLES.put(Character.toUpperCase(spelling.charAt(0)), Character.toUpperCase(letter));
				}
			}
		}
	}

	/*
	 * Letters that exist only in Unicode Vietnamese: no legacy cell, read as Windows-1252, can contain them. Their
	 * presence (or that of a combining mark, which legacy text never has) settles the question before any guessing.
	 */
	private static final Pattern UNICODE_ONLY = Pattern.compile("[ĂăĐđĨĩŨũƠơƯư\\x{1EA0}-\\x{1EF9}\\p{M}]");

	/* Words are separated by spaces and ASCII punctuation; none of the legacy letters is either. */
	private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");

	private LegacyVietnamese() {
	}

	/**
	 * Guesses the encoding of a text cell as read by POI or a CSV reader. A legacy encoding is chosen only when reading
	 * the text that way yields more well-formed Vietnamese syllables than reading it as Unicode, and at least half of
	 * its words are then Vietnamese; ties and anything else (genuine Unicode, ASCII, "José Müller") stay
	 * {@link Encoding#UNICODE}, so that in doubt the text is left as it is. A tie between the two legacy readings goes to
	 * TCVN3, the encoding of government offices in the north.
	 */
	public static Encoding detect(String text) {
		if (text == null || text.isEmpty()) {
			return Encoding.UNICODE;
		}
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (!mayBeLegacy(composed) || UNICODE_ONLY.matcher(composed).find()) {
			return Encoding.UNICODE;
		}
		String[] words = WORD_SEPARATORS.split(composed);
		Encoding best = Encoding.UNICODE;
		int bestValid = validSyllables(words, Encoding.UNICODE);
		for (Encoding legacy : List.of(Encoding.TCVN3, Encoding.VNI)) {
			int valid = validSyllables(words, legacy);
			if (valid > bestValid && 2 * valid >= countWords(words)) {
				best = legacy;
				bestValid = valid;
			}
		}
		return best;
	}

	/**
	 * Legacy text is made only of characters up to U+00FF and has at least one above ASCII: anything else (plain ASCII,
	 * a character beyond Latin-1) is Unicode without weighing syllables, which keeps an import of 100,000 rows fast.
	 */
	private static boolean mayBeLegacy(String text) {
		boolean latin1 = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0xFF) {
				return false;
			}
			latin1 |= c >= 0x80;
		}
		return latin1;
	}

	/** Converts to composed Unicode (NFC); {@link Encoding#UNICODE} input is only normalised. */
	public static String toUnicode(String text, Encoding encoding) {
		if (text == null) {
			return null;
		}
		// Composing first makes "e" + U+0301 the single character é, which is the legacy code the tables know.
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		return Normalizer.normalize(convert(composed, encoding).text(), Normalizer.Form.NFC);
	}

	/** {@link #detect(String)}, then {@link #toUnicode(String, Encoding)}. */
	public static String toUnicode(String text) {
		return toUnicode(text, detect(text));
	}

	/**
	 * Converted text, and how many characters of the legacy range the encoding could not place: a TCVN3 reading that
	 * leaves a code VN3 does not define, or a VNI reading that leaves a mark without its base letter, is evidence
	 * against that encoding even when the rest of the word happens to spell a syllable.
	 */
	private record Conversion(String text, int strays) {
	}

	private static Conversion convert(String composed, Encoding encoding) {
		return switch (encoding) {
			case UNICODE -> new Conversion(composed, 0);
			case TCVN3 -> fromTcvn3(composed);
			case VNI -> fromVni(composed);
		};
	}

	private static Conversion fromTcvn3(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int strays = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			Character letter = TCVN3.get(c);
			if (letter == null && c > 0xA0 && c <= 0xFF) {
				strays++;
			}
			out.append(letter == null ? c : letter);
		}
		return new Conversion(out.toString(), strays);
	}

	/* Longest match first: a base letter with its mark is one letter, before any single-character rule applies. */
	private static Conversion fromVni(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int strays = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (i + 1 < text.length()) {
				// Marks are matched in either case, so that "Aù" (a capital typed before a lowercase mark) still
				// reads as Á; the base letter decides the case of the result.
				Character letter = VNI_PAIRS.get(("" + c + text.charAt(i + 1)).toLowerCase(Locale.ROOT));
				if (letter != null) {
					out.append(Character.isUpperCase(c) ? Character.toUpperCase(letter) : letter);
					i += 2;
					continue;
				}
			}
			Character letter = VNI_SINGLES.get(c);
			// VNI spells í and ì as Latin-1 does; any other Latin-1 letter left over is a mark without its base.
			if (letter == null && c >= 0xC0 && c <= 0xFF && "íìÍÌ×÷".indexOf(c) < 0) {
				strays++;
			}
			out.append(letter == null ? c : letter);
			i++;
		}
		return new Conversion(out.toString(), strays);
	}

	private static boolean isWord(String word) {
		return word.chars().anyMatch(c -> Character.isLetter(c) || c > 0xA0 && c <= 0xFF);
	}

	private static int countWords(String[] words) {
		int count = 0;
		for (String word : words) {
			if (isWord(word)) {
				count++;
			}
		}
		return count;
	}

	private static int validSyllables(String[] words, Encoding encoding) {
		int valid = 0;
		for (String word : words) {
			if (isWord(word)) {
				Conversion conversion = convert(word, encoding);
				if (conversion.strays() == 0 && isVietnameseSyllable(conversion.text())) {
					valid++;
				}
			}
		}
		return valid;
	}

	/* Syllable check: (initial consonant) + vowel cluster + (final consonant), with at most one tone mark. */

	private static final List<String> INITIALS = List.of("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch",
			"qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");

	private static final List<String> FINALS = List.of("ch", "ng", "nh", "c", "m", "n", "p", "t", "");

	/*
	 * Vowel clusters that can end a syllable, and those that can be followed by a final consonant. Open iê is not
	 * Kinh Vietnamese but is kept for Niê, one of the most common Ê Đê family names in commune registers.
	 */
	private static final Set<String> OPEN_CLUSTERS = Set.of("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao",
			"au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa",
			"ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "iê");

	private static final Set<String> CLOSED_CLUSTERS = Set.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa",
			"oă", "oe", "uâ", "uê", "uy", "iê", "yê", "uô", "ươ", "uyê", "oo");

	/* Only these clusters take the palatal finals ch and nh (anh, ếch, inh, oanh, huênh, uynh). */
	private static final Set<String> BEFORE_PALATAL = Set.of("a", "ê", "i", "oa", "uê", "uy");

	/* Two-vowel clusters whose tone may sit on either vowel: hòa and hoà are both in use. */
	private static final Set<String> EITHER_TONE_POSITION = Set.of("oa", "oe", "uy");

	private static final String SHAPED_VOWELS = "ăâêôơư";
	private static final String LETTERS = "aăâeêioôơuưybcdđghklmnpqrstvx";

	private static final char NO_TONE = 0;
	private static final char ACUTE = '\u0301';
	private static final char DOT_BELOW = '\u0323';
	private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

	/**
	 * Whether a word is a well-formed Vietnamese syllable: only Vietnamese letters; at most one tone mark, on the
	 * vowel that carries it (the shaped vowel if there is one, else the main vowel: "xão", never "xaõ"); a known vowel
	 * cluster between an optional initial and final consonant; and a sắc or nặng tone when the syllable ends in c, ch, p
	 * or t. Spelling details (k before i/e/ê, gh, ngh) are not checked: the aim is to tell Vietnamese from mojibake and
	 * foreign words, not to proofread.
	 */
	static boolean isVietnameseSyllable(String word) {
		String decomposed = Normalizer.normalize(word.toLowerCase(VietnameseText.VIETNAMESE), Normalizer.Form.NFD);
		StringBuilder bare = new StringBuilder(decomposed.length());
		char tone = NO_TONE;
		int tonedLetter = -1;
		int letterCount = 0;
		char base = NO_TONE;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (TONE_MARKS.indexOf(c) >= 0) {
				// A second tone, or a tone on a consonant ("ñ" is n + tilde), is not Vietnamese. The base is the last
				// letter before any marks: ự decomposes as u, horn, dot below.
				if (tone != NO_TONE || "aeiouy".indexOf(base) < 0) {
					return false;
				}
				tone = c;
				tonedLetter = letterCount - 1;
			}
			else {
				if (Character.getType(c) != Character.NON_SPACING_MARK) {
					base = c;
					letterCount++;
				}
				bare.append(c);
			}
		}
		String letters = Normalizer.normalize(bare, Normalizer.Form.NFC);
		for (int i = 0; i < letters.length(); i++) {
			if (LETTERS.indexOf(letters.charAt(i)) < 0) {
				return false;
			}
		}
		for (String initial : INITIALS) {
			if (!letters.startsWith(initial)) {
				continue;
			}
			String rest = letters.substring(initial.length());
			for (String fin : FINALS) {
				if (!rest.endsWith(fin) || rest.length() == fin.length()) {
					continue;
				}
				String cluster = rest.substring(0, rest.length() - fin.length());
				if (isRhyme(cluster, fin)
						&& (tone == NO_TONE || isTonePosition(cluster, fin, tonedLetter - initial.length()))
						&& (!isStop(fin) || tone == ACUTE || tone == DOT_BELOW)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isRhyme(String cluster, String fin) {
		if (fin.isEmpty()) {
			return OPEN_CLUSTERS.contains(cluster);
		}
		if (!CLOSED_CLUSTERS.contains(cluster)) {
			return false;
		}
		return switch (fin) {
			case "ch", "nh" -> BEFORE_PALATAL.contains(cluster);
			case "ng" -> !Set.of("ê", "i", "uy", "uê").contains(cluster);
			case "c" -> !Set.of("ê", "i", "uy", "uê", "oo").contains(cluster);
			// oo only in loanwords such as xoong and boong.
			default -> !cluster.equals("oo");
		};
	}

	private static boolean isTonePosition(String cluster, String fin, int position) {
		if (position < 0 || position >= cluster.length()) {
			return false; // the tone sits on the consonant part of gi or qu, or outside the vowels
		}
		int shaped = -1;
		for (int i = 0; i < cluster.length(); i++) {
			if (SHAPED_VOWELS.indexOf(cluster.charAt(i)) >= 0) {
				shaped = i;
			}
		}
		if (shaped >= 0) {
			return position == shaped; // ướ in ươ, ấ in uâ, ế in iê
		}
		if (cluster.length() == 1 || EITHER_TONE_POSITION.contains(cluster) || cluster.equals("oo")) {
			return true;
		}
		if (!fin.isEmpty()) {
			return position == cluster.length() - 1; // hoàn, huỳnh
		}
		return position == (cluster.length() == 3 ? 1 : 0); // khoái, khuỷu; mái, cáo, múa, mía
	}

	private static boolean isStop(String fin) {
		return fin.equals("c") || fin.equals("ch") || fin.equals("p") || fin.equals("t");
	}
}
