package vn.vongtay.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server started from the binaries shipped in the application's jar. The cluster in the data directory is
 * created on the first start and reused afterwards, so records survive restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;
	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		try {
			Path directory = dataDirectory.toAbsolutePath();
			Files.createDirectories(directory);
			boolean existing = Files.exists(directory.resolve("PG_VERSION"));
			var builder = EmbeddedPostgres.builder()
					.setDataDirectory(directory)
					.setCleanDataDirectory(false)
					.setServerConfig("max_connections", "200")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("fsync", "on")
					.setLocaleConfig("encoding", "UTF8")
					.setLocaleConfig("locale", "C.UTF-8");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL {} on port {} with data in {}", existing ? "reopened" : "initialised",
					postgres.getPort(), directory);
			return new EmbeddedPostgresServer(postgres, directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
		}
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	public int port() {
		return postgres.getPort();
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	@Override
	public void close() {
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
