package vn.vongtay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import vn.vongtay.core.database.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL 17 for the whole test run, in a fresh temporary folder, shared by every Spring context. It is
 * handed to the application as an external server, so the tests also exercise the {@code spring.datasource.url} path,
 * and the application connects as the owner role of its database, as in production: nothing the tests pass relies on
 * a superuser. The tests' server runs with fast settings (no waiting for the disk: a crash of the computer could lose
 * the last commits, which costs a test nothing); the benchmarks' runs crash-safe, as production does, so that their
 * figures are what an office gets.
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
	private static Path backups;

	public static synchronized EmbeddedPostgresServer server() {
		if (server == null) {
			try {
				String kept = System.getProperty("vongtay.benchmark.data-dir");
				boolean benchmark = kept != null && !kept.isBlank();
				Path folder = benchmark ? Path.of(kept) : Files.createTempDirectory("vongtay-test-pg").resolve("postgres");
				EmbeddedPostgresServer.Options options = EmbeddedPostgresServer.Options.of(folder)
					.binariesDirectory(sharedBinaries())
					.stopWhenJvmExits();
				server = EmbeddedPostgresServer.start(benchmark ? options : options.fast());
				database = prepareDatabase(server, System.getProperty("vongtay.benchmark.database", server.database()),
						System.getProperty("vongtay.benchmark.template"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return server;
	}

	/** The PostgreSQL programs, unpacked once for every test run on this machine. */
	public static Path sharedBinaries() {
		return Path.of(System.getProperty("java.io.tmpdir"), "vongtay-postgres-binaries");
	}

	/** The JDBC URL of the database the tests use (the benchmark's when one is named). */
	public static String jdbcUrl() {
		return server().jdbcUrl(database);
	}

	/** The role the application connects as: the owner of its database, no superuser. */
	public static String username() {
		return server().username();
	}

	public static String password() {
		return server().password();
	}

	/**
	 * A new empty database of the tests' server, owned by the application's role with the extensions it needs: for a
	 * test that must run migrations of its own without touching the shared database.
	 */
	public static String createDatabase(String name) {
		requireName(name);
		try (Connection connection = server().superuserConnection("postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name + " OWNER " + server().username());
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the database " + name, e);
		}
		server().adopt(name);
		return server().jdbcUrl(name);
	}

	private static String prepareDatabase(EmbeddedPostgresServer db, String name, String template) {
		requireName(name);
		try (Connection connection = db.superuserConnection("postgres");
				Statement statement = connection.createStatement()) {
			if (template != null && !template.isBlank()) {
				requireName(template);
				statement.execute("DROP DATABASE IF EXISTS " + name);
				// a file copy of the template: seconds for gigabytes, where the default strategy writes it all to the WAL
				statement.execute("CREATE DATABASE " + name + " OWNER " + db.username() + " TEMPLATE " + template
						+ " STRATEGY FILE_COPY");
			}
			else if (!name.equals(db.database())) {
				try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
					if (!rs.next()) {
						statement.execute("CREATE DATABASE " + name + " OWNER " + db.username());
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the database " + name, e);
		}
		// a benchmark cluster kept from before the owner role holds its data as the superuser's
		db.adopt(name);
		return name;
	}

	private static void requireName(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a database name: " + name);
		}
	}

	/** Where the tests' backups of the shared server go (the administrator's page shows this folder). */
	public static synchronized Path backupFolder() {
		if (backups == null) {
			try {
				backups = Files.createTempDirectory("vongtay-test-backups");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return backups;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// the application's own database, as far as its backups are concerned
		context.getBeanFactory().registerSingleton("embeddedPostgresServer", server());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vongtay-test-database",
				Map.of("spring.datasource.url", jdbcUrl() + "?reWriteBatchedInserts=true",
						// backups only when a test asks for one
						"vongtay.backup.directory", backupFolder().toString(), "vongtay.backup.cron", "-",
						"vongtay.backup.catch-up-initial-delay", "P3650D",
						"spring.datasource.username", username(), "spring.datasource.password", password(),
						// The database stops in its own shutdown hook, beside Spring's: fail fast if a bean still
						// asks for a connection then, instead of waiting out the 30 s default.
						"spring.datasource.hikari.connection-timeout", "2000",
						// tests call the deadline watch when they test it, so that it changes no case under another test
						"vongtay.casework.watch-initial-delay", "P3650D",
						"vongtay.reporting.remind-initial-delay", "P3650D")));
	}
}
