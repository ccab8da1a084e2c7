package vn.vongtay.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import vn.vongtay.core.VietnameseText;

/**
 * Writes a stored plan back in the exchange format, so that what an office loaded can be taken out, corrected and
 * loaded again, or handed to another system. Agencies get keys made from their names.
 */
@Component
public class PlanExporter {

	private final JdbcClient jdbc;

	PlanExporter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The caller has checked that the plan is visible. */
	public String export(long planId) {
		Map<Long, String> agencyKeys = new LinkedHashMap<>();
		List<Map<String, Object>> agencies = new ArrayList<>();
		Set<String> usedKeys = new HashSet<>();
		jdbc.sql("""
				SELECT a.id, a.kind, a.name, u.code FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.id IN (SELECT issuer_agency_id FROM planning.plan WHERE id = :plan
				               UNION SELECT lead_agency_id FROM planning.task WHERE plan_id = :plan
				               UNION SELECT tp.agency_id FROM planning.task_partner tp JOIN planning.task t ON t.id = tp.task_id
				                     WHERE t.plan_id = :plan
				               UNION SELECT reporter_agency_id FROM planning.reporting_rule WHERE plan_id = :plan
				               UNION SELECT unnest(reporter_agency_ids) FROM planning.reporting_rule WHERE plan_id = :plan
				               UNION SELECT recipient_agency_id FROM planning.reporting_rule WHERE plan_id = :plan)
				ORDER BY a.id""")
			.param("plan", planId)
			.query(rs -> {
				String key = uniqueKey(rs.getString("name"), usedKeys);
				agencyKeys.put(rs.getLong("id"), key);
				agencies.add(map("key", key, "kind", rs.getString("kind"), "name", rs.getString("name"), "unitCode",
						rs.getString("code")));
			});

		Map<String, Object> plan = jdbc.sql("""
				SELECT p.*, u.code AS unit_code FROM planning.plan p JOIN geography.unit u ON u.id = p.issuer_unit_id
				WHERE p.id = :plan""")
			.param("plan", planId)
			.query((rs, n) -> map("key", rs.getString("key"), "kind", rs.getString("kind"), "number", rs.getString("number"),
					"issuedOn", date(rs.getObject("issued_on", LocalDate.class)), "title", rs.getString("title"),
					"years", map("from", rs.getInt("year_from"), "to", rs.getObject("year_to")), "status",
					rs.getString("status"),
					"issuer", map("unitCode", rs.getString("unit_code"), "agency",
							agencyKeys.get((Long) rs.getObject("issuer_agency_id"))),
					"submission", rs.getString("submission_number") == null && rs.getString("submission_title") == null
							? null
							: map("number", rs.getString("submission_number"), "issuedOn",
									date(rs.getObject("submission_date", LocalDate.class)), "title",
									rs.getString("submission_title")),
					"sourceFile", rs.getString("source_file"), "summary", rs.getString("summary")))
			.single();
		plan.put("basedOn", jdbc.sql("SELECT * FROM planning.plan_reference WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> map("kind", rs.getString("kind"), "number", rs.getString("number"), "date",
					date(rs.getObject("issued_on", LocalDate.class)), "issuer", rs.getString("issuer"), "title",
					rs.getString("title"), "implements", rs.getBoolean("implements")))
			.list());
		// a plan loaded through the API has no text as issued
		plan.put("originalText", jdbc.sql("SELECT original_text FROM planning.plan WHERE id = :plan").param("plan", planId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null));

		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", PlanDocument.FORMAT);
		document.put("plan", plan);
		document.put("agencies", agencies);
		document.put("objectives", objectives(planId));
		document.put("figures", figures(planId));
		document.put("allowances", allowances(planId));
		document.put("tasks", tasks(planId, agencyKeys));
		document.put("reporting", reporting(planId, agencyKeys));
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setWidth(120);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		return "# Vòng Tay plan export\n" + new Yaml(options).dump(document);
	}

	private List<Map<String, Object>> objectives(long planId) {
		Map<Long, Map<Integer, Object>> values = new HashMap<>();
		jdbc.sql("""
				SELECT v.* FROM planning.target_value v JOIN planning.target t ON t.id = v.target_id
				WHERE t.plan_id = :plan ORDER BY v.year""")
			.param("plan", planId)
			.query(rs -> {
				BigDecimal upper = rs.getBigDecimal("upper_value");
				values.computeIfAbsent(rs.getLong("target_id"), k -> new LinkedHashMap<>())
					.put(rs.getInt("year"), upper == null ? number(rs.getBigDecimal("value"))
							: map("from", number(rs.getBigDecimal("value")), "to", number(upper)));
			});
		Map<Long, List<Map<String, Object>>> targetsByObjective = new HashMap<>();
		Map<Long, Map<String, Object>> targetsById = new HashMap<>();
		jdbc.sql("""
				SELECT t.*, u.code AS unit_code, p.issuer_unit_id FROM planning.target t
				JOIN geography.unit u ON u.id = t.unit_id JOIN planning.plan p ON p.id = t.plan_id
				WHERE t.plan_id = :plan ORDER BY t.parent_id NULLS FIRST, t.position""")
			.param("plan", planId)
			.query(rs -> {
				long id = rs.getLong("id");
				BigDecimal baseline = rs.getBigDecimal("baseline_value");
				Map<String, Object> target = map("code", rs.getString("code"), "statement", rs.getString("statement"),
						"unit", rs.getString("measure"), "direction", rs.getString("direction"), "baseline",
						baseline == null ? null : map("value", number(baseline), "year", rs.getObject("baseline_year")),
						"values", values.getOrDefault(id, Map.of()));
				if (rs.getObject("base_year") != null) {
					target.put("baseYear", rs.getInt("base_year"));
				}
				if (rs.getLong("unit_id") != rs.getLong("issuer_unit_id")) {
					target.put("unitCode", rs.getString("unit_code"));
				}
				if (rs.getString("indicator_code") != null) {
					target.put("indicator", rs.getString("indicator_code"));
				}
				Long parent = (Long) rs.getObject("parent_id");
				if (parent == null) {
					target.put("parts", new ArrayList<Map<String, Object>>());
					targetsByObjective.computeIfAbsent(rs.getLong("objective_id"), k -> new ArrayList<>()).add(target);
					targetsById.put(id, target);
				}
				else {
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> parts = (List<Map<String, Object>>) targetsById.get(parent).get("parts");
					parts.add(target);
				}
			});
		return jdbc.sql("SELECT * FROM planning.objective WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> map("number", rs.getString("number"), "kind", rs.getString("kind"), "statement",
					rs.getString("statement"), "targets", targetsByObjective.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private List<Map<String, Object>> figures(long planId) {
		return jdbc.sql("""
				SELECT f.*, u.code AS unit_code, p.issuer_unit_id FROM planning.plan_figure f
				JOIN geography.unit u ON u.id = f.unit_id JOIN planning.plan p ON p.id = f.plan_id
				WHERE f.plan_id = :plan ORDER BY f.position""")
			.param("plan", planId)
			.query((rs, n) -> {
				Map<String, Object> figure = map("statement", rs.getString("statement"), "value",
						number(rs.getBigDecimal("value")), "unit", rs.getString("measure"));
				if (rs.getObject("year_from") == null) {
					figure.put("year", rs.getInt("year_to"));
				}
				else {
					figure.put("years", map("from", rs.getInt("year_from"), "to", rs.getInt("year_to")));
				}
				if (rs.getLong("unit_id") != rs.getLong("issuer_unit_id")) {
					figure.put("unitCode", rs.getString("unit_code"));
				}
				figure.put("indicator", rs.getString("indicator_code"));
				figure.put("note", rs.getString("note"));
				return figure;
			})
			.list();
	}

	private List<Map<String, Object>> allowances(long planId) {
		return jdbc.sql("SELECT * FROM planning.plan_allowance WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> {
				Map<String, Object> allowance = map("recipient", rs.getString("recipient"));
				if (rs.getBigDecimal("coefficient") != null) {
					allowance.put("coefficient", number(rs.getBigDecimal("coefficient")));
					allowance.put("basis", rs.getString("basis"));
				}
				else {
					allowance.put("amount", number(rs.getBigDecimal("amount")));
				}
				allowance.put("period", rs.getString("period"));
				allowance.put("text", rs.getString("text"));
				return allowance;
			})
			.list();
	}

	private List<Map<String, Object>> tasks(long planId, Map<Long, String> agencyKeys) {
		return jdbc.sql("""
				SELECT t.*,
				       ARRAY(SELECT agency_id FROM planning.task_partner WHERE task_id = t.id ORDER BY position) AS partners,
				       ARRAY(SELECT higher_plan_number || E'\\n' || higher_task_number FROM planning.task_answer
				             WHERE task_id = t.id ORDER BY higher_plan_number, higher_task_number) AS answers
				FROM planning.task t WHERE t.plan_id = :plan ORDER BY t.position""")
			.param("plan", planId)
			.query((rs, n) -> {
				List<String> partners = new ArrayList<>();
				for (Long id : (Long[]) rs.getArray("partners").getArray()) {
					partners.add(agencyKeys.get(id));
				}
				Map<String, Object> timeframe = map("kind", rs.getString("timeframe_kind"));
				if (rs.getObject("timeframe_year") != null) {
					timeframe.put("year", rs.getInt("timeframe_year"));
				}
				if (rs.getObject("timeframe_quarter") != null) {
					timeframe.put("quarter", rs.getInt("timeframe_quarter"));
				}
				if ("DEADLINE".equals(rs.getString("timeframe_kind"))) {
					timeframe.put("dueOn", date(rs.getObject("due_on", LocalDate.class)));
				}
				timeframe.put("text", rs.getString("timeframe_text"));
				Map<String, Object> task = map("number", rs.getString("number"), "section", rs.getString("section"),
						"statement", rs.getString("statement"), "lead", agencyKeys.get((Long) rs.getObject("lead_agency_id")),
						"partners", partners, "timeframe", timeframe, "expectedResult", rs.getString("expected_result"));
				String[] answers = (String[]) rs.getArray("answers").getArray();
				if (answers.length > 0) {
					List<Map<String, Object>> list = new ArrayList<>();
					for (String answer : answers) {
						String[] parts = answer.split("\n", 2);
						list.add(map("plan", parts[0], "task", parts[1]));
					}
					task.put("answers", list);
				}
				return task;
			})
			.list();
	}

	private List<Map<String, Object>> reporting(long planId, Map<Long, String> agencyKeys) {
		return jdbc.sql("SELECT * FROM planning.reporting_rule WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> {
				Map<String, Object> period = new LinkedHashMap<>();
				Integer from = (Integer) rs.getObject("period_from");
				Integer to = (Integer) rs.getObject("period_to");
				if (from != null && from.equals(to)) {
					period.put("year", from);
				}
				else if (from != null) {
					period.put("from", from);
					period.put("to", to);
				}
				for (String part : List.of("half", "quarter", "month")) {
					if (rs.getObject("period_" + part) != null) {
						period.put(part, rs.getInt("period_" + part));
					}
				}
				List<String> reporters = Arrays.stream((Long[]) rs.getArray("reporter_agency_ids").getArray())
					.map(agencyKeys::get).toList();
				Map<String, Object> rule = map("kind", rs.getString("kind"),
						"reporter", agencyKeys.get((Long) rs.getObject("reporter_agency_id")), "reporters", reporters,
						"recipient", agencyKeys.get((Long) rs.getObject("recipient_agency_id")),
						"period", period.isEmpty() ? null : period,
						"dueOn", date(rs.getObject("due_on", LocalDate.class)),
						"annexes", List.of((String[]) rs.getArray("annexes").getArray()), "text", rs.getString("text"));
				if (reporters.isEmpty()) {
					rule.remove("reporters");
				}
				return rule;
			})
			.list();
	}

	private static String uniqueKey(String name, Set<String> used) {
		String slug = VietnameseText.fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
		slug = slug.isEmpty() ? "co-quan" : slug;
		String key = slug;
		for (int i = 2; !used.add(key); i++) {
			key = slug + "-" + i;
		}
		return key;
	}

	/** 80 rather than 80.000 or 8E+1. */
	private static Number number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() <= 0 ? stripped.longValueExact() : stripped;
	}

	/** ISO text, which the reader parses back; SnakeYAML would write a java.time value as an object. */
	private static String date(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
