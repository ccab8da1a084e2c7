package vn.vongtay.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.vongtay.core.VietnameseText;

/**
 * What makes two names of an agency the same name. Documents name agencies as their readers would, without the
 * locality ("Sở Y tế" for "Sở Y tế tỉnh Cao Bằng", "Công an Huyện"), with or without a dash ("Phòng Lao động Thương
 * binh và Xã hội"), with the usual abbreviations (UBND, MTTQ, LĐTBXH, Đoàn TNCS) and the usual short forms ("Huyện đoàn"
 * for the district's youth union). The core of a name is what is left once all of that is set aside: folded, without
 * punctuation or "và", abbreviations spelled out, and without the unit's name and level word at its end. Which unit
 * an agency belongs to is decided by the unit, not by the name.
 */
final class AgencyNames {

	private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
			Map.entry("ubnd", "uy ban nhan dan"), Map.entry("ub", "uy ban"), Map.entry("hdnd", "hoi dong nhan dan"),
			Map.entry("mttq", "mat tran to quoc"), Map.entry("ldtbxh", "lao dong thuong binh xa hoi"),
			Map.entry("tb&xh", "thuong binh xa hoi"), Map.entry("gd&dt", "giao duc dao tao"),
			Map.entry("gddt", "giao duc dao tao"), Map.entry("tncs", "thanh nien cong san"),
			Map.entry("lhpn", "lien hiep phu nu"), Map.entry("ttyt", "trung tam y te"),
			Map.entry("vksnd", "vien kiem sat nhan dan"), Map.entry("tand", "toa an nhan dan"),
			Map.entry("hcm", "ho chi minh"), Map.entry("vn", "viet nam"));

	/** The level words a unit's name starts with, longest first so "thi xa" is not read as "xa". */
	private static final List<String> LEVELS = List.of("thanh pho", "thi tran", "thi xa", "tinh", "huyen", "quan", "xa",
			"phuong");

	/** "Huyện đoàn", "Thị đoàn", "Tỉnh đoàn", "Thành đoàn": the youth union of that level. */
	private static final Set<String> YOUTH_UNION_SHORT = Set.of("huyen doan", "thi doan", "tinh doan", "thanh doan");

	private static final String YOUTH_UNION = "doan thanh nien cong san ho chi minh";

	private static final Set<String> FILLERS = Set.of("va", "-", "–");

	private AgencyNames() {
	}

	/** The core of an agency's name, given the full name of the unit it belongs to ("Huyện Tuần Giáo"). */
	static String core(String name, String unitFullName) {
		String text = words(name);
		if (YOUTH_UNION_SHORT.contains(text)) {
			return YOUTH_UNION;
		}
		String unit = words(unitFullName);
		if (!unit.isEmpty() && (text.endsWith(" " + unit))) {
			text = text.substring(0, text.length() - unit.length() - 1);
		}
		String bareUnit = withoutLevel(unit);
		if (!bareUnit.isEmpty() && text.endsWith(" " + bareUnit)) {
			text = text.substring(0, text.length() - bareUnit.length() - 1);
		}
		for (String level : LEVELS) {
			if (text.endsWith(" " + level)) {
				text = text.substring(0, text.length() - level.length() - 1);
				break;
			}
		}
		return text;
	}

	/** How alike two cores are, from 0 to 1: the share of words they have in common. */
	static double likeness(String core, String other) {
		Set<String> a = Set.copyOf(Arrays.asList(core.split(" ")));
		Set<String> b = Set.copyOf(Arrays.asList(other.split(" ")));
		long common = a.stream().filter(b::contains).count();
		return a.isEmpty() && b.isEmpty() ? 1 : (double) common / (a.size() + b.size() - common);
	}

	/** Folded words, abbreviations spelled out, without punctuation or fillers. */
	private static String words(String text) {
		if (text == null) {
			return "";
		}
		String folded = VietnameseText.fold(VietnameseText.clean(text) == null ? "" : VietnameseText.clean(text));
		List<String> words = new ArrayList<>();
		for (String word : folded.split("[\\s,.;:()/\"'“”‘’\\-–—]+")) {
			if (word.isEmpty() || FILLERS.contains(word)) {
				continue;
			}
			String spelled = ABBREVIATIONS.getOrDefault(word, word);
			for (String part : spelled.split(" ")) {
				if (!FILLERS.contains(part)) {
					words.add(part);
				}
			}
		}
		return String.join(" ", words);
	}

	private static String withoutLevel(String unit) {
		for (String level : LEVELS) {
			if (unit.startsWith(level + " ")) {
				return unit.substring(level.length() + 1);
			}
		}
		return unit;
	}
}
