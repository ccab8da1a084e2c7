package vn.vongtay.core;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/** Text files as Excel saves them, for the tests of whoever reads them. */
public final class ExcelCsv {

	private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

	private ExcelCsv() {
	}

	/**
	 * Text as Excel's "CSV (Comma delimited)" saves it on a Vietnamese Windows, in code page 1258: the letters the code
	 * page holds whole (â, ê, ô, ơ, ư, ă, đ and a few toned vowels) as one byte, every other toned letter as its base
	 * letter followed by a tone mark.
	 */
	public static byte[] windows1258(String text) {
		CharsetEncoder encoder = WINDOWS_1258.newEncoder();
		StringBuilder spelled = new StringBuilder();
		for (char ch : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
			if (encoder.canEncode(ch)) {
				spelled.append(ch);
				continue;
			}
			// the tone is not always last once decomposed: ộ is o, dot below, circumflex (canonical order)
			String decomposed = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
			String tone = decomposed.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
			String base = decomposed.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
			spelled.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
		}
		if (!encoder.canEncode(spelled)) {
			throw new IllegalArgumentException("not Vietnamese that Windows-1258 can hold: " + text);
		}
		return spelled.toString().getBytes(WINDOWS_1258);
	}
}
