package vn.vongtay.geography;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;

/**
 * Looks up administrative units as they were on a date, and the units that continue them.
 */
@Component
@Transactional(readOnly = true)
public class Units {

	/**
	 * The ids of the units that the units bound to {@code :jurisdictionRoots} answer for. The one definition of "within a
	 * jurisdiction" that every query of personal data embeds.
	 */
	public static final String REACH_OF_ROOTS = "SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id IN (:jurisdictionRoots)";

	/** The ids of the units above the units bound to {@code :jurisdictionRoots} (the district, province, nation). */
	public static final String ANCESTORS_OF_ROOTS = """
			WITH RECURSIVE up(id) AS (
			  SELECT parent_id FROM geography.unit WHERE id IN (:jurisdictionRoots) AND parent_id IS NOT NULL
			  UNION
			  SELECT u.parent_id FROM up JOIN geography.unit u ON u.id = up.id WHERE u.parent_id IS NOT NULL)
			SELECT id FROM up""";

	public static final String NATION_CODE = "VN";

	private static final String SELECT = """
			SELECT u.id, u.code, u.level, u.name, u.full_name, u.name_en, u.parent_id, p.code AS parent_code,
			       u.province_code, u.valid_from, u.valid_to
			FROM geography.unit u LEFT JOIN geography.unit p ON p.id = u.parent_id
			""";

	private static final String VALID_ON = " daterange(u.valid_from, u.valid_to, '[]') @> CAST(:asOf AS date) ";

	private final JdbcClient jdbc;
	private final Clock clock;

	Units(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public Optional<AdministrativeUnit> findById(long id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(Units::map).optional();
	}

	public List<AdministrativeUnit> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE u.id IN (:ids) ORDER BY u.code").param("ids", ids).query(Units::map).list();
	}

	/** Today in Vietnam, by the application's clock: the day "as of now" means wherever the server runs. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public AdministrativeUnit nation() {
		return byCode(NATION_CODE, today());
	}

	/**
	 * The unit with this code on the date; if none was valid then, the latest one that had ended by that date (so that
	 * "what was under district X after it was abolished" has an answer: nothing).
	 *
	 * @throws UserFacingException 404 when no unit ever had the code
	 */
	public AdministrativeUnit byCode(String code, LocalDate asOf) {
		return findByCode(code, asOf)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.not-found", code));
	}

	public Optional<AdministrativeUnit> findByCode(String code, LocalDate asOf) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + """
				WHERE u.code = :code
				ORDER BY (daterange(u.valid_from, u.valid_to, '[]') @> CAST(:asOf AS date)) DESC,
				         (u.valid_from IS NULL OR u.valid_from <= :asOf) DESC,
				         COALESCE(u.valid_from, '-infinity'::date) DESC
				LIMIT 1""")
			.param("code", code.strip())
			.param("asOf", asOf)
			.query(Units::map)
			.optional();
	}

	public List<AdministrativeUnit> childrenOf(long parentId, LocalDate asOf) {
		return jdbc.sql(SELECT + " WHERE u.parent_id = :parent AND " + VALID_ON + " ORDER BY u.code")
			.param("parent", parentId)
			.param("asOf", asOf)
			.query(Units::map)
			.list();
	}

	/** The unit and the units above it, from the nation down. */
	public List<AdministrativeUnit> lineOf(long unitId) {
		return jdbc.sql("""
				WITH RECURSIVE line(id, depth) AS (
				  SELECT CAST(:id AS bigint), 0
				  UNION ALL
				  SELECT u.parent_id, line.depth + 1 FROM line JOIN geography.unit u ON u.id = line.id
				  WHERE u.parent_id IS NOT NULL)
				""" + SELECT.replace("FROM geography.unit u", "FROM line JOIN geography.unit u ON u.id = line.id")
				+ " ORDER BY line.depth DESC")
			.param("id", unitId)
			.query(Units::map)
			.list();
	}

	/** The units that continue the most recent unit that had this code and has ended. */
	public List<Successor> successorsOf(String code) {
		AdministrativeUnit ended = jdbc.sql(SELECT + """
				WHERE u.code = :code AND u.valid_to IS NOT NULL ORDER BY u.valid_to DESC LIMIT 1""")
			.param("code", code.strip())
			.query(Units::map)
			.optional()
			.orElse(null);
		if (ended == null) {
			byCode(code, today());
			return List.of();
		}
		return successorsOf(ended.id());
	}

	public List<Successor> successorsOf(long unitId) {
		return lineage("s.successor_id", "s.predecessor_id", unitId);
	}

	public List<Successor> predecessorsOf(long unitId) {
		return lineage("s.predecessor_id", "s.successor_id", unitId);
	}

	/** The units at the {@code other} end of the successions whose {@code known} end is the given unit. */
	private List<Successor> lineage(String other, String known, long unitId) {
		return jdbc.sql(SELECT.replace("FROM geography.unit u",
				"FROM geography.succession s JOIN geography.unit u ON u.id = " + other)
				.replace("SELECT u.id", "SELECT s.kind, u.id") + " WHERE " + known + " = :id ORDER BY u.code")
			.param("id", unitId)
			.query((rs, n) -> new Successor(map(rs, n), SuccessionKind.valueOf(rs.getString("kind"))))
			.list();
	}

	/**
	 * The units that existed on the date in the lineage of each given unit: the unit itself if it existed then; the units
	 * it continues, if the date comes before it (the communes merged into a commune of 2025); the units that continue
	 * it, if the date comes after it. A record belongs to the unit that existed on its date (issue 18; decision 0001), so
	 * a record of 2024 about a place in a commune of 2025 belongs to one of the communes that commune continues.
	 *
	 * @return by given unit id, the units of its lineage valid on the date, by code (empty when the lineage has none)
	 */
	public Map<Long, List<AdministrativeUnit>> lineageOn(Collection<Long> unitIds, LocalDate date) {
		Map<Long, List<AdministrativeUnit>> found = new LinkedHashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		unitIds.forEach(id -> found.put(id, new ArrayList<>()));
		// Walks back from a unit that did not exist yet and forward from one that had ended, never both ways: a
		// predecessor lasted until its successor began, so the walk back stops at the tree of the date.
		jdbc.sql("""
				WITH RECURSIVE walk(start_id, id) AS (
				  SELECT u.id, u.id FROM geography.unit u WHERE u.id IN (:ids)
				  UNION
				  SELECT w.start_id, CASE WHEN s.successor_id = u.id THEN s.predecessor_id ELSE s.successor_id END
				  FROM walk w JOIN geography.unit u ON u.id = w.id
				  JOIN geography.succession s
				    ON (u.valid_from > CAST(:asOf AS date) AND s.successor_id = u.id)
				    OR (u.valid_to < CAST(:asOf AS date) AND s.predecessor_id = u.id))
				""" + SELECT.replace("SELECT u.id", "SELECT w.start_id, u.id")
					.replace("FROM geography.unit u", "FROM walk w JOIN geography.unit u ON u.id = w.id")
				+ " WHERE " + VALID_ON + " ORDER BY w.start_id, u.code")
			.param("ids", unitIds)
			.param("asOf", date)
			.query(rs -> {
				found.get(rs.getLong("start_id")).add(map(rs, 0));
			});
		return found;
	}

	/**
	 * The one unit that existed on the date in the lineage of the given unit (itself when it existed then), or empty when
	 * the lineage branches there: a commune merged from several, or split among several, gives no single answer.
	 */
	public Optional<AdministrativeUnit> onDate(long unitId, LocalDate date) {
		List<AdministrativeUnit> candidates = lineageOn(List.of(unitId), date).get(unitId);
		return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
	}

	/** Whether a unit lies within what the given root units answer for. */
	public boolean reaches(Collection<Long> roots, long unitId) {
		if (roots.isEmpty()) {
			return false;
		}
		return jdbc.sql("SELECT EXISTS (" + REACH_OF_ROOTS + " AND r.unit_id = :unit)")
			.param("jurisdictionRoots", roots)
			.param("unit", unitId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The province codes of the units the given root units answer for, at any date (a province that a former province
	 * merged into also reaches the old code). Records that carry their province code can be looked up in these
	 * provinces' partitions only; this narrows where a query looks, never what it may return.
	 */
	public List<String> provinceCodesReached(Collection<Long> roots) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT u.province_code FROM geography.unit u WHERE u.province_code IS NOT NULL"
				+ " AND u.id IN (" + REACH_OF_ROOTS + ") ORDER BY 1")
			.param("jurisdictionRoots", roots)
			.query(String.class)
			.list();
	}

	public long countValidOn(UnitLevel level, LocalDate asOf) {
		return jdbc.sql("SELECT count(*) FROM geography.unit u WHERE u.level = :level AND " + VALID_ON)
			.param("level", level.name())
			.param("asOf", asOf)
			.query(Long.class)
			.single();
	}

	static AdministrativeUnit map(ResultSet rs, int row) throws SQLException {
		return new AdministrativeUnit(rs.getLong("id"), rs.getString("code"), UnitLevel.valueOf(rs.getString("level")),
				rs.getString("name"), rs.getString("full_name"), rs.getString("name_en"),
				(Long) rs.getObject("parent_id"), rs.getString("parent_code"), rs.getString("province_code"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
	}
}
