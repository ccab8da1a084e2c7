package vn.vongtay.indicators;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of each measure computed the plain way, by one GROUP BY query over the source modules' tables joined to
 * geography.unit_reach: what the tallies must equal. Written from the definitions, independently of the tally code.
 * Each method answers per value of the dimension ({@code ""} for the total, under the key {@code ""}).
 */
class PlainFigures {

	/** A child's stays: the first residence from birth, all of them within childhood, [s_from, s_to). */
	static final String STAYS = """
			WITH reach AS (SELECT unit_id FROM geography.unit_reach WHERE root_id = :root),
			ranked AS (SELECT r.*, row_number() OVER (PARTITION BY r.child_id ORDER BY r.from_date, r.id) AS n
			           FROM children.residence r),
			stay AS (
			  SELECT c.id AS child_id, c.sex, c.birth_date AS born, COALESCE(c.ethnicity_code, 'UNKNOWN') AS ethnicity,
			         c.birth_registered, r.unit_id,
			         CASE WHEN r.n = 1 OR r.from_date < c.birth_date THEN c.birth_date ELSE r.from_date END AS s_from,
			         LEAST(COALESCE(r.to_date + 1, CAST(c.birth_date + interval '16 years' AS date)),
			               CAST(c.birth_date + interval '16 years' AS date)) AS s_to
			  FROM children.child c JOIN ranked r ON r.child_id = c.id
			  WHERE r.unit_id IN (SELECT unit_id FROM reach))
			""";

	static final String AGE_GROUP = """
			CASE WHEN CAST(:d AS date) < born + interval '6 years' THEN '0-5'
			     WHEN CAST(:d AS date) < born + interval '11 years' THEN '6-10' ELSE '11-15' END""";

	private final JdbcClient jdbc;

	PlainFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The plain figure of a measure, or {@code null} when this class does not know the measure. */
	Map<String, Long> of(String measure, long root, IndicatorPeriod period, LocalDate asOf, String dimension) {
		LocalDate p1 = period.start();
		LocalDate p2 = period.end();
		return switch (measure) {
			case "CHILDREN" -> stock("", root, asOf, dimension, "sex", "ethnicity", "age_group");
			case "CHILDREN_UNDER_5" -> stock(" AND CAST(:d AS date) < born + interval '5 years'", root, asOf, dimension, "sex");
			case "CHILDREN_UNDER_5_BIRTH_RECORDED" -> stock(
					" AND CAST(:d AS date) < born + interval '5 years' AND birth_registered IS NOT NULL", root, asOf,
					dimension, "sex");
			case "CHILDREN_UNDER_5_BIRTH_REGISTERED" -> stock(
					" AND CAST(:d AS date) < born + interval '5 years' AND birth_registered", root, asOf, dimension, "sex");
			case "CHILDREN_AGED_7_15" -> stock(" AND CAST(:d AS date) >= born + interval '7 years'", root, asOf, dimension,
					"sex");
			case "CHILDREN_AGED_11_15" -> stock(" AND CAST(:d AS date) >= born + interval '11 years'", root, asOf,
					dimension, "sex");
			case "CHILDREN_SPECIAL" -> circumstance(false, root, asOf, dimension);
			case "CHILDREN_AT_RISK" -> circumstance(true, root, asOf, dimension);
			case "CHILDREN_SPECIAL_DURING" -> during(root, p1, p2, dimension);
			case "CHILDREN_SPECIAL_ASSISTED" -> supports("count(DISTINCT s.child_id)", """
					 AND s.given_on >= c.birth_date AND s.given_on < c.birth_date + interval '16 years'
					 AND EXISTS (SELECT 1 FROM children.circumstance x WHERE x.child_id = s.child_id AND NOT x.at_risk
					             AND x.from_date <= s.given_on AND (x.to_date IS NULL OR x.to_date >= s.given_on)
					             AND (CAST(:grp AS text) IS NULL OR x.group_code = :grp))""", root, p1, p2, dimension);
			case "CHILDREN_SUPPORTED" -> supports("count(DISTINCT s.child_id)",
					" AND s.given_on >= c.birth_date AND s.given_on < c.birth_date + interval '16 years'", root, p1, p2,
					dimension);
			case "SUPPORTS" -> supports("count(*)", "", root, p1, p2, dimension);
			case "SUPPORT_AMOUNT" -> supports("COALESCE(sum(s.amount_vnd), 0)", " AND s.amount_vnd IS NOT NULL", root, p1,
					p2, dimension);
			default -> null;
		};
	}

	private Map<String, Long> stock(String condition, long root, LocalDate d, String dimension, String... dimensions) {
		String key = switch (dimension) {
			case "" -> "''";
			case "sex" -> "sex";
			case "ethnicity" -> "ethnicity";
			case "age_group" -> AGE_GROUP;
			default -> throw new IllegalArgumentException(dimension);
		};
		return rows(STAYS + "SELECT " + key + " AS k, count(*) AS n FROM stay WHERE s_from <= :d AND s_to > :d"
				+ condition + " GROUP BY 1", root, d, null, null, null);
	}

	private Map<String, Long> circumstance(boolean atRisk, long root, LocalDate d, String dimension) {
		String key = switch (dimension) {
			case "" -> "''";
			case "sex" -> "sex";
			case "age_group" -> AGE_GROUP;
			case "group" -> "x.group_code";
			default -> throw new IllegalArgumentException(dimension);
		};
		return rows(STAYS + "SELECT " + key + """
				 AS k, count(DISTINCT stay.child_id) AS n FROM stay
				JOIN children.circumstance x ON x.child_id = stay.child_id AND x.at_risk = :atRisk
				     AND x.from_date <= :d AND (x.to_date IS NULL OR x.to_date >= :d)
				WHERE s_from <= :d AND s_to > :d GROUP BY 1""", root, d, atRisk, null, null);
	}

	private Map<String, Long> during(long root, LocalDate p1, LocalDate p2, String dimension) {
		String key = switch (dimension) {
			case "" -> "''";
			case "sex" -> "sex";
			case "group" -> "x.group_code";
			default -> throw new IllegalArgumentException(dimension);
		};
		return rows(STAYS + "SELECT " + key + """
				 AS k, count(DISTINCT stay.child_id) AS n FROM stay
				JOIN children.circumstance x ON x.child_id = stay.child_id AND NOT x.at_risk
				WHERE GREATEST(s_from, x.from_date, CAST(:p1 AS date))
				      < LEAST(s_to, COALESCE(x.to_date + 1, CAST('infinity' AS date)), CAST(:p2 AS date) + 1)
				GROUP BY 1""", root, null, null, p1, p2);
	}

	private Map<String, Long> supports(String aggregate, String condition, long root, LocalDate p1, LocalDate p2,
			String dimension) {
		if (dimension.equals("group")) {
			// a child counts in each group they were in on the day of a support
			Map<String, Long> byGroup = new HashMap<>();
			for (String group : new String[] { "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o" }) {
				long n = jdbc.sql("SELECT " + aggregate + """
						 FROM children.support s JOIN children.child c ON c.id = s.child_id
						WHERE s.unit_id IN (SELECT unit_id FROM geography.unit_reach WHERE root_id = :root)
						  AND s.given_on BETWEEN :p1 AND :p2""" + " " + condition)
					.param("root", root).param("p1", p1).param("p2", p2).param("grp", group)
					.query(Long.class).single();
				if (n != 0) {
					byGroup.put(group, n);
				}
			}
			return byGroup;
		}
		String key = switch (dimension) {
			case "" -> "''";
			case "sex" -> "c.sex";
			case "support_kind" -> "s.kind";
			case "support_source" -> "s.source";
			default -> throw new IllegalArgumentException(dimension);
		};
		Map<String, Long> values = new HashMap<>();
		jdbc.sql("SELECT " + key + " AS k, " + aggregate + """
				 AS n FROM children.support s JOIN children.child c ON c.id = s.child_id
				WHERE s.unit_id IN (SELECT unit_id FROM geography.unit_reach WHERE root_id = :root)
				  AND s.given_on BETWEEN :p1 AND :p2""" + " " + condition + " GROUP BY 1")
			.param("root", root).param("p1", p1).param("p2", p2).param("grp", (Object) null)
			.query(rs -> {
				if (rs.getLong("n") != 0) {
					values.put(rs.getString("k"), rs.getLong("n"));
				}
			});
		return values;
	}

	private Map<String, Long> rows(String sql, long root, LocalDate d, Boolean atRisk, LocalDate p1, LocalDate p2) {
		Map<String, Long> values = new HashMap<>();
		var spec = jdbc.sql(sql).param("root", root);
		if (sql.contains(":d")) {
			spec = spec.param("d", d);
		}
		if (sql.contains(":atRisk")) {
			spec = spec.param("atRisk", atRisk);
		}
		if (sql.contains(":p1")) {
			spec = spec.param("p1", p1).param("p2", p2);
		}
		spec.query(rs -> {
			if (rs.getLong("n") != 0) {
				values.put(rs.getString("k"), rs.getLong("n"));
			}
		});
		return values;
	}
}
