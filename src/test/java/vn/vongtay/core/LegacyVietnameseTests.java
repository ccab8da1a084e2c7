package vn.vongtay.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import vn.vongtay.core.LegacyVietnamese.Encoding;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyVietnameseTests {

	// Tone marks in the order huyền, sắc, hỏi, ngã, nặng.
	private static final String TONES = "\u0300\u0301\u0309\u0303\u0323";

	/*
	 * The tests keep their own copy of TCVN3, transcribed letter by letter (tones in the order huyền, sắc, hỏi, ngã,
	 * nặng) from duydev/vietnamese-conversion, while the class under test lists it by code point from GNU libiconv: a
	 * slip in either transcription makes the tests below fail. Each entry is a Unicode letter followed by its code.
	 */
	private static final String TCVN3_BY_LETTER = """
			àµ á¸ ả¶ ã· ạ¹
			ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ
			â© ầÇ ấÊ ẩÈ ẫÉ ậË
			đ®
			èÌ éÐ ẻÎ ẽÏ ẹÑ
			êª ềÒ ếÕ ểÓ ễÔ ệÖ
			ì× íÝ ỉØ ĩÜ ịÞ
			òß óã ỏá õâ ọä
			ô« ồå ốè ổæ ỗç ộé
			ơ¬ ờê ớí ởë ỡì ợî
			ùï úó ủñ ũò ụô
			ư\u00AD ừõ ứø ửö ữ÷ ựù
			ỳú ýý ỷû ỹü ỵþ
			Ă¡ Â¢ Ê£ Ô¤ Ơ¥ Ư¦ Đ§
			""";

	private static final Map<Character, Character> TO_TCVN3 = new HashMap<>();

	static {
		for (String pair : TCVN3_BY_LETTER.strip().split("[ \n]+")) {
			TO_TCVN3.put(pair.charAt(0), pair.charAt(1));
		}
	}

	/** Unicode to TCVN3 (VN3), the way the ABC keyboard typed it; fails on letters VN3 cannot hold (toned capitals). */
	static String toTcvn3(String unicode) {
		StringBuilder out = new StringBuilder();
		for (char c : Normalizer.normalize(unicode, Normalizer.Form.NFC).toCharArray()) {
			if (c < 0x80) {
				out.append(c);
			}
			else {
				Character code = TO_TCVN3.get(c);
				if (code == null) {
					throw new IllegalArgumentException("TCVN3 has no code for " + c);
				}
				out.append(code);
			}
		}
		return out.toString();
	}

	/*
	 * Unicode to VNI, built from the rules of the encoding rather than from a table, so that it checks the table in
	 * the class under test: đ is ñ; i takes single characters (í ì æ ó ò); ỵ is î; ơ and ư are the bases ô and ö; â ê
	 * ô take the circumflex marks â á à å ã ä; ă takes the breve marks ê é è ú ü ë; every other tone is a mark after
	 * the base (ù ø û õ ï). Capitals use the capital forms of the same characters.
	 */
	static String toVni(String unicode) {
		StringBuilder out = new StringBuilder();
		for (char c : Normalizer.normalize(unicode, Normalizer.Form.NFC).toCharArray()) {
			out.append(vniLetter(c));
		}
		return out.toString();
	}

	private static String vniLetter(char letter) {
		boolean upper = Character.isUpperCase(letter);
		String decomposed = Normalizer.normalize(String.valueOf(Character.toLowerCase(letter)), Normalizer.Form.NFD);
		char base = decomposed.charAt(0);
		boolean circumflex = decomposed.indexOf('\u0302') >= 0;
		boolean breve = decomposed.indexOf('\u0306') >= 0;
		boolean horn = decomposed.indexOf('\u031B') >= 0;
		int tone = -1;
		for (int i = 0; i < TONES.length(); i++) {
			if (decomposed.indexOf(TONES.charAt(i)) >= 0) {
				tone = i;
			}
		}
		String vni;
		if (letter == 'đ' || letter == 'Đ') {
			vni = "ñ";
		}
		else if (base == 'i' && tone >= 0) {
			vni = String.valueOf("ìíæóò".charAt(tone));
		}
		else if (base == 'y' && tone == 4) {
			vni = "î";
		}
		else if (circumflex) {
			vni = base + String.valueOf("âàáåãä".charAt(tone + 1));
		}
		else if (breve) {
			vni = "a" + "êèéúüë".charAt(tone + 1);
		}
		else if ("aeiouy".indexOf(base) >= 0) {
			String shaped = horn ? (base == 'o' ? "ô" : "ö") : String.valueOf(base);
			vni = tone < 0 ? shaped : shaped + "øùûõï".charAt(tone);
		}
		else {
			return String.valueOf(letter);
		}
		return upper ? vni.toUpperCase(Locale.ROOT) : vni;
	}

	/** All 134 Vietnamese letters with diacritics, lowercase then capitals. */
	private static List<String> lettersWithDiacritics() {
		List<String> letters = new ArrayList<>();
		for (char base : "aăâeêioôơuưy".toCharArray()) {
			if ("ăâêôơư".indexOf(base) >= 0) {
				letters.add(String.valueOf(base));
			}
			for (char tone : TONES.toCharArray()) {
				letters.add(Normalizer.normalize(base + String.valueOf(tone), Normalizer.Form.NFC));
			}
		}
		letters.add("đ");
		letters.addAll(letters.stream().map(l -> l.toUpperCase(Locale.ROOT)).toList());
		return letters;
	}

	// --- TCVN3 ---

	@Test
	void tcvn3HoldsTheSixtySevenLowercaseLettersAndSevenCapitals() {
		assertThat(TO_TCVN3).hasSize(74);
		assertThat(TO_TCVN3.keySet()).filteredOn(Character::isLowerCase).hasSize(67);
		assertThat(TO_TCVN3.keySet()).filteredOn(Character::isUpperCase).containsExactlyInAnyOrder('Ă', 'Â', 'Ê', 'Ô',
				'Ơ', 'Ư', 'Đ');
		assertThat(lettersWithDiacritics()).filteredOn(l -> Character.isLowerCase(l.charAt(0)))
			.allSatisfy(l -> assertThat(TO_TCVN3).containsKey(l.charAt(0)));
	}

	@Test
	void everyTcvn3CodeBecomesItsLetter() {
		TO_TCVN3.forEach((letter, code) -> assertThat(LegacyVietnamese.toUnicode(String.valueOf(code), Encoding.TCVN3))
			.as("TCVN3 U+%04X", (int) code)
			.isEqualTo(String.valueOf(letter)));
	}

	@Test
	void tcvn3CodesFromTheBriefMapAsPublished() {
		assertThat(LegacyVietnamese.toUnicode("¸ µ ¶ · ¹ ¨ © ® § ª « ¬ \u00AD", Encoding.TCVN3))
			.isEqualTo("á à ả ã ạ ă â đ Đ ê ô ơ ư");
	}

	@Test
	void tcvn3NameBecomesUnicode() {
		assertThat(LegacyVietnamese.detect("NguyÔn V¨n An")).isEqualTo(Encoding.TCVN3);
		assertThat(LegacyVietnamese.toUnicode("NguyÔn V¨n An")).isEqualTo("Nguyễn Văn An");
	}

	@Test
	void tcvn3FullNamesWithEveryToneOnSeveralVowelsBecomeUnicode() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("Lª ThÞ Hoµ", "Lê Thị Hoà");
		names.put("TrÇn Quèc TuÊn", "Trần Quốc Tuấn");
		names.put("Ph¹m §øc Th¾ng", "Phạm Đức Thắng");
		names.put("Vò ThÞ Thuû", "Vũ Thị Thuỷ");
		names.put("§Æng ThÞ Hoµ", "Đặng Thị Hoà");
		names.put("Ng« B¶o Ch©u", "Ngô Bảo Châu");
		names.put("Bïi Xu©n Ph¸i", "Bùi Xuân Phái");
		names.put("D\u00AD¬ng V¨n Minh", "Dương Văn Minh");
		names.put("Hå Xu©n H\u00AD¬ng", "Hồ Xuân Hương");
		names.put("§ç Mü LÖ", "Đỗ Mỹ Lệ");
		names.put("NguyÔn Tr·i", "Nguyễn Trãi");
		names.put("Lý Th\u00ADêng KiÖt", "Lý Thường Kiệt");
		names.put("L\u00ADu H÷u Ph\u00ADíc", "Lưu Hữu Phước");
		names.put("Phan Béi Ch©u", "Phan Bội Châu");
		names.put("Lª Lîi", "Lê Lợi");
		names.put("Huúnh TÊn Ph¸t", "Huỳnh Tấn Phát");
		names.put("Vâ Nguyªn Gi¸p", "Võ Nguyên Giáp");
		names.put("Khæng Tö", "Khổng Tử");
		names.put("TrÞnh C«ng S¬n", "Trịnh Công Sơn");
		names.put("Cï ChÝnh Lan", "Cù Chính Lan");
		names.put("NguyÔn ThÞ §Þnh", "Nguyễn Thị Định");
		names.put("Tr\u00ADng Tr¾c", "Trưng Trắc");
		names.put("Hoµng ThÞ Nhung", "Hoàng Thị Nhung");
		names.put("§inh Bé LÜnh", "Đinh Bộ Lĩnh");
		names.put("Ph¹m Ngò L·o", "Phạm Ngũ Lão");
		names.put("NguyÔn H÷u Thä", "Nguyễn Hữu Thọ");
		names.put("Lª ThÞ Hång GÊm", "Lê Thị Hồng Gấm");
		names.put("Vò Träng Phông", "Vũ Trọng Phụng");
		names.forEach((legacy, unicode) -> {
			assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.TCVN3);
			assertThat(LegacyVietnamese.toUnicode(legacy)).isEqualTo(unicode);
			assertThat(toTcvn3(unicode)).as("test encoder agrees with the hand-written TCVN3").isEqualTo(legacy);
		});
	}

	@Test
	void tcvn3CapitalsThatExistInVn3BecomeUnicodeCapitals() {
		assertThat(LegacyVietnamese.toUnicode("¤ng §µo V¨n ¢u")).isEqualTo("Ông Đào Văn Âu");
		assertThat(LegacyVietnamese.toUnicode("HuyÖn ¦ng Hoµ")).isEqualTo("Huyện Ưng Hoà");
		assertThat(LegacyVietnamese.toUnicode("D©n téc £ §ª")).isEqualTo("Dân tộc Ê Đê");
		assertThat(LegacyVietnamese.toUnicode("¡n ¥n", Encoding.TCVN3)).isEqualTo("Ăn Ơn");
	}

	@Test
	void tcvn3AddressesAndEdeNamesBecomeUnicode() {
		assertThat(LegacyVietnamese.toUnicode("Sè 5, ®\u00ADêng Lª Lîi")).isEqualTo("Số 5, đường Lê Lợi");
		assertThat(LegacyVietnamese.toUnicode("UBND x· T©n Hßa")).isEqualTo("UBND xã Tân Hòa");
		assertThat(LegacyVietnamese.toUnicode("Y Bih Niª")).isEqualTo("Y Bih Niê");
	}

	@Test
	void vnTimeHCapitalsComeOutLowercaseBecauseTheFontIsNotInTheText() {
		// Typed in .VnTimeH the cell shows NGUYỄN VĂN AN, but the codes are the lowercase ones.
		assertThat(LegacyVietnamese.detect("NGUYÔN V¨N AN")).isEqualTo(Encoding.TCVN3);
		assertThat(LegacyVietnamese.toUnicode("NGUYÔN V¨N AN")).isEqualTo("NGUYễN VăN AN");
	}

	@Test
	void tcvn3ProvinceAndCommuneNamesBecomeUnicode() {
		assertThat(LegacyVietnamese.toUnicode("X· TuÇn Gi¸o")).isEqualTo("Xã Tuần Giáo");
		assertThat(LegacyVietnamese.toUnicode("ThÞ x· B×nh Long")).isEqualTo("Thị xã Bình Long");
		assertThat(LegacyVietnamese.toUnicode("HuyÖn Thä Xu©n")).isEqualTo("Huyện Thọ Xuân");
		assertThat(LegacyVietnamese.toUnicode("Th«n 3, x· Thä Xu©n, tØnh Thanh Ho¸"))
			.isEqualTo("Thôn 3, xã Thọ Xuân, tỉnh Thanh Hoá");
	}

	// --- VNI ---

	@Test
	void everyVniLetterBecomesUnicode() {
		List<String> letters = lettersWithDiacritics();
		assertThat(letters).hasSize(134).doesNotHaveDuplicates();
		for (String letter : letters) {
			assertThat(LegacyVietnamese.toUnicode(toVni(letter), Encoding.VNI)).as("VNI %s", toVni(letter))
				.isEqualTo(letter);
		}
	}

	@Test
	void vniSpellingsFromThePublishedTableDecode() {
		assertThat(LegacyVietnamese.toUnicode("aù aø aû aõ aï aâ aê aé ñ Ñ ö Ö ô Ô", Encoding.VNI))
			.isEqualTo("á à ả ã ạ â ă ắ đ Đ ư Ư ơ Ơ");
		assertThat(LegacyVietnamese.toUnicode("aá aà aå aã aä aè aú aü aë í ì æ ó ò î", Encoding.VNI))
			.isEqualTo("ấ ầ ẩ ẫ ậ ằ ẳ ẵ ặ í ì ỉ ĩ ị ỵ");
	}

	@Test
	void vniNameBecomesUnicode() {
		assertThat(LegacyVietnamese.detect("Nguyeãn Vaên An")).isEqualTo(Encoding.VNI);
		assertThat(LegacyVietnamese.toUnicode("Nguyeãn Vaên An")).isEqualTo("Nguyễn Văn An");
	}

	@Test
	void vniFullNamesWithEveryToneOnSeveralVowelsBecomeUnicode() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("Ñaëng Thò Hoaø", "Đặng Thị Hoà");
		names.put("Traàn Quoác Tuaán", "Trần Quốc Tuấn");
		names.put("Nguyeãn Thò Ñònh", "Nguyễn Thị Định");
		names.put("Lyù Thöôøng Kieät", "Lý Thường Kiệt");
		names.put("Tröông Thò Thuûy", "Trương Thị Thủy");
		names.put("Huyønh Taán Phaùt", "Huỳnh Tấn Phát");
		names.put("Löu Höõu Phöôùc", "Lưu Hữu Phước");
		names.put("Voõ Nguyeân Giaùp", "Võ Nguyên Giáp");
		names.put("Ñoã Myõ Leä", "Đỗ Mỹ Lệ");
		names.put("Phaïm Nguõ Laõo", "Phạm Ngũ Lão");
		names.put("Ñinh Boä Lónh", "Đinh Bộ Lĩnh");
		names.put("Khoång Töû", "Khổng Tử");
		names.put("Buøi Thò Ngoïc AÙnh", "Bùi Thị Ngọc Ánh");
		names.put("Hoà Xuaân Höông", "Hồ Xuân Hương");
		names.put("Leâ Thò Hoàng Gaám", "Lê Thị Hồng Gấm");
		names.put("Nguyeãn Vaên Vyõ", "Nguyễn Văn Vỹ");
		names.put("Traàn Thò Myõ Kyø", "Trần Thị Mỹ Kỳ");
		names.forEach((legacy, unicode) -> {
			assertThat(LegacyVietnamese.detect(legacy)).as(legacy).isEqualTo(Encoding.VNI);
			assertThat(LegacyVietnamese.toUnicode(legacy)).isEqualTo(unicode);
			assertThat(toVni(unicode)).as("test encoder agrees with the hand-written VNI").isEqualTo(legacy);
		});
	}

	@Test
	void vniCapitalsBecomeUnicodeCapitals() {
		assertThat(LegacyVietnamese.toUnicode("NGUYEÃN VAÊN AN")).isEqualTo("NGUYỄN VĂN AN");
		assertThat(LegacyVietnamese.toUnicode("ÑAËNG THÒ HOAØ")).isEqualTo("ĐẶNG THỊ HOÀ");
		assertThat(LegacyVietnamese.toUnicode("TÆNH QUAÛNG TRÒ")).isEqualTo("TỈNH QUẢNG TRỊ");
		assertThat(LegacyVietnamese.toUnicode("TRÖÔØNG ÑOÀNG THAÙP")).isEqualTo("TRƯỜNG ĐỒNG THÁP");
		assertThat(LegacyVietnamese.toUnicode("Aùnh Ôû Öùng", Encoding.VNI))
			.as("a capital base before a lowercase mark").isEqualTo("Ánh Ở Ứng");
	}

	@Test
	void vniProvinceAndCommuneNamesBecomeUnicode() {
		assertThat(LegacyVietnamese.toUnicode("Xaõ Tuaàn Giaùo")).isEqualTo("Xã Tuần Giáo");
		assertThat(LegacyVietnamese.toUnicode("Thò xaõ Bình Long")).isEqualTo("Thị xã Bình Long");
		assertThat(LegacyVietnamese.toUnicode("Huyeän Thoï Xuaân")).isEqualTo("Huyện Thọ Xuân");
	}

	// --- Unicode and foreign text ---

	@Test
	void genuineUnicodeIsLeftAlone() {
		for (String text : List.of("Nguyễn Văn An", "Đặng Thị Hoà", "Xã Tuần Giáo", "Lê Hà", "Tô Lâm", "Hoà",
				"Võ Hà Mê", "LÊ HÀ", "Hồ Chí Minh", "Thị xã Bình Long")) {
			assertThat(LegacyVietnamese.detect(text)).as(text).isEqualTo(Encoding.UNICODE);
			assertThat(LegacyVietnamese.toUnicode(text)).isEqualTo(text);
		}
	}

	@Test
	void asciiTextIsLeftAlone() {
		for (String text : List.of("Nguyen Van An", "Thon 3, xa Tho Xuan", "12/05/2019", "John Smith", "")) {
			assertThat(LegacyVietnamese.detect(text)).as(text).isEqualTo(Encoding.UNICODE);
			assertThat(LegacyVietnamese.toUnicode(text)).isEqualTo(text);
		}
	}

	@Test
	void frenchNameIsNotMistakenForVni() {
		for (String text : List.of("José", "Raphaël Müller", "Chloé Gómez", "Señor Muñoz", "café crème",
				"Je ne sais où il est", "Françoise Noël", "Renée", "Zoë")) {
			assertThat(LegacyVietnamese.detect(text)).as(text).isEqualTo(Encoding.UNICODE);
			assertThat(LegacyVietnamese.toUnicode(text)).isEqualTo(text);
		}
	}

	@Test
	void englishAndGermanNamesAreNotMistakenForTcvn3() {
		for (String text : List.of("Müller", "café", "Jürgen Weiß", "Ångström", "© 2020 Smith & Co.", "Zoé Lê",
				"André Hà")) {
			assertThat(LegacyVietnamese.detect(text)).as(text).isEqualTo(Encoding.UNICODE);
			assertThat(LegacyVietnamese.toUnicode(text)).isEqualTo(text);
		}
	}

	@Test
	void decomposedUnicodeBecomesComposed() {
		String composed = "Nguyễn Thị Hoà, xã Tuần Giáo";
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo(composed);
		assertThat(LegacyVietnamese.detect(decomposed)).isEqualTo(Encoding.UNICODE);
		assertThat(LegacyVietnamese.toUnicode(decomposed)).isEqualTo(composed);
		assertThat(LegacyVietnamese.toUnicode(decomposed, Encoding.UNICODE)).isEqualTo(composed);
	}

	@Test
	void decomposedLegacyTextStillConverts() {
		// A reader that decomposes turns TCVN3 Ô (ễ) into O + circumflex and VNI ã into a + tilde.
		assertThat(LegacyVietnamese.toUnicode(Normalizer.normalize("NguyÔn V¨n An", Normalizer.Form.NFD)))
			.isEqualTo("Nguyễn Văn An");
		assertThat(LegacyVietnamese.toUnicode(Normalizer.normalize("Nguyeãn Vaên An", Normalizer.Form.NFD)))
			.isEqualTo("Nguyễn Văn An");
	}

	@Test
	void nullStaysNull() {
		assertThat(LegacyVietnamese.toUnicode(null)).isNull();
		assertThat(LegacyVietnamese.toUnicode(null, Encoding.TCVN3)).isNull();
		assertThat(LegacyVietnamese.detect(null)).isEqualTo(Encoding.UNICODE);
	}

	@Test
	void syllableCheckAcceptsVietnameseAndRejectsForeignWords() {
		for (String word : List.of("nguyễn", "Quốc", "tuần", "giáo", "gì", "người", "khuya", "thuở", "xoong", "cát",
				"hoà", "hòa", "thuý", "a", "Y", "ĐƯỜNG")) {
			assertThat(LegacyVietnamese.isVietnameseSyllable(word)).as(word).isTrue();
		}
		for (String word : List.of("cat", "müller", "josé", "smith", "ña", "ắa", "tiềǹ", "q", "bcd", "cafộ")) {
			assertThat(LegacyVietnamese.isVietnameseSyllable(word)).as(word).isFalse();
		}
	}

	// --- Round trips over generated names ---

	private static final List<String> FAMILY_NAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
			"Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Âu", "Ông", "Ưng", "Ân");

	private static final List<String> INITIALS = List.of("", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m",
			"n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");

	private static final List<String> OPEN_RHYMES = List.of("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai",
			"ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uy",
			"ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oay", "uôi", "ươi", "ươu", "uya");

	private static final List<String> CLOSED_RHYMES = List.of("an", "ang", "anh", "ac", "ach", "am", "ap", "at", "ăn",
			"ăng", "ăc", "ăm", "ăp", "ăt", "ân", "âng", "âc", "âm", "âp", "ât", "en", "eng", "ec", "em", "ep", "et", "ên",
			"ênh", "êch", "êm", "êt", "in", "inh", "ich", "im", "ip", "it", "on", "ong", "oc", "om", "op", "ot", "ôn",
			"ông", "ôc", "ôm", "ôt", "ơn", "ơm", "ơp", "ơt", "un", "ung", "uc", "um", "up", "ut", "ưng", "ưc", "ưt",
			"oan", "oang", "oanh", "oac", "oach", "oat", "oăn", "oăng", "oăc", "oăt", "uân", "uâng", "uât", "uynh",
			"uyt", "iên", "iêng", "iêc", "iêm", "iêp", "iêt", "yên", "yêt", "uôn", "uông", "uôc", "uôm", "uôt", "ươn",
			"ương", "ươc", "ươm", "ươp", "ươt", "uyên", "uyêt", "oong");

	/** A random well-formed syllable: the tone sits on the shaped vowel, else on the main vowel of the rhyme. */
	private static String syllable(Random random) {
		boolean closed = random.nextBoolean();
		String rhyme = (closed ? CLOSED_RHYMES : OPEN_RHYMES).get(random.nextInt((closed ? CLOSED_RHYMES : OPEN_RHYMES)
			.size()));
		String initial = INITIALS.get(random.nextInt(INITIALS.size()));
		if (initial.equals("qu") && rhyme.startsWith("u") || initial.equals("gi") && rhyme.startsWith("i")) {
			initial = "t";
		}
		boolean stop = rhyme.matches(".*(c|ch|p|t)");
		int tone = stop ? (random.nextBoolean() ? 1 : 4) : random.nextInt(6) - 1; // -1 is no tone
		String vowels = rhyme.replaceAll("[^aăâeêioôơuưy]", "");
		int position = -1;
		for (int i = 0; i < vowels.length(); i++) {
			if ("ăâêôơư".indexOf(vowels.charAt(i)) >= 0) {
				position = i;
			}
		}
		if (position < 0) {
			position = vowels.length() == 3 || rhyme.length() > vowels.length() && vowels.length() == 2 ? 1 : 0;
		}
		String marked = tone < 0 ? rhyme
				: rhyme.substring(0, position) + rhyme.charAt(position) + TONES.charAt(tone)
						+ rhyme.substring(position + 1);
		return Normalizer.normalize(initial + marked, Normalizer.Form.NFC);
	}

	/** A family name, a middle name and one or two given names, each capitalised when the encoding allows. */
	private static String name(Random random, Predicate<Character> canCapitalise) {
		StringBuilder name = new StringBuilder(FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size())));
		int given = 2 + random.nextInt(2);
		for (int i = 0; i < given; i++) {
			String syllable = syllable(random);
			char first = Character.toUpperCase(syllable.charAt(0));
			name.append(' ').append(canCapitalise.test(first) ? first + syllable.substring(1) : syllable);
		}
		return name.toString();
	}

	/*
	 * Encodes many generated names, then checks that the explicit conversion always restores them and that detection
	 * restores every name it can tell apart. A legacy name whose every word is also a well-formed Unicode syllable
	 * (TCVN3 "Lý Tó" for "Lý Tú") cannot be told apart from Unicode in one cell, so detection must leave it as it is;
	 * one whose every word is also well-formed in the other legacy encoding (VNI "Tæn" is Tỉn, TCVN3 "Tæn" is Tổn) may
	 * go either way. Both kinds must stay rare.
	 */
	private static void assertRoundTrips(Encoding encoding, Function<String, String> encoder,
			Predicate<Character> canCapitalise) {
		Encoding other = encoding == Encoding.TCVN3 ? Encoding.VNI : Encoding.TCVN3;
		Random random = new Random(20_240_611L);
		int names = 5_000;
		int ambiguous = 0;
		for (int i = 0; i < names; i++) {
			String name = name(random, canCapitalise);
			String legacy = encoder.apply(name);
			assertThat(LegacyVietnamese.toUnicode(legacy, encoding)).as(legacy).isEqualTo(name);
			if (allSyllables(legacy)) {
				ambiguous++;
				assertThat(LegacyVietnamese.toUnicode(legacy)).as("reads as Unicode: %s", legacy).isEqualTo(legacy);
			}
			else if (allSyllables(LegacyVietnamese.toUnicode(legacy, other))) {
				ambiguous++;
				assertThat(LegacyVietnamese.detect(legacy)).as("reads as either: %s", legacy).isIn(encoding, other);
			}
			else {
				assertThat(LegacyVietnamese.detect(legacy)).as("detected %s", legacy).isEqualTo(encoding);
				assertThat(LegacyVietnamese.toUnicode(legacy)).as("detected %s", legacy).isEqualTo(name);
			}
			assertThat(LegacyVietnamese.toUnicode(name)).as("Unicode %s", name).isEqualTo(name);
			assertThat(LegacyVietnamese.toUnicode(Normalizer.normalize(name, Normalizer.Form.NFD))).isEqualTo(name);
		}
		assertThat(ambiguous).as("names that read two ways").isLessThan(names / 100);
	}

	private static boolean allSyllables(String text) {
		return List.of(text.split(" ")).stream().allMatch(LegacyVietnamese::isVietnameseSyllable);
	}

	@Test
	void generatedNamesSurviveTheTcvn3RoundTrip() {
		assertRoundTrips(Encoding.TCVN3, LegacyVietnameseTests::toTcvn3,
				c -> c < 0x80 || TO_TCVN3.containsKey(c));
	}

	@Test
	void generatedNamesSurviveTheVniRoundTrip() {
		assertRoundTrips(Encoding.VNI, LegacyVietnameseTests::toVni, c -> true);
	}

	@Test
	void generatedSyllablesAreAllValid() {
		Random random = new Random(7);
		for (int i = 0; i < 5_000; i++) {
			String syllable = syllable(random);
			assertThat(LegacyVietnamese.isVietnameseSyllable(syllable)).as(syllable).isTrue();
		}
	}
}
