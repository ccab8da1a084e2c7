package vn.vongtay.geography.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.TabularFile;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.UnitLevel;

/**
 * Reads the statistics office's list of administrative units (XLSX or CSV): one row per commune with the columns
 * Tỉnh/Thành phố, Mã TP, Quận/Huyện, Mã QH, Phường/Xã, Mã PX, Cấp. A list without districts (after 1 July 2025) leaves
 * Quận/Huyện and Mã QH empty. Every problem is reported with its row and column; a file with any problem yields nothing.
 */
public final class OfficialListReader {

	static final String PROVINCE = "Tỉnh/Thành phố";
	static final String PROVINCE_CODE = "Mã TP";
	static final String DISTRICT = "Quận/Huyện";
	static final String DISTRICT_CODE = "Mã QH";
	static final String COMMUNE = "Phường/Xã";
	static final String COMMUNE_CODE = "Mã PX";
	static final String COMMUNE_KIND = "Cấp";

	private static final List<String> REQUIRED = List.of(PROVINCE, PROVINCE_CODE, COMMUNE, COMMUNE_CODE, COMMUNE_KIND);
	private static final Pattern PROVINCE_CODE_FORMAT = Pattern.compile("\\d{2}");
	private static final Pattern DISTRICT_CODE_FORMAT = Pattern.compile("\\d{3}");
	private static final Pattern COMMUNE_CODE_FORMAT = Pattern.compile("\\d{5}");
	private static final List<String> UNIT_KIND_PREFIXES = List.of("Thành phố", "Thị xã", "Thị trấn", "Quận", "Huyện",
			"Phường", "Xã", "Tỉnh", "Đặc khu");

	private OfficialListReader() {
	}

	public static List<UnitDraft> read(String fileName, byte[] content, LocalDate validFrom, LocalDate validTo) {
		List<List<String>> rows = TabularFile.read(fileName, content);
		if (rows.isEmpty()) {
			throw UserFacingException.invalid("error.file.empty");
		}
		Map<String, Integer> columns = columns(rows.get(0));
		List<InputProblem> problems = new ArrayList<>();
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				problems.add(InputProblem.at(1, required, "error.file.missing-column", required));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		Map<String, UnitDraft> units = new LinkedHashMap<>();
		Map<String, Integer> firstRowOfCode = new HashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int rowNumber = r + 1;
			if (row.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			String provinceName = cell(row, columns, PROVINCE);
			String provinceCode = code(cell(row, columns, PROVINCE_CODE), 2);
			String districtName = cell(row, columns, DISTRICT);
			String districtCode = code(cell(row, columns, DISTRICT_CODE), 3);
			String communeName = cell(row, columns, COMMUNE);
			String communeCode = code(cell(row, columns, COMMUNE_CODE), 5);
			String kind = cell(row, columns, COMMUNE_KIND);
			int before = problems.size();
			require(problems, rowNumber, PROVINCE, provinceName);
			check(problems, rowNumber, PROVINCE_CODE, provinceCode, PROVINCE_CODE_FORMAT, "2");
			require(problems, rowNumber, COMMUNE, communeName);
			check(problems, rowNumber, COMMUNE_CODE, communeCode, COMMUNE_CODE_FORMAT, "5");
			require(problems, rowNumber, COMMUNE_KIND, kind);
			boolean hasDistrict = districtCode != null || districtName != null;
			if (hasDistrict) {
				require(problems, rowNumber, DISTRICT, districtName);
				check(problems, rowNumber, DISTRICT_CODE, districtCode, DISTRICT_CODE_FORMAT, "3");
			}
			if (communeCode != null && firstRowOfCode.containsKey(communeCode)) {
				problems.add(InputProblem.at(rowNumber, COMMUNE_CODE, "error.unit.duplicate-code", communeCode,
						firstRowOfCode.get(communeCode)));
			}
			if (problems.size() > before) {
				continue;
			}
			firstRowOfCode.put(communeCode, rowNumber);
			units.putIfAbsent("P" + provinceCode, new UnitDraft(provinceCode, UnitLevel.PROVINCE, shortName(provinceName),
					provinceName, null, null, provinceCode, validFrom, validTo));
			String parent = provinceCode;
			if (hasDistrict) {
				units.putIfAbsent("D" + districtCode, new UnitDraft(districtCode, UnitLevel.DISTRICT,
						shortName(districtName), districtName, null, provinceCode, provinceCode, validFrom, validTo));
				parent = districtCode;
			}
			String fullName = communeName.startsWith(kind) ? communeName : kind + " " + communeName;
			units.put("C" + communeCode, new UnitDraft(communeCode, UnitLevel.COMMUNE, shortName(communeName), fullName,
					null, parent, provinceCode, validFrom, validTo));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return List.copyOf(units.values());
	}

	private static Map<String, Integer> columns(List<String> header) {
		Map<String, String> known = new HashMap<>();
		for (String name : List.of(PROVINCE, PROVINCE_CODE, DISTRICT, DISTRICT_CODE, COMMUNE, COMMUNE_CODE,
				COMMUNE_KIND)) {
			known.put(normalise(name), name);
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = known.get(normalise(header.get(i)));
			if (name != null) {
				columns.putIfAbsent(name, i);
			}
		}
		return columns;
	}

	private static String normalise(String heading) {
		String folded = VietnameseText.fold(VietnameseText.clean(heading));
		return folded == null ? "" : folded.replaceAll("[^a-z]", "").toLowerCase(Locale.ROOT);
	}

	private static String cell(List<String> row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= row.size() ? null : VietnameseText.clean(row.get(index));
	}

	/** Excel drops leading zeros from codes typed as numbers ("4" for "04"): put them back. */
	private static String code(String value, int width) {
		if (value == null) {
			return null;
		}
		String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
		if (digits.matches("\\d+") && digits.length() < width) {
			return "0".repeat(width - digits.length()) + digits;
		}
		return digits;
	}

	private static void require(List<InputProblem> problems, int row, String column, String value) {
		if (value == null) {
			problems.add(InputProblem.at(row, column, "error.field.required", column));
		}
	}

	private static void check(List<InputProblem> problems, int row, String column, String value, Pattern format,
			String digits) {
		if (value == null) {
			problems.add(InputProblem.at(row, column, "error.field.required", column));
		}
		else if (!format.matcher(value).matches()) {
			problems.add(InputProblem.at(row, column, "error.unit.code-format", value, digits));
		}
	}

	static String shortName(String fullName) {
		for (String prefix : UNIT_KIND_PREFIXES) {
			if (fullName.startsWith(prefix + " ") && fullName.length() > prefix.length() + 1) {
				return fullName.substring(prefix.length() + 1);
			}
		}
		return fullName;
	}
}
