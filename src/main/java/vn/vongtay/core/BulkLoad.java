package vn.vongtay.core;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes many rows at once with PostgreSQL's COPY, on the connection of the current transaction, so that a bulk load
 * commits or rolls back with everything else: the register's imports and the generators of national data. Ids are
 * taken from the tables' sequences beforehand, so that rows can point to rows written in the same load.
 */
public final class BulkLoad {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkLoad.class);

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	public BulkLoad(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public List<Long> ids(String table, int count) {
		if (count == 0) {
			return List.of();
		}
		return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
			.param("table", table).param("count", count).query(Long.class).list();
	}

	/** Copies CSV lines made with {@link #csv(StringBuilder, Object...)} into {@code target} ("table (columns)"). */
	public long copy(String target, StringBuilder rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		long started = System.nanoTime();
		try {
			long copied = connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
			log.debug("COPY {} rows into {} in {} ms", copied, target.substring(0, target.indexOf(' ')),
					(System.nanoTime() - started) / 1_000_000);
			return copied;
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

	/**
	 * Copies rows whose ids were taken beforehand into a table whose ids are GENERATED ALWAYS, which COPY cannot write:
	 * through a temporary table dropped at commit and an insert that overrides the identity.
	 */
	public void copyWithIds(String target, StringBuilder rows) {
		if (rows.isEmpty()) {
			return;
		}
		String table = target.substring(0, target.indexOf(' '));
		String columns = target.substring(target.indexOf('(') + 1, target.lastIndexOf(')'));
		String staging = "staged_" + table.replace('.', '_');
		jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " (LIKE " + table + " INCLUDING DEFAULTS) ON COMMIT DROP")
			.update();
		copy(staging + " (" + columns + ")", rows);
		jdbc.sql("INSERT INTO " + table + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM " + staging)
			.update();
		jdbc.sql("TRUNCATE " + staging).update();
	}

	/** One CSV line for COPY: text quoted, null as an empty unquoted field. */
	public static void csv(StringBuilder out, Object... values) {
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
}
