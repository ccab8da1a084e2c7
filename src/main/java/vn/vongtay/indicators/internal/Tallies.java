package vn.vongtay.indicators.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.indicators.internal.Contributions.TallyKey;

/**
 * Keeps {@code indicators.tally} equal to what the records contribute.
 *
 * <p>A change of records ({@link #refresh}) locks each record's facts row (so two listeners on one record take turns),
 * reads the record's facts again from its source, and adds to the tallies the difference between what the new facts
 * and the stored facts contribute, in one statement of {@code INSERT ... ON CONFLICT DO UPDATE SET value = value + ...}
 * with the rows in key order (so concurrent changes lock shared rows, the nation's above all, in the same order).
 *
 * <p>A recount ({@link #recount}) reads every record of every source in batches, writes their facts and their
 * contributions per unit with COPY, and builds the tallies with one GROUP BY joined to {@code geography.unit_reach},
 * into a new table that replaces the old one when done: pages read the old figures until then. Changes wait for a
 * recount to finish (an advisory lock, shared by changes, exclusive for a recount) and then apply against the recounted
 * facts, so nothing is lost or counted twice.
 */
@Component
public class Tallies {

	private static final Logger log = LoggerFactory.getLogger(Tallies.class);
	static final long LOCK = 0x76740006L;
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final DataSource dataSource;
	private final JsonMapper json;
	private final List<RecordSource<?>> sources;
	private final Clock clock;

	Tallies(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, JsonMapper json,
			List<RecordSource<?>> sources, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
		this.json = json;
		this.sources = List.copyOf(sources);
		this.clock = clock;
	}

	public List<RecordSource<?>> sources() {
		return sources;
	}

	// --- changes ---

	/** Brings the tallies up to date with the current facts of these records. Runs in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public <F> void refresh(RecordSource<F> source, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(:lock)").param("lock", LOCK).query().singleRow();
		List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
		for (int from = 0; from < sorted.size(); from += CHUNK) {
			refreshChunk(source, sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
		}
	}

	private <F> void refreshChunk(RecordSource<F> source, List<Long> ids) {
		jdbc.sql("""
				INSERT INTO indicators.record_facts (source, record_id)
				SELECT :source, id FROM unnest(ARRAY[:ids]) AS id ORDER BY id ON CONFLICT DO NOTHING""")
			.param("source", source.name()).param("ids", ids).update();
		Map<Long, F> before = new HashMap<>();
		jdbc.sql("""
				SELECT record_id, CAST(facts AS text) AS facts FROM indicators.record_facts
				WHERE source = :source AND record_id IN (:ids) ORDER BY record_id FOR UPDATE""")
			.param("source", source.name()).param("ids", ids)
			.query(rs -> {
				String text = rs.getString("facts");
				if (text != null) {
					before.put(rs.getLong("record_id"), json.readValue(text, source.factsType()));
				}
			});
		Map<Long, F> now = source.facts(ids);
		List<Contributions> added = new ArrayList<>();
		List<Contributions> removed = new ArrayList<>();
		java.util.Set<Long> units = new java.util.HashSet<>();
		for (long id : ids) {
			F old = before.get(id);
			F current = now.get(id);
			if (Objects.equals(old, current)) {
				continue;
			}
			if (old != null) {
				Contributions c = contributionsOf(source, old);
				removed.add(c);
				units.addAll(c.units());
			}
			if (current != null) {
				Contributions c = contributionsOf(source, current);
				added.add(c);
				units.addAll(c.units());
			}
		}
		Map<Long, long[]> reach = reachOf(units);
		Map<TallyKey, Long> delta = new HashMap<>();
		for (Contributions c : removed) {
			c.byRoot(u -> reach.getOrDefault(u, new long[0])).forEach((k, v) -> delta.merge(k, -v, Long::sum));
		}
		for (Contributions c : added) {
			c.byRoot(u -> reach.getOrDefault(u, new long[0])).forEach((k, v) -> delta.merge(k, v, Long::sum));
		}
		apply(delta);
		List<Object[]> updates = new ArrayList<>();
		List<Long> gone = new ArrayList<>();
		for (long id : ids) {
			F current = now.get(id);
			if (current == null) {
				gone.add(id);
			}
			else if (!Objects.equals(before.get(id), current)) {
				updates.add(new Object[] { json.writeValueAsString(current), source.name(), id });
			}
		}
		if (!updates.isEmpty()) {
			template.batchUpdate("UPDATE indicators.record_facts SET facts = CAST(? AS jsonb) WHERE source = ? AND record_id = ?",
					updates);
		}
		if (!gone.isEmpty()) {
			jdbc.sql("DELETE FROM indicators.record_facts WHERE source = :source AND record_id IN (:ids)")
				.param("source", source.name()).param("ids", gone).update();
		}
	}

	private <F> Contributions contributionsOf(RecordSource<F> source, F facts) {
		Contributions c = new Contributions();
		source.contribute(facts, c);
		return c;
	}

	private Map<Long, long[]> reachOf(Collection<Long> units) {
		Map<Long, long[]> reach = new HashMap<>();
		if (units.isEmpty()) {
			return reach;
		}
		jdbc.sql("SELECT unit_id, array_agg(root_id ORDER BY root_id) AS roots FROM geography.unit_reach "
				+ "WHERE unit_id IN (:units) GROUP BY unit_id")
			.param("units", List.copyOf(units))
			.query(rs -> {
				Long[] roots = (Long[]) rs.getArray("roots").getArray();
				long[] values = new long[roots.length];
				for (int i = 0; i < roots.length; i++) {
					values[i] = roots[i];
				}
				reach.put(rs.getLong("unit_id"), values);
			});
		return reach;
	}

	private void apply(Map<TallyKey, Long> delta) {
		List<Map.Entry<TallyKey, Long>> rows = new ArrayList<>(new TreeMap<>(delta).entrySet());
		rows.removeIf(e -> e.getValue() == 0);
		for (int from = 0; from < rows.size(); from += 2000) {
			List<Map.Entry<TallyKey, Long>> chunk = rows.subList(from, Math.min(rows.size(), from + 2000));
			template.execute((Connection connection) -> {
				try (PreparedStatement ps = connection.prepareStatement("""
						INSERT INTO indicators.tally (measure, unit_id, dimension, dim_value, bucket, value)
						SELECT * FROM unnest(?, ?, ?, ?, ?, ?) AS t (measure, unit_id, dimension, dim_value, bucket, value)
						ORDER BY measure, unit_id, dimension, dim_value, bucket
						ON CONFLICT ON CONSTRAINT tally_pkey DO UPDATE SET value = indicators.tally.value + EXCLUDED.value""")) {
					int n = chunk.size();
					String[] measures = new String[n];
					Long[] unitIds = new Long[n];
					String[] dimensions = new String[n];
					String[] values = new String[n];
					Integer[] buckets = new Integer[n];
					Long[] amounts = new Long[n];
					for (int i = 0; i < n; i++) {
						TallyKey k = chunk.get(i).getKey();
						measures[i] = k.measure();
						unitIds[i] = k.unitId();
						dimensions[i] = k.dimension();
						values[i] = k.value();
						buckets[i] = k.bucket();
						amounts[i] = chunk.get(i).getValue();
					}
					ps.setArray(1, array(connection, "text", measures));
					ps.setArray(2, array(connection, "bigint", unitIds));
					ps.setArray(3, array(connection, "text", dimensions));
					ps.setArray(4, array(connection, "text", values));
					ps.setArray(5, array(connection, "integer", buckets));
					ps.setArray(6, array(connection, "bigint", amounts));
					ps.executeUpdate();
				}
				return null;
			});
		}
	}

	private static Array array(Connection connection, String type, Object[] values) throws SQLException {
		return connection.createArrayOf(type, values);
	}

	// --- recount ---

	/** What a recount did. */
	public record RecountResult(long records, long tallyRows, long tookMillis) {
	}

	/**
	 * Recomputes every tally from the records of every source, in one transaction; changes arriving meanwhile wait
	 * and are applied after it.
	 */
	@Transactional
	public RecountResult recount(String reason, String requestedBy) {
		Instant started = clock.instant();
		long t0 = System.nanoTime();
		jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
		jdbc.sql("SELECT set_config('work_mem', '256MB', true)").query().singleRow();
		jdbc.sql("SELECT set_config('maintenance_work_mem', '512MB', true)").query().singleRow();
		jdbc.sql("TRUNCATE indicators.record_facts").update();
		jdbc.sql("DROP TABLE IF EXISTS pg_temp.recount_unit").update();
		jdbc.sql("DROP TABLE IF EXISTS pg_temp.recount_root").update();
		jdbc.sql("""
				CREATE TEMP TABLE recount_unit (measure TEXT, unit_id BIGINT, dimension TEXT, dim_value TEXT, bucket INT,
				                                value BIGINT) ON COMMIT DROP""").update();
		jdbc.sql("CREATE TEMP TABLE recount_root (LIKE recount_unit) ON COMMIT DROP").update();
		Map<Long, long[]> reach = allReach();
		long[] records = { 0 };
		for (RecordSource<?> source : sources) {
			long t = System.nanoTime();
			long n = stage(source, reach);
			records[0] += n;
			log.debug("Recount staged {} {} records in {} ms", n, source.name(), (System.nanoTime() - t) / 1_000_000);
		}
		long staged = System.nanoTime();
		jdbc.sql("DROP TABLE IF EXISTS indicators.tally_next").update();
		jdbc.sql("CREATE TABLE indicators.tally_next (LIKE indicators.tally INCLUDING DEFAULTS)").update();
		long rows = jdbc.sql("""
				INSERT INTO indicators.tally_next (measure, unit_id, dimension, dim_value, bucket, value)
				SELECT measure, unit_id, dimension, dim_value, bucket, sum(value) FROM (
				  SELECT s.measure, r.root_id AS unit_id, s.dimension, s.dim_value, s.bucket, s.value
				  FROM recount_unit s JOIN geography.unit_reach r ON r.unit_id = s.unit_id
				  UNION ALL
				  SELECT measure, unit_id, dimension, dim_value, bucket, value FROM recount_root) x
				GROUP BY measure, unit_id, dimension, dim_value, bucket
				HAVING sum(value) <> 0""").update();
		long grouped = System.nanoTime();
		jdbc.sql("""
				ALTER TABLE indicators.tally_next ADD CONSTRAINT tally_next_pkey
				PRIMARY KEY (measure, unit_id, dimension, dim_value, bucket)""").update();
		jdbc.sql("DROP TABLE indicators.tally").update();
		jdbc.sql("ALTER TABLE indicators.tally_next RENAME TO tally").update();
		jdbc.sql("ALTER TABLE indicators.tally RENAME CONSTRAINT tally_next_pkey TO tally_pkey").update();
		jdbc.sql("ANALYZE indicators.tally").update();
		long took = (System.nanoTime() - t0) / 1_000_000;
		log.debug("Recount: staging {} ms, grouping {} ms, key and statistics {} ms", (staged - t0) / 1_000_000,
				(grouped - staged) / 1_000_000, (System.nanoTime() - grouped) / 1_000_000);
		jdbc.sql("""
				INSERT INTO indicators.recount (reason, requested_by, started_at, finished_at, records, tally_rows, took_ms)
				VALUES (:reason, :by, :started, :finished, :records, :rows, :took)""")
			.param("reason", reason).param("by", requestedBy)
			.param("started", java.sql.Timestamp.from(started)).param("finished", java.sql.Timestamp.from(clock.instant()))
			.param("records", records[0]).param("rows", rows).param("took", took)
			.update();
		log.info("Indicators recounted ({}): {} records, {} tally rows in {} ms", reason, records[0], rows, took);
		return new RecountResult(records[0], rows, took);
	}

	private record UnitRow(String measure, long unitId, String dimension, String value, int bucket) {
	}

	private <F> long stage(RecordSource<F> source, Map<Long, long[]> reach) {
		long[] count = { 0 };
		source.forEachBatch(batch -> {
			Map<UnitRow, long[]> perUnit = new HashMap<>();
			StringBuilder roots = new StringBuilder();
			StringBuilder facts = new StringBuilder();
			Contributions.Staging staging = new Contributions.Staging() {
				@Override
				public void perUnit(String measure, long unitId, String dimension, String value, int bucket, long amount) {
					perUnit.computeIfAbsent(new UnitRow(measure, unitId, dimension, value, bucket), k -> new long[1])[0] += amount;
				}

				@Override
				public void perRoot(String measure, long rootId, String dimension, String value, int bucket, long amount) {
					csv(roots, measure, rootId, dimension, value, bucket, amount);
				}
			};
			for (F f : batch) {
				Contributions c = contributionsOf(source, f);
				c.stage(staging, u -> reach.getOrDefault(u, new long[0]));
				csv(facts, source.name(), source.idOf(f), json.writeValueAsString(f));
				count[0]++;
			}
			StringBuilder units = new StringBuilder();
			perUnit.forEach((k, v) -> {
				if (v[0] != 0) {
					csv(units, k.measure(), k.unitId(), k.dimension(), k.value(), k.bucket(), v[0]);
				}
			});
			copy("indicators.record_facts (source, record_id, facts)", facts);
			copy("recount_unit (measure, unit_id, dimension, dim_value, bucket, value)", units);
			copy("recount_root (measure, unit_id, dimension, dim_value, bucket, value)", roots);
		});
		return count[0];
	}

	private Map<Long, long[]> allReach() {
		Map<Long, long[]> reach = new HashMap<>();
		jdbc.sql("SELECT unit_id, array_agg(root_id ORDER BY root_id) AS roots FROM geography.unit_reach GROUP BY unit_id")
			.query(rs -> {
				Long[] roots = (Long[]) rs.getArray("roots").getArray();
				long[] values = new long[roots.length];
				for (int i = 0; i < roots.length; i++) {
					values[i] = roots[i];
				}
				reach.put(rs.getLong("unit_id"), values);
			});
		return reach;
	}

	private void copy(String target, StringBuilder rows) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into " + target + " failed", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void csv(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values[i];
			if (value instanceof String text) {
				out.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else if (value != null) {
				out.append(value);
			}
		}
		out.append('\n');
	}

	/** The facts a record last contributed from, if any. */
	public <F> java.util.Optional<F> stored(RecordSource<F> source, long id) {
		return jdbc.sql("SELECT CAST(facts AS text) FROM indicators.record_facts WHERE source = :source AND record_id = :id")
			.param("source", source.name()).param("id", id)
			.query(String.class).optional()
			.map(text -> json.readValue(text, source.factsType()));
	}

	/** When the tallies were last recounted, if ever. */
	public java.util.Optional<Instant> lastRecount() {
		return jdbc.sql("SELECT max(finished_at) FROM indicators.recount").query(java.sql.Timestamp.class).optional()
			.map(java.sql.Timestamp::toInstant);
	}
}
