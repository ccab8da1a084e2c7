package vn.vongtay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import vn.vongtay.core.database.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL 17 for the whole test run, in a fresh temporary folder, shared by every Spring context. It is
 * handed to the application as an external server, so the tests also exercise the {@code spring.datasource.url} path.
 * Registered for all Spring Boot tests in {@code META-INF/spring.factories}.
 *
 * <p>The benchmark harness ({@code tools/benchmark.sh}) keeps its national data instead: with
 * {@code vongtay.benchmark.data-dir} the cluster lives in that folder across runs, the context uses the database named
 * by {@code vongtay.benchmark.database}, and with {@code vongtay.benchmark.template} that database is first made
 * afresh as a copy of the template, so that every measuring run starts from the same data.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgresServer server;
	private static String database;

	public static synchronized EmbeddedPostgresServer server() {
		if (server == null) {
			try {
				String kept = System.getProperty("vongtay.benchmark.data-dir");
				Path folder = kept == null || kept.isBlank() ? Files.createTempDirectory("vongtay-test-pg") : Path.of(kept);
				server = EmbeddedPostgresServer.start(folder, 0);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close));
				database = prepareDatabase(server, System.getProperty("vongtay.benchmark.database", "postgres"),
						System.getProperty("vongtay.benchmark.template"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return server;
	}

	/** The JDBC URL of the database the tests use (the benchmark's when one is named). */
	public static String jdbcUrl() {
		EmbeddedPostgresServer db = server();
		return "jdbc:postgresql://localhost:" + db.port() + "/" + database + "?user=postgres";
	}

	private static String prepareDatabase(EmbeddedPostgresServer db, String name, String template) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a database name: " + name);
		}
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			if (template != null && !template.isBlank()) {
				statement.execute("DROP DATABASE IF EXISTS " + name);
				// a file copy of the template: seconds for gigabytes, where the default strategy writes it all to the WAL
				statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY FILE_COPY");
			}
			else if (!name.equals("postgres")) {
				try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
					if (!rs.next()) {
						statement.execute("CREATE DATABASE " + name);
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the database " + name, e);
		}
		return name;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		server();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vongtay-test-database",
				Map.of("spring.datasource.url", jdbcUrl() + "&reWriteBatchedInserts=true",
						"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
						// The database stops in its own shutdown hook, beside Spring's: fail fast if a bean still
						// asks for a connection then, instead of waiting out the 30 s default.
						"spring.datasource.hikari.connection-timeout", "2000",
						// tests call the deadline watch when they test it, so that it changes no case under another test
						"vongtay.casework.watch-initial-delay", "P3650D",
						"vongtay.reporting.remind-initial-delay", "P3650D")));
	}
}
