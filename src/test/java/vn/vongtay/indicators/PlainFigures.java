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
			default -> prevention(measure, root, p1, p2, asOf, dimension);
		};
	}

	private static final String REACH = "(SELECT unit_id FROM geography.unit_reach WHERE root_id = :root)";
	private static final String VN_DAY = "CAST(t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)";
	private static final String DEALT = """
			 AND t.step IN ('HANDLED', 'CLOSED_UNFOUNDED')
			 AND EXISTS (SELECT 1 FROM prostitution.tip_off_step x WHERE x.tip_off_id = t.id AND x.step = 'VERIFIED')""";

	/** Prostitution prevention and outreach. */
	private Map<String, Long> prevention(String measure, long root, LocalDate p1, LocalDate p2, LocalDate d,
			String dimension) {
		String sql = switch (measure) {
			case "PRONE_ESTABLISHMENTS_OPEN" -> "SELECT " + key(dimension, "establishment_type", "e.type")
					+ " AS k, count(*) AS n FROM prostitution.establishment e WHERE e.unit_id IN " + REACH
					+ " AND (e.opened_on IS NULL OR e.opened_on <= :d) AND (e.closed_on IS NULL OR e.closed_on >= :d) GROUP BY 1";
			case "PRONE_ESTABLISHMENT_WORKERS" -> "SELECT " + key(dimension, "establishment_type", "e.type")
					+ " AS k, sum(e.registered_workers) AS n FROM prostitution.establishment e WHERE e.unit_id IN " + REACH
					+ " AND (e.opened_on IS NULL OR e.opened_on <= :d) AND (e.closed_on IS NULL OR e.closed_on >= :d)"
					+ " AND e.registered_workers IS NOT NULL GROUP BY 1";
			case "PRONE_ESTABLISHMENTS_OPERATING" -> "SELECT " + key(dimension, "establishment_type", "e.type")
					+ " AS k, count(*) AS n FROM prostitution.establishment e WHERE e.unit_id IN " + REACH
					+ " AND (e.opened_on IS NULL OR e.opened_on <= :p2) AND (e.closed_on IS NULL OR e.closed_on >= :p1) GROUP BY 1";
			case "PRONE_ESTABLISHMENTS_INSPECTED" -> "SELECT " + key(dimension, "establishment_type", "e.type")
					+ " AS k, count(DISTINCT e.id) AS n FROM prostitution.establishment e JOIN prostitution.inspection i"
					+ " ON i.establishment_id = e.id WHERE e.unit_id IN " + REACH
					+ " AND i.inspected_on BETWEEN :p1 AND :p2 GROUP BY 1";
			case "PROSTITUTION_INSPECTIONS" -> "SELECT " + key(dimension, "establishment_type", "e.type")
					+ " AS k, count(*) AS n FROM prostitution.inspection i JOIN prostitution.establishment e"
					+ " ON e.id = i.establishment_id WHERE i.unit_id IN " + REACH
					+ " AND i.inspected_on BETWEEN :p1 AND :p2 GROUP BY 1";
			case "PROSTITUTION_VIOLATIONS" -> "SELECT " + key(dimension, "sanction", "v.sanction")
					+ " AS k, count(*) AS n FROM prostitution.violation v JOIN prostitution.inspection i ON i.id = v.inspection_id"
					+ " WHERE i.unit_id IN " + REACH + " AND i.inspected_on BETWEEN :p1 AND :p2 GROUP BY 1";
			case "PROSTITUTION_FINES" -> "SELECT '' AS k, sum(v.fine_vnd) AS n FROM prostitution.violation v"
					+ " JOIN prostitution.inspection i ON i.id = v.inspection_id WHERE i.unit_id IN " + REACH
					+ " AND i.inspected_on BETWEEN :p1 AND :p2 GROUP BY 1";
			case "TIP_OFFS_RECEIVED", "TIP_OFFS_DEALT_WITH" -> "SELECT "
					+ key(dimension, "channel", "t.channel", "tip_off_kind", "t.kind")
					+ " AS k, count(*) AS n FROM prostitution.tip_off t WHERE t.unit_id IN " + REACH + " AND " + VN_DAY
					+ " BETWEEN :p1 AND :p2" + (measure.equals("TIP_OFFS_DEALT_WITH") ? " " + DEALT : "") + " GROUP BY 1";
			case "PEOPLE_IN_NEED" -> "SELECT " + key(dimension, "sex", "s.sex")
					+ " AS k, count(*) AS n FROM prostitution.support_record s WHERE s.unit_id IN " + REACH
					+ " AND cardinality(s.needs) > 0 AND s.consent_on <= :d GROUP BY 1";
			case "PEOPLE_SERVED" -> "SELECT " + key(dimension, "sex", "s.sex")
					+ " AS k, count(DISTINCT s.id) AS n FROM prostitution.support_record s JOIN prostitution.support_service v"
					+ " ON v.record_id = s.id WHERE s.unit_id IN " + REACH
					+ " AND cardinality(s.needs) > 0 AND v.provided_on BETWEEN :p1 AND :p2 GROUP BY 1";
			case "OUTREACH_ACTIVITIES" -> "SELECT " + key(dimension, "activity_kind", "a.kind", "topic", "t")
					+ " AS k, count(DISTINCT a.id) AS n FROM outreach.activity a CROSS JOIN unnest(a.topics) t"
					+ " WHERE a.ended_on BETWEEN :p1 AND :p2 AND EXISTS (SELECT 1 FROM outreach.activity_unit au"
					+ " WHERE au.activity_id = a.id AND au.unit_id IN " + REACH + ") GROUP BY 1";
			case "OUTREACH_FAMILIES_REACHED" -> audience("x.kind = 'FAMILIES_WITH_CHILDREN'", dimension);
			case "OUTREACH_ESTABLISHMENT_WORKERS_REACHED" -> audience("x.kind = 'PRONE_ESTABLISHMENT_WORKERS'", dimension);
			case "OUTREACH_ENTERPRISE_WORKERS_REACHED" -> audience("x.kind = 'ENTERPRISE_WORKERS'", dimension);
			case "OUTREACH_STUDENTS_REACHED" -> audience("x.kind IN ('PUPILS_UPPER_SECONDARY', 'VOCATIONAL_STUDENTS')",
					dimension);
			case "OUTREACH_CHILDREN_REACHED" -> audience("left(x.kind, 9) = 'CHILDREN_'", dimension);
			case "OFFICIALS_TRAINED" -> "SELECT " + key(dimension, "topic", "t")
					+ " AS k, count(DISTINCT p.official_id) AS n FROM outreach.participant p"
					+ " JOIN outreach.activity a ON a.id = p.activity_id JOIN outreach.official o ON o.id = p.official_id"
					+ " CROSS JOIN unnest(a.topics) t"
					+ " WHERE a.kind = 'TRAINING_COURSE' AND a.ended_on BETWEEN :p1 AND :p2 AND o.unit_id IN " + REACH
					+ " GROUP BY 1";
			case "OPINIONS_RAISED", "OPINIONS_ANSWERED" -> "SELECT "
					+ key(dimension, "age_group", "replace(substr(o.age_group, 5), '_', '-')", "sex", "o.sex")
					+ " AS k, count(*) AS n FROM outreach.opinion o WHERE o.unit_id IN " + REACH
					+ " AND o.raised_on BETWEEN :p1 AND :p2"
					+ (measure.equals("OPINIONS_ANSWERED") ? " AND o.answered_on IS NOT NULL" : "") + " GROUP BY 1";
			case "COMMUNES" -> "SELECT '' AS k, count(*) AS n FROM geography.unit c WHERE c.level = 'COMMUNE'"
					+ " AND c.id IN " + REACH + " AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:day AS date) GROUP BY 1";
			case "OUTREACH_COMMUNES_REACHED" -> "SELECT " + key(dimension, "topic", "t")
					+ " AS k, count(DISTINCT c.id) AS n FROM geography.unit c"
					+ " JOIN geography.unit_reach cr ON cr.root_id = c.id"
					+ " JOIN outreach.activity_unit au ON au.unit_id = cr.unit_id JOIN outreach.activity a ON a.id = au.activity_id"
					+ " CROSS JOIN unnest(a.topics) t"
					+ " WHERE c.level = 'COMMUNE' AND c.id IN " + REACH
					+ " AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:day AS date)"
					+ " AND a.started_on <= :p2 AND a.ended_on >= :p1 GROUP BY 1";
			case "REPORTS_RECEIVED" -> "SELECT " + key(dimension, "channel", "r.channel")
					+ " AS k, count(*) AS n FROM casework.report r JOIN casework.child_case c ON c.id = r.case_id"
					+ " WHERE c.unit_id IN " + REACH + " AND " + day("r.received_at") + " BETWEEN :p1 AND :p2 GROUP BY 1";
			case "CASES_OPENED" -> "SELECT " + key(dimension, "sex", "c.child_sex", "age_group", CASE_AGE)
					+ " AS k, count(*) AS n FROM casework.child_case c WHERE c.unit_id IN " + REACH + " AND "
					+ day("c.received_at") + " BETWEEN :p1 AND :p2 GROUP BY 1";
			case "CASES_CLOSED" -> "SELECT " + key(dimension, "outcome", "COALESCE(c.outcome, 'OTHER')")
					+ " AS k, count(*) AS n FROM casework.child_case c WHERE c.unit_id IN " + REACH + " AND "
					+ day("c.closed_at") + " BETWEEN :p1 AND :p2 GROUP BY 1";
			case "ABUSED_CHILDREN", "ABUSED_CHILDREN_ASSISTED" -> "SELECT "
					+ key(dimension, "sex", "c.child_sex", "age_group", CASE_AGE, "abuse_form", "f", "setting", "c.setting")
					+ " AS k, count(*) AS n FROM casework.child_case c"
					+ (dimension.equals("abuse_form") ? " CROSS JOIN unnest(c.abuse_forms) f" : "")
					+ " WHERE c.unit_id IN " + REACH + " AND c.abuse_confirmed AND " + day("c.received_at")
					+ " BETWEEN :p1 AND :p2" + (dimension.equals("setting") ? " AND c.setting IS NOT NULL" : "")
					+ (measure.equals("ABUSED_CHILDREN_ASSISTED") ? " AND c.first_plan_approved_at IS NOT NULL" : "")
					+ " GROUP BY 1";
			case "ABUSE_PERPETRATORS" -> "SELECT " + key(dimension, "perpetrator", "c.perpetrator_type")
					+ " AS k, count(*) AS n FROM casework.child_case c"
					+ " WHERE c.unit_id IN " + REACH + " AND c.abuse_confirmed AND c.perpetrator_type IS NOT NULL"
					+ " AND c.perpetrator_type <> 'UNKNOWN' AND " + day("c.received_at") + " BETWEEN :p1 AND :p2 GROUP BY 1";
			case "CASES_PLAN_APPROVED", "CASES_PLAN_APPROVED_ON_TIME" -> "SELECT '' AS k, count(*) AS n"
					+ " FROM casework.child_case c WHERE c.unit_id IN " + REACH + " AND " + day("c.first_plan_approved_at")
					+ " BETWEEN :p1 AND :p2" + (measure.endsWith("ON_TIME") ? " AND c.first_plan_approved_at <= c.first_plan_due_at" : "")
					+ " GROUP BY 1";
			case "CASES_EMERGENCY_REQUIRED", "CASES_EMERGENCY_ON_TIME" -> "SELECT '' AS k, count(*) AS n"
					+ " FROM casework.child_case c WHERE c.unit_id IN " + REACH + " AND c.emergency_required AND "
					+ day("c.received_at") + " BETWEEN :p1 AND :p2"
					+ (measure.endsWith("ON_TIME") ? " AND c.emergency_taken_at <= c.emergency_due_at" : "") + " GROUP BY 1";
			default -> null;
		};
		if (sql == null) {
			return null;
		}
		LocalDate validTo = jdbc.sql("SELECT valid_to FROM geography.unit WHERE id = :root").param("root", root)
			.query(LocalDate.class).optional().orElse(null);
		LocalDate day = validTo != null && validTo.isBefore(d) ? validTo : d;
		Map<String, Long> values = new HashMap<>();
		var spec = jdbc.sql(sql).param("root", root);
		for (String name : new String[] { "d", "p1", "p2", "day" }) {
			if (sql.contains(":" + name)) {
				spec = spec.param(name, switch (name) {
					case "d" -> d;
					case "p1" -> p1;
					case "p2" -> p2;
					default -> day;
				});
			}
		}
		spec.query(rs -> {
			if (rs.getLong("n") != 0) {
				values.put(rs.getString("k"), rs.getLong("n"));
			}
		});
		return values;
	}

	/** The age group of a case's child on the day of its first report, as the case figures count it. */
	private static final String CASE_AGE = """
			CASE WHEN c.child_birth_date IS NULL THEN 'UNKNOWN'
			     WHEN date_part('year', age(CAST(c.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date), c.child_birth_date)) <= 5 THEN '0-5'
			     WHEN date_part('year', age(CAST(c.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date), c.child_birth_date)) <= 10 THEN '6-10'
			     ELSE '11-15' END""";

	private static String day(String column) {
		return "CAST(" + column + " AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)";
	}

	private static String audience(String kinds, String dimension) {
		return "SELECT " + key(dimension, "topic", "t", "age_group", "replace(substr(x.kind, 10), '_', '-')")
				+ " AS k, sum(x.reached) AS n FROM outreach.audience x JOIN outreach.activity a ON a.id = x.activity_id"
				+ (dimension.equals("topic") ? " CROSS JOIN unnest(a.topics) t" : "")
				+ " WHERE " + kinds + " AND a.ended_on BETWEEN :p1 AND :p2 AND EXISTS (SELECT 1 FROM outreach.activity_unit au"
				+ " WHERE au.activity_id = a.id AND au.unit_id IN " + REACH + ") GROUP BY 1";
	}

	/** The grouping expression for the dimension asked, among pairs of (dimension, expression). */
	private static String key(String dimension, String... pairs) {
		if (dimension.isEmpty()) {
			return "''";
		}
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i].equals(dimension)) {
				return pairs[i + 1];
			}
		}
		throw new IllegalArgumentException(dimension);
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
