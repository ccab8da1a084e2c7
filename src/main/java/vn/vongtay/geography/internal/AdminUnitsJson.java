package vn.vongtay.geography.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.SuccessionKind;
import vn.vongtay.geography.UnitLevel;

/**
 * Reads the JSON layouts of the public administrative-unit data sets: the three-level tree (Province → District[] →
 * Ward[]), the two-level tree of 2025 (Province → Wards[]) and the 2025 lineage (each new unit with the old units merged
 * into it, {@code full} or {@code partial}). A problem is reported with its path in the file.
 */
public final class AdminUnitsJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AdminUnitsJson() {
	}

	public static List<UnitDraft> threeLevel(byte[] content, LocalDate validFrom, LocalDate validTo) {
		JsonNode root = parse(content);
		List<UnitDraft> units = new ArrayList<>();
		List<InputProblem> problems = new ArrayList<>();
		requireArray(root, "$", problems);
		for (int p = 0; p < root.size(); p++) {
			JsonNode province = root.get(p);
			String path = "$[" + p + "]";
			String provinceCode = unit(province, path, UnitLevel.PROVINCE, null, null, validFrom, validTo, units,
					problems);
			JsonNode districts = province.path("District");
			for (int d = 0; d < districts.size(); d++) {
				String districtPath = path + ".District[" + d + "]";
				JsonNode district = districts.get(d);
				String districtCode = unit(district, districtPath, UnitLevel.DISTRICT, provinceCode, provinceCode,
						validFrom, validTo, units, problems);
				JsonNode wards = district.path("Ward");
				for (int w = 0; w < wards.size(); w++) {
					unit(wards.get(w), districtPath + ".Ward[" + w + "]", UnitLevel.COMMUNE, districtCode, provinceCode,
							validFrom, validTo, units, problems);
				}
			}
		}
		return orFail(units, problems);
	}

	public static List<UnitDraft> twoLevel(byte[] content, LocalDate validFrom, LocalDate validTo) {
		JsonNode root = parse(content);
		List<UnitDraft> units = new ArrayList<>();
		List<InputProblem> problems = new ArrayList<>();
		requireArray(root, "$", problems);
		for (int p = 0; p < root.size(); p++) {
			JsonNode province = root.get(p);
			String path = "$[" + p + "]";
			String provinceCode = unit(province, path, UnitLevel.PROVINCE, null, null, validFrom, validTo, units,
					problems);
			JsonNode wards = province.path("Wards");
			for (int w = 0; w < wards.size(); w++) {
				unit(wards.get(w), path + ".Wards[" + w + "]", UnitLevel.COMMUNE, provinceCode, provinceCode, validFrom,
						validTo, units, problems);
			}
		}
		return orFail(units, problems);
	}

	public static List<SuccessionDraft> merges(byte[] content) {
		JsonNode data = parse(content).path("data");
		List<SuccessionDraft> successions = new ArrayList<>();
		List<InputProblem> problems = new ArrayList<>();
		requireArray(data, "$.data", problems);
		for (int p = 0; p < data.size(); p++) {
			JsonNode province = data.get(p);
			String path = "$.data[" + p + "]";
			merges(province, text(province, "level1_id"), path, successions, problems);
			JsonNode communes = province.path("level2s");
			for (int c = 0; c < communes.size(); c++) {
				JsonNode commune = communes.get(c);
				merges(commune, text(commune, "level2_id"), path + ".level2s[" + c + "]", successions, problems);
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return successions;
	}

	private static void merges(JsonNode node, String successorCode, String path, List<SuccessionDraft> out,
			List<InputProblem> problems) {
		if (successorCode == null) {
			problems.add(InputProblem.field(path, "error.field.required", "id"));
			return;
		}
		JsonNode merges = node.path("merges");
		for (int m = 0; m < merges.size(); m++) {
			JsonNode merge = merges.get(m);
			String mergePath = path + ".merges[" + m + "]";
			String oldId = text(merge, "old_id");
			String type = text(merge, "type");
			if (oldId == null) {
				problems.add(InputProblem.field(mergePath, "error.field.required", "old_id"));
			}
			else if (!"full".equals(type) && !"partial".equals(type)) {
				problems.add(InputProblem.field(mergePath, "error.unit.succession-type", String.valueOf(type)));
			}
			else {
				out.add(new SuccessionDraft(oldId, successorCode,
						"full".equals(type) ? SuccessionKind.FULL : SuccessionKind.PARTIAL, mergePath));
			}
		}
	}

	private static String unit(JsonNode node, String path, UnitLevel level, String parentCode, String provinceCode,
			LocalDate validFrom, LocalDate validTo, List<UnitDraft> units, List<InputProblem> problems) {
		String code = text(node, "Code");
		String name = text(node, "Name");
		String fullName = text(node, "FullName");
		if (code == null || !code.matches("\\d+")) {
			problems.add(InputProblem.field(path + ".Code", "error.unit.code-format", String.valueOf(code),
					level == UnitLevel.PROVINCE ? "2" : level == UnitLevel.DISTRICT ? "3" : "5"));
			return code;
		}
		if (name == null) {
			problems.add(InputProblem.field(path + ".Name", "error.field.required", "Name"));
			return code;
		}
		units.add(new UnitDraft(code, level, name, fullName == null ? name : fullName, text(node, "NameEn"),
				parentCode, provinceCode == null ? code : provinceCode, validFrom, validTo));
		return code;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : VietnameseText.clean(value.asString());
	}

	private static void requireArray(JsonNode node, String path, List<InputProblem> problems) {
		if (!node.isArray()) {
			problems.add(InputProblem.field(path, "error.file.json-array-expected"));
			throw UserFacingException.rejected(problems);
		}
	}

	private static JsonNode parse(byte[] content) {
		try {
			return JSON.readTree(content);
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			throw UserFacingException.rejected(List.of(new InputProblem(location == null ? null : location.getLineNr(),
					location == null ? null : "col " + location.getColumnNr(), "error.file.json-malformed")));
		}
	}

	private static <T> List<T> orFail(List<T> result, List<InputProblem> problems) {
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return result;
	}
}
