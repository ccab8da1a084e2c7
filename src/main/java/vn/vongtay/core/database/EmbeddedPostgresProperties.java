package vn.vongtay.core.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL server the application starts itself when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster's files live; kept across restarts
 * @param port the port to listen on, 0 for any free port
 */
@ConfigurationProperties("vongtay.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, Integer port) {

	public EmbeddedPostgresProperties {
		dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
		port = port == null ? 0 : port;
	}
}
