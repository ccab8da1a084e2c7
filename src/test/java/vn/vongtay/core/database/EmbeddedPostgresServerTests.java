package vn.vongtay.core.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@Test
	void keepsRecordsAcrossARestartInTheSameDataFolder(@TempDir Path folder) throws Exception {
		Path data = folder.resolve("postgres");
		EmbeddedPostgresServer.Options options = EmbeddedPostgresServer.Options.of(data)
			.binariesDirectory(TestDatabase.sharedBinaries());
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(options);
				Connection c = first.ownerConnection()) {
			c.createStatement().execute("CREATE TABLE kept (name text)");
			c.createStatement().execute("INSERT INTO kept VALUES ('Nguyễn Văn An')");
		}
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
		try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(options);
				Connection c = second.ownerConnection();
				ResultSet rs = c.createStatement().executeQuery("SELECT name, version() FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("Nguyễn Văn An");
			assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
		}
	}
}
