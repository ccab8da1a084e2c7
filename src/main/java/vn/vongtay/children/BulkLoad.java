package vn.vongtay.children;

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
 * commits or rolls back with everything else. Ids are taken from the tables' sequences beforehand, so that children
 * can point to households written in the same load.
 */
final class BulkLoad {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkLoad.class);

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	BulkLoad(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	List<Long> ids(String table, int count) {
		if (count == 0) {
			return List.of();
		}
		return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
			.param("table", table).param("count", count).query(Long.class).list();
	}

	/** Copies CSV lines made with {@link #csv(StringBuilder, Object...)} into {@code target} ("table (columns)"). */
	void copy(String target, StringBuilder rows) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		long started = System.nanoTime();
		try {
			long copied = connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
			log.debug("COPY {} rows into {} in {} ms", copied, target.substring(0, target.indexOf(' ')),
					(System.nanoTime() - started) / 1_000_000);
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

	/** One CSV line for COPY: text quoted, null as an empty unquoted field. */
	static void csv(StringBuilder out, Object... values) {
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
