package vn.vongtay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import vn.vongtay.core.database.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL 17 for the whole test run, in a fresh temporary folder, shared by every Spring context. It is
 * handed to the application as an external server, so the tests also exercise the {@code spring.datasource.url} path.
 * Registered for all Spring Boot tests in {@code META-INF/spring.factories}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgresServer server;

	public static synchronized EmbeddedPostgresServer server() {
		if (server == null) {
			try {
				Path folder = Files.createTempDirectory("vongtay-test-pg");
				server = EmbeddedPostgresServer.start(folder, 0);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedPostgresServer db = server();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vongtay-test-database",
				Map.of("spring.datasource.url", db.jdbcUrl() + "&reWriteBatchedInserts=true",
						"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
						// The database stops in its own shutdown hook, beside Spring's: fail fast if a bean still
						// asks for a connection then, instead of waiting out the 30 s default.
						"spring.datasource.hikari.connection-timeout", "2000",
						// tests call the deadline watch when they test it, so that it changes no case under another test
						"vongtay.casework.watch-initial-delay", "P3650D",
						"vongtay.reporting.remind-initial-delay", "P3650D")));
	}
}
