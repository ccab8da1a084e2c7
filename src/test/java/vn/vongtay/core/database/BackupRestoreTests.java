package vn.vongtay.core.database;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, point 3: a backup taken while the office works, restored into an empty folder with the README's restore
 * command, opens with the same rows in every table and the same personal data.
 */
class BackupRestoreTests {

	@TempDir
	Path folder;

	@Test
	void aBackupTakenWhileRecordsAreWrittenRestoresIntoAnEmptyFolderWithTheSameRowsAndPersonalData() throws Exception {
		Path backups = folder.resolve("usb").resolve("vongtay-backups");
		Map<String, Long> rowsPerTable;
		String personalData;
		long committedBeforeBackup;
		OnlineBackup.Copy copy;
		try (EmbeddedPostgresServer office = EmbeddedPostgresServer.start(options(folder.resolve("postgres")))) {
			migrate(office);
			registerChildren(office);
			try (Connection c = office.ownerConnection()) {
				c.createStatement().execute("CREATE TABLE public.backup_probe (id bigint PRIMARY KEY)");
			}
			// an official keeps registering while the backup runs
			AtomicBoolean working = new AtomicBoolean(true);
			AtomicLong committed = new AtomicLong();
			Thread official = new Thread(() -> {
				try (Connection c = office.ownerConnection();
						var insert = c.prepareStatement("INSERT INTO public.backup_probe VALUES (?)")) {
					while (working.get()) {
						insert.setLong(1, committed.get() + 1);
						insert.executeUpdate();
						committed.incrementAndGet();
					}
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			official.start();
			while (committed.get() < 50) {
				Thread.sleep(10);
			}
			committedBeforeBackup = committed.get();
			copy = OnlineBackup.write(office, backups, 2, Instant.parse("2026-12-08T19:00:00Z"));
			working.set(false);
			official.join();
			rowsPerTable = rowsPerTable(office);
			personalData = personalData(office);
			Files.copy(copy.file(), folder.resolve("first.zip"));

			// the copies kept: the newest two
			OnlineBackup.write(office, backups, 2, Instant.parse("2026-12-09T19:00:00Z"));
			OnlineBackup.write(office, backups, 2, Instant.parse("2026-12-10T19:00:00Z"));
			assertThat(OnlineBackup.copies(backups)).extracting(c -> c.file().getFileName().toString())
				.containsExactly("vongtay-backup-20261211-020000.zip", "vongtay-backup-20261210-020000.zip");
		}
		assertThat(copy.file().getFileName().toString()).isEqualTo("vongtay-backup-20261209-020000.zip");
		assertThat(copy.size()).isPositive();
		assertThat(rowsPerTable).containsKeys("children.child", "geography.unit", "public.flyway_schema_history")
			.containsEntry("children.child", 300L);

		Path restored = folder.resolve("restored");
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		int exit = RestoreCommand.run(new String[] { folder.resolve("first.zip").toString(), restored.toString() },
				new PrintStream(said, true, StandardCharsets.UTF_8), TestDatabase.sharedBinaries());
		assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("Đã khôi phục " + folder.resolve("first.zip"))
			.contains("300 trẻ em trong sổ theo dõi");
		assertThat(exit).isZero();

		try (EmbeddedPostgresServer office = EmbeddedPostgresServer.start(options(restored))) {
			Map<String, Long> restoredRows = rowsPerTable(office);
			long probes = restoredRows.remove("public.backup_probe");
			Map<String, Long> expected = new TreeMap<>(rowsPerTable);
			expected.remove("public.backup_probe");
			assertThat(restoredRows).isEqualTo(expected);
			assertThat(personalData(office)).isEqualTo(personalData);
			// every commit from before the backup, and nothing torn: the ids run without a gap
			try (Connection c = office.ownerConnection(); ResultSet rs = c.createStatement()
				.executeQuery("SELECT count(*), coalesce(max(id), 0) FROM public.backup_probe")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isEqualTo(probes)
					.isGreaterThanOrEqualTo(committedBeforeBackup);
			}
		}
	}

	@Test
	void aRestoreNeverWritesOverADataFolderNorTakesADamagedBackup() throws Exception {
		Path backups = folder.resolve("backups");
		OnlineBackup.Copy copy;
		try (EmbeddedPostgresServer office = EmbeddedPostgresServer.start(options(folder.resolve("postgres")))) {
			copy = OnlineBackup.write(office, backups, 7, Instant.parse("2026-12-08T19:00:00Z"));
		}

		ByteArrayOutputStream said = new ByteArrayOutputStream();
		int exit = RestoreCommand.run(new String[] { copy.file().toString(), folder.resolve("postgres").toString() },
				new PrintStream(said, true, StandardCharsets.UTF_8), TestDatabase.sharedBinaries());
		assertThat(exit).isEqualTo(2);
		assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("Thư mục " + folder.resolve("postgres")
				+ " không trống. Hãy khôi phục vào một thư mục trống");

		Path damaged = folder.resolve("damaged.zip");
		byte[] bytes = Files.readAllBytes(copy.file());
		bytes[bytes.length / 2] ^= 0x5a;
		Files.write(damaged, bytes);
		said.reset();
		exit = RestoreCommand.run(new String[] { damaged.toString(), folder.resolve("elsewhere").toString() },
				new PrintStream(said, true, StandardCharsets.UTF_8), TestDatabase.sharedBinaries());
		assertThat(exit).isEqualTo(2);
		assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("Tệp sao lưu " + damaged + " bị hỏng");
		assertThat(folder.resolve("elsewhere")).doesNotExist();
	}

	private static EmbeddedPostgresServer.Options options(Path data) {
		return EmbeddedPostgresServer.Options.of(data).binariesDirectory(TestDatabase.sharedBinaries()).fast();
	}

	/** The application's migrations, as its configuration lists them. */
	private static void migrate(EmbeddedPostgresServer server) throws Exception {
		Properties application = new Properties();
		try (InputStream in = BackupRestoreTests.class.getResourceAsStream("/application.properties")) {
			application.load(in);
		}
		Flyway.configure()
			.dataSource(server.jdbcUrl(), server.username(), server.password())
			.locations(application.getProperty("spring.flyway.locations").split(","))
			.defaultSchema("public")
			.group(true)
			.load()
			.migrate();
	}

	private static void registerChildren(EmbeddedPostgresServer server) throws SQLException {
		try (Connection c = server.ownerConnection(); Statement sql = c.createStatement()) {
			sql.execute("""
					INSERT INTO geography.unit (code, level, name, full_name, province_code, valid_from)
					VALUES ('11', 'PROVINCE', 'Điện Biên', 'Tỉnh Điện Biên', '11', '2025-07-01')""");
			sql.execute("""
					INSERT INTO geography.unit (code, level, name, full_name, parent_id, province_code, valid_from)
					SELECT '03253', 'COMMUNE', 'Tuần Giáo', 'Xã Tuần Giáo', id, '11', '2025-07-01'
					FROM geography.unit WHERE code = '11'""");
			sql.execute("""
					INSERT INTO children.household (unit_id, province_code, address, phone)
					SELECT u.id, '11', 'Bản Hới ' || g, '09' || lpad(g::text, 8, '0')
					FROM geography.unit u, generate_series(1, 300) g WHERE u.code = '03253'""");
			sql.execute("""
					INSERT INTO children.caregiver (household_id, full_name, relationship, phone, is_primary)
					SELECT id, 'Lò Văn Xôm ' || id, 'Cha', phone, true FROM children.household""");
			sql.execute("""
					INSERT INTO children.child (full_name, given_name, family_name, sex, birth_date, personal_id, unit_id,
					    province_code, household_id, notes)
					SELECT 'Lò Thị Mai ' || h.id, 'Mai ' || h.id, 'Lò', 'FEMALE', date '2015-01-01' + h.id::int,
					    lpad(h.id::text, 12, '0'), h.unit_id, '11', h.id, 'Mồ côi cha, sống với ông bà ' || h.id
					FROM children.household h""");
		}
	}

	private static Map<String, Long> rowsPerTable(EmbeddedPostgresServer server) throws SQLException {
		Map<String, Long> rows = new TreeMap<>();
		try (Connection c = server.ownerConnection(); Statement sql = c.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery("""
					SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
					WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
					rs.next();
					rows.put(table, rs.getLong(1));
				}
			}
		}
		return rows;
	}

	/** A checksum of every child, household and caregiver, all columns. */
	private static String personalData(EmbeddedPostgresServer server) throws SQLException {
		try (Connection c = server.ownerConnection(); ResultSet rs = c.createStatement().executeQuery("""
				SELECT md5((SELECT string_agg(c::text, '|' ORDER BY c.id) FROM children.child c)
				        || (SELECT string_agg(h::text, '|' ORDER BY h.id) FROM children.household h)
				        || (SELECT string_agg(g::text, '|' ORDER BY g.id) FROM children.caregiver g))""")) {
			rs.next();
			return rs.getString(1);
		}
	}
}
