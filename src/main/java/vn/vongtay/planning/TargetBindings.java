package vn.vongtay.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.planning.internal.PlanAccess;

/** The targets of the plans the caller may see that are bound to a statistical indicator ({@code indicator:}). */
@Component
@Transactional(readOnly = true)
public class TargetBindings {

	private final JdbcClient jdbc;
	private final PlanAccess access;

	TargetBindings(JdbcClient jdbc, PlanAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** The visible targets measured by the indicator, by plan and target code. */
	public List<BoundTarget> boundTo(String indicatorCode) {
		return find("t.indicator_code = :code", indicatorCode);
	}

	/** Every visible target bound to an indicator. */
	public List<BoundTarget> all() {
		return find("t.indicator_code IS NOT NULL", null);
	}

	private List<BoundTarget> find(String condition, String code) {
		record Row(long planId, String key, String number, String title, long targetId, String targetCode,
				String statement, Measure measure, Direction direction, long unitId, String unitCode, String unitName,
				String indicator) {
		}
		List<Row> rows = access.bind(jdbc.sql("""
				SELECT p.id AS plan_id, p.key, p.number, p.title, t.id AS target_id, t.code, t.statement, t.measure,
				       t.direction, t.unit_id, u.code AS unit_code, u.full_name AS unit_name, t.indicator_code
				FROM planning.target t JOIN planning.plan p ON p.id = t.plan_id JOIN geography.unit u ON u.id = t.unit_id
				WHERE """ + " " + condition + " AND " + access.visible("p") + " ORDER BY p.key, t.parent_id NULLS FIRST, t.position"))
			.param("code", code)
			.query((rs, n) -> new Row(rs.getLong("plan_id"), rs.getString("key"), rs.getString("number"),
					rs.getString("title"), rs.getLong("target_id"), rs.getString("code"), rs.getString("statement"),
					Measure.valueOf(rs.getString("measure")),
					rs.getString("direction") == null ? null : Direction.valueOf(rs.getString("direction")),
					rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
					rs.getString("indicator_code")))
			.list();
		Map<Long, SortedMap<Integer, BigDecimal>> values = new HashMap<>();
		if (!rows.isEmpty()) {
			jdbc.sql("SELECT target_id, year, value FROM planning.target_value WHERE target_id IN (:ids)")
				.param("ids", rows.stream().map(Row::targetId).toList())
				.query(rs -> {
					values.computeIfAbsent(rs.getLong("target_id"), k -> new TreeMap<>())
						.put(rs.getInt("year"), rs.getBigDecimal("value"));
				});
		}
		List<BoundTarget> targets = new ArrayList<>();
		for (Row r : rows) {
			targets.add(new BoundTarget(r.planId(), r.key(), r.number(), r.title(), r.targetId(), r.targetCode(),
					r.statement(), r.measure(), r.direction(), r.unitId(), r.unitCode(), r.unitName(), r.indicator(),
					values.getOrDefault(r.targetId(), new TreeMap<>())));
		}
		return targets;
	}
}
