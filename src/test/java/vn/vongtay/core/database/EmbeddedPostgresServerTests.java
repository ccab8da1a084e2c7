package vn.vongtay.core.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issues 16 (item 16) and 23: the embedded server's folder, passwords and roles. */
class EmbeddedPostgresServerTests {

	@TempDir
	Path folder;

	private EmbeddedPostgresServer.Options options(Path data) {
		return EmbeddedPostgresServer.Options.of(data).binariesDirectory(TestDatabase.sharedBinaries());
	}

	@Test
	void keepsRecordsAcrossARestartInTheSameDataFolder() throws Exception {
		Path data = folder.resolve("postgres");
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(options(data).fast());
				Connection c = first.ownerConnection()) {
			c.createStatement().execute("CREATE TABLE kept (name text)");
			c.createStatement().execute("INSERT INTO kept VALUES ('Nguyễn Văn An')");
		}
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
		try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(options(data).fast());
				Connection c = second.ownerConnection();
				ResultSet rs = c.createStatement().executeQuery("SELECT name, version() FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("Nguyễn Văn An");
			assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
		}
	}

	@Test
	void runsWithTheDurabilityOfAProductionServerUnlessATestAsksForSpeed() throws Exception {
		try (EmbeddedPostgresServer durable = EmbeddedPostgresServer.start(options(folder.resolve("durable")));
				Connection c = durable.ownerConnection()) {
			assertThat(settings(c)).isEqualTo("on on on");
		}
		try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.start(options(folder.resolve("fast")).fast());
				Connection c = fast.ownerConnection()) {
			assertThat(settings(c)).isEqualTo("off off off");
		}
	}

	@Test
	void theApplicationWorksAsTheOwnerOfItsDatabaseWithoutSuperuserRights() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options(folder.resolve("postgres")).fast());
				Connection c = server.ownerConnection(); Statement sql = c.createStatement()) {
			try (ResultSet rs = sql.executeQuery("""
					SELECT current_user, rolsuper, rolcreaterole, rolcreatedb, rolreplication,
					       (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())
					FROM pg_roles WHERE rolname = current_user""")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("vongtay");
				assertThat(rs.getBoolean(2)).as("superuser").isFalse();
				assertThat(rs.getBoolean(3)).as("creates roles").isFalse();
				assertThat(rs.getBoolean(4)).as("creates databases").isFalse();
				assertThat(rs.getBoolean(5)).as("replication").isFalse();
				assertThat(rs.getString(6)).as("owner of the database").isEqualTo("vongtay");
			}
			// what the migrations need: schemas and the extensions made for it at initialisation
			sql.execute("CREATE SCHEMA children");
			sql.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
			try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm', 'btree_gist')")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(3);
			}
			// what only a superuser may do is refused
			assertThatThrownBy(() -> sql.execute("ALTER SYSTEM SET work_mem = '1GB'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> sql.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void everyConnectionProvesAPasswordKeptWithTheDataFolder() throws Exception {
		Path data = folder.resolve("postgres");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options(data).fast())) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "postgres").close())
				.hasMessageContaining("password authentication failed");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "vongtay", "vongtay").close())
				.hasMessageContaining("password authentication failed");
			DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password()).close();
		}
		Path credentials = data.resolve("vongtay-credentials.properties");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(Files.readString(data.resolve("pg_hba.conf")).lines().filter(l -> !l.startsWith("#")))
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).doesNotContain("trust").endsWith("scram-sha-256"));
	}

	@Test
	void aFolderOfAnEarlierVersionWithoutPasswordsIsUpgradedInPlaceAndKeepsItsRecords() throws Exception {
		Path data = folder.resolve("postgres");
		// the folder as earlier versions made it: the embedded library's defaults (trust), the application in the
		// database "postgres" as the superuser
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start();
				Connection c = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
				Statement sql = c.createStatement()) {
			sql.execute("CREATE EXTENSION unaccent");
			sql.execute("CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
			sql.execute("INSERT INTO public.flyway_schema_history VALUES (1, '20261124.1000')");
			sql.execute("CREATE SCHEMA children");
			sql.execute("CREATE TABLE children.child (id bigserial PRIMARY KEY, full_name text NOT NULL)");
			sql.execute("CREATE TABLE children.child_part (id bigint GENERATED ALWAYS AS IDENTITY, at date) PARTITION BY RANGE (at)");
			sql.execute("CREATE TABLE children.child_part_2026 PARTITION OF children.child_part FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
			sql.execute("CREATE VIEW children.names AS SELECT full_name FROM children.child");
			sql.execute("CREATE TYPE children.sex AS ENUM ('MALE', 'FEMALE')");
			sql.execute("CREATE FUNCTION public.fold(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) $$");
			sql.execute("INSERT INTO children.child (full_name) VALUES ('Lò Văn Hùng'), ('Quàng Thị Mai')");
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options(data).fast());
				Connection c = server.ownerConnection(); Statement sql = c.createStatement()) {
			try (ResultSet rs = sql.executeQuery("SELECT string_agg(full_name, ', ' ORDER BY id) FROM children.child")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("Lò Văn Hùng, Quàng Thị Mai");
			}
			// the owner role owns what the superuser made, so that the next migrations can change it
			sql.execute("ALTER TABLE children.child ADD COLUMN village text");
			sql.execute("INSERT INTO children.child (full_name) VALUES ('Lường Văn Sơn')");
			sql.execute("INSERT INTO children.child_part (at) VALUES ('2026-12-08')");
			sql.execute("CREATE OR REPLACE VIEW children.names AS SELECT full_name, village FROM children.child");
			sql.execute("ALTER TYPE children.sex ADD VALUE 'UNKNOWN'");
			sql.execute("CREATE OR REPLACE FUNCTION public.fold(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper($1) $$");
			sql.execute("DROP SCHEMA children CASCADE");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			try (Connection postgres = server.superuserConnection("postgres"); Statement s = postgres.createStatement();
					ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'flyway_schema_history'")) {
				rs.next();
				assertThat(rs.getInt(1)).as("the application's tables left the database \"postgres\"").isZero();
			}
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");

		// and the next start finds it as it left it
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(options(data).fast());
				Connection c = again.ownerConnection();
				ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM public.flyway_schema_history")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void aFirstStartStoppedRightAfterInitialisationKeepsItsPasswords() throws Exception {
		Path data = folder.resolve("postgres");
		String password;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options(data).fast())) {
			password = server.password();
		}
		// as if the process had stopped between initdb and moving the passwords into the folder
		Files.move(data.resolve("vongtay-credentials.properties"), folder.resolve("postgres.credentials-pending"));

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options(data).fast())) {
			assertThat(server.password()).isEqualTo(password);
			server.ownerConnection().close();
		}
		assertThat(data.resolve("vongtay-credentials.properties")).exists();
		assertThat(folder.resolve("postgres.credentials-pending")).doesNotExist();
	}

	private static String settings(Connection c) throws SQLException {
		try (ResultSet rs = c.createStatement().executeQuery(
				"SELECT current_setting('synchronous_commit') || ' ' || current_setting('fsync') || ' ' || current_setting('full_page_writes')")) {
			rs.next();
			return rs.getString(1);
		}
	}
}
