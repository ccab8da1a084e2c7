package vn.vongtay.core.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the PostgreSQL server the application starts itself when no {@code spring.datasource.url} is configured.
 * Its durability is not a setting: the application always runs it crash-safe (only tests may not).
 *
 * @param dataDirectory where the cluster's files live; kept across restarts
 * @param port the port to listen on (this computer only), 0 for any free port
 * @param binariesDirectory where the PostgreSQL programs are unpacked; {@code postgres-binaries} beside the data folder
 * when unset
 * @param minimumFreeSpace the server does not start with less free space than this on the data folder's disk
 */
@ConfigurationProperties("vongtay.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, Integer port, Path binariesDirectory,
		DataSize minimumFreeSpace) {

	public EmbeddedPostgresProperties {
		dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
		port = port == null ? 0 : port;
		binariesDirectory = binariesDirectory == null ? EmbeddedPostgresServer.Options.defaultBinariesDirectory(dataDirectory)
				: binariesDirectory;
		minimumFreeSpace = minimumFreeSpace == null ? DataSize.ofMegabytes(100) : minimumFreeSpace;
	}

	EmbeddedPostgresServer.Options options() {
		return EmbeddedPostgresServer.Options.of(dataDirectory).port(port).binariesDirectory(binariesDirectory)
			.minimumFreeSpace(minimumFreeSpace);
	}
}
