package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the tallies: a national figure is a read of a few hundred rows, a province's table of communes a read of
 * each commune's rows, whatever the number of records behind them.
 */
@Component
public class TallyReads {

	private final JdbcClient jdbc;

	TallyReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stock at the end of a month, per unit and value of the dimension ({@code ""} for the total, whose value is then
	 * {@code ""}). Units and values without rows are absent (zero).
	 */
	public Map<Long, Map<String, Long>> stock(String measure, Collection<Long> units, String dimension, int month) {
		return read("bucket <= :month", measure, units, dimension, Map.of("month", month));
	}

	/** A flow summed over buckets, per unit and value of the dimension. */
	public Map<Long, Map<String, Long>> flow(String measure, Collection<Long> units, String dimension,
			Collection<Integer> buckets) {
		return read("bucket IN (:buckets)", measure, units, dimension, Map.of("buckets", List.copyOf(buckets)));
	}

	private Map<Long, Map<String, Long>> read(String bucketCondition, String measure, Collection<Long> units,
			String dimension, Map<String, Object> parameters) {
		Map<Long, Map<String, Long>> values = new HashMap<>();
		if (units.isEmpty()) {
			return values;
		}
		jdbc.sql("""
				SELECT unit_id, dim_value, sum(value) AS value FROM indicators.tally
				WHERE measure = :measure AND unit_id IN (:units) AND dimension = :dimension AND """ + " " + bucketCondition
				+ " GROUP BY unit_id, dim_value")
			.param("measure", measure).param("units", List.copyOf(units)).param("dimension", dimension)
			.params(parameters)
			.query(rs -> {
				values.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>())
					.put(rs.getString("dim_value"), rs.getLong("value"));
			});
		return values;
	}

	/** The stock of one cell of one unit at the end of each month asked, from one read of its deltas. */
	public Map<Integer, Long> stockSeries(String measure, long unit, Cell cell, Collection<Integer> months) {
		Map<Integer, Long> series = new TreeMap<>();
		if (months.isEmpty()) {
			return series;
		}
		int last = months.stream().mapToInt(Integer::intValue).max().orElseThrow();
		TreeMap<Integer, Long> deltas = new TreeMap<>();
		jdbc.sql("""
				SELECT bucket, value FROM indicators.tally
				WHERE measure = :measure AND unit_id = :unit AND dimension = :dimension AND dim_value = :value
				  AND bucket <= :last""")
			.param("measure", measure).param("unit", unit).param("dimension", cell.dimension())
			.param("value", cell.value()).param("last", last)
			.query(rs -> {
				deltas.put(rs.getInt("bucket"), rs.getLong("value"));
			});
		for (int month : months) {
			series.put(month, deltas.headMap(month, true).values().stream().mapToLong(Long::longValue).sum());
		}
		return series;
	}

	/** A flow of one cell of one unit in each of the buckets asked, from one read. */
	public Map<Integer, Long> flowSeries(String measure, long unit, Cell cell, Collection<Integer> buckets) {
		Map<Integer, Long> series = new TreeMap<>();
		if (buckets.isEmpty()) {
			return series;
		}
		jdbc.sql("""
				SELECT bucket, value FROM indicators.tally
				WHERE measure = :measure AND unit_id = :unit AND dimension = :dimension AND dim_value = :value
				  AND bucket IN (:buckets)""")
			.param("measure", measure).param("unit", unit).param("dimension", cell.dimension())
			.param("value", cell.value()).param("buckets", List.copyOf(buckets))
			.query(rs -> {
				series.put(rs.getInt("bucket"), rs.getLong("value"));
			});
		return series;
	}

	/** The communes of each unit on a day: those valid then among what the unit reaches. */
	public Map<Long, Long> communes(Collection<Long> units, LocalDate on) {
		Map<Long, Long> counts = new HashMap<>();
		if (units.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT r.root_id, count(*) AS communes FROM geography.unit_reach r JOIN geography.unit c ON c.id = r.unit_id
				WHERE r.root_id IN (:units) AND c.level = 'COMMUNE'
				  AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:on AS date)
				GROUP BY r.root_id""")
			.param("units", List.copyOf(units)).param("on", on)
			.query(rs -> {
				counts.put(rs.getLong("root_id"), rs.getLong("communes"));
			});
		return counts;
	}

	/**
	 * Of the communes of each unit on a day, those whose own tally of a DISTINCT measure is above zero in one of the
	 * buckets, per value of the dimension: a commune counts when something happened in it or in a unit it continues.
	 */
	public Map<Long, Map<String, Long>> communesWith(String measure, Collection<Long> units, String dimension,
			Collection<Integer> buckets, LocalDate on) {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		if (units.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT r.root_id, t.dim_value, count(DISTINCT c.id) AS communes
				FROM geography.unit_reach r JOIN geography.unit c ON c.id = r.unit_id
				JOIN indicators.tally t ON t.unit_id = c.id AND t.measure = :measure AND t.dimension = :dimension
				     AND t.bucket IN (:buckets) AND t.value > 0
				WHERE r.root_id IN (:units) AND c.level = 'COMMUNE'
				  AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:on AS date)
				GROUP BY r.root_id, t.dim_value""")
			.param("measure", measure).param("units", List.copyOf(units)).param("dimension", dimension)
			.param("buckets", List.copyOf(buckets)).param("on", on)
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong("root_id"), k -> new HashMap<>())
					.put(rs.getString("dim_value"), rs.getLong("communes"));
			});
		return counts;
	}
}
