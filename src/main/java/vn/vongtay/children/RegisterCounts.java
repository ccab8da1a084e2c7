package vn.vongtay.children;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of the register for units (and every unit they reach, former communes included) as of a date: what other
 * modules compare their own figures with. Counts, never people; whoever shows them suppresses small ones.
 */
@Component
@Transactional(readOnly = true)
public class RegisterCounts {

	private final JdbcClient jdbc;

	RegisterCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** People of the units whose age on the date lies between the two ages, inclusive. */
	public long people(Collection<Long> unitIds, LocalDate asOf, int fromAge, int toAge) {
		return jdbc.sql("""
				SELECT count(*) FROM children.child c
				WHERE c.unit_id = ANY (ARRAY(SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id IN (:units)))
				  AND c.birth_date <= CAST(:asOf AS date) - make_interval(years => :fromAge)
				  AND c.birth_date > CAST(:asOf AS date) - make_interval(years => :toAge + 1)""")
			.param("units", ids(unitIds)).param("asOf", asOf).param("fromAge", fromAge).param("toAge", toAge)
			.query(Long.class).single();
	}

	/** Households of the units with at least one child under 16 on the date. */
	public long householdsWithChildren(Collection<Long> unitIds, LocalDate asOf) {
		return jdbc.sql("""
				SELECT count(DISTINCT c.household_id) FROM children.child c
				WHERE c.unit_id = ANY (ARRAY(SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id IN (:units)))
				  AND c.household_id IS NOT NULL
				  AND c.birth_date <= :asOf AND c.birth_date > CAST(:asOf AS date) - INTERVAL '16 years'""")
			.param("units", ids(unitIds)).param("asOf", asOf).query(Long.class).single();
	}

	/**
	 * For generators of other modules, many units at once: by unit, its own children (not those of the units it
	 * reaches) whose age on the date lies between the two ages, and its households with a child under 16 then.
	 */
	public java.util.Map<Long, long[]> byUnit(Collection<Long> unitIds, LocalDate asOf, int fromAge, int toAge) {
		java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT c.unit_id,
				       count(*) FILTER (WHERE c.birth_date <= CAST(:asOf AS date) - make_interval(years => :fromAge)
				                          AND c.birth_date > CAST(:asOf AS date) - make_interval(years => :toAge + 1)) AS people,
				       count(DISTINCT c.household_id) FILTER (WHERE c.birth_date <= :asOf) AS households
				FROM children.child c
				WHERE c.unit_id IN (:units) AND c.birth_date > CAST(:asOf AS date) - INTERVAL '16 years'
				GROUP BY c.unit_id""")
			.param("units", ids(unitIds)).param("asOf", asOf).param("fromAge", fromAge).param("toAge", toAge)
			.query(rs -> {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return counts;
	}

	private static List<Long> ids(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? List.of(-1L) : List.copyOf(unitIds);
	}
}
