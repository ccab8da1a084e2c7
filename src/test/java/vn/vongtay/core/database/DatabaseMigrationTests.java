package vn.vongtay.core.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 23, "upgrades in place", with the application's own Flyway settings on databases of their own; and issue 16,
 * item 16: the application works without superuser rights.
 */
@IntegrationTest
class DatabaseMigrationTests extends DemoAccountTestSupport {

	@Autowired
	Flyway applicationFlyway;

	@Test
	void theApplicationConnectsAsTheOwnerOfItsDatabaseNotAsASuperuser() {
		Map<String, Object> role = jdbc.sql("""
				SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb
				FROM pg_roles WHERE rolname = current_user""").query().singleRow();
		assertThat(role).containsEntry("name", "vongtay").containsEntry("rolsuper", false)
			.containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false);
	}

	@Test
	void anOlderDatabaseIsMigratedToThisVersionKeepingItsRecords() {
		JdbcClient older = scratch("migration_older");
		Flyway.configure().configuration(applicationFlyway.getConfiguration())
			.dataSource(dataSource("migration_older"))
			.target("20261124.1400")
			.load()
			.migrate();
		String id = UUID.randomUUID().toString();
		older.sql("""
				INSERT INTO public.event_publication (id, listener_id, event_type, serialized_event, publication_date)
				VALUES (CAST(:id AS uuid), 'older', 'Older', '{}', now())""").param("id", id).update();

		MigrationSafety.migrate(flyway("migration_older"));

		assertThat(flyway("migration_older").info().pending()).isEmpty();
		assertThat(older.sql("SELECT count(*) FROM public.event_publication WHERE id = CAST(:id AS uuid)")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDatabaseFromANewerVersionIsRefusedWithOneClearMessage() {
		JdbcClient newer = scratch("migration_newer");
		MigrationSafety.migrate(flyway("migration_newer"));
		// what a newer version of the application leaves in the history
		newer.sql("""
				INSERT INTO public.flyway_schema_history (installed_rank, version, description, type, script, checksum,
				    installed_by, execution_time, success)
				SELECT max(installed_rank) + 1, '20991231.2359', 'reporting yearly archive', 'SQL',
				    'V20991231_2359__reporting_yearly_archive.sql', 0, 'vongtay', 1, true
				FROM public.flyway_schema_history""").update();

		assertThatThrownBy(() -> MigrationSafety.migrate(flyway("migration_newer")))
			.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
				assertThat(failure.reason()).isEqualTo(DatabaseStartFailure.Reason.NEWER_DATA);
				assertThat(failure.vietnamese()).startsWith("Cơ sở dữ liệu đã được một phiên bản Vòng Tay mới hơn nâng cấp")
					.contains("20991231.2359", "\"reporting yearly archive\"", "khôi phục một bản sao lưu");
				assertThat(failure.english()).startsWith("The database was upgraded by a newer version of Vòng Tay")
					.contains("20991231.2359");
				FailureAnalysis analysis = new DatabaseFailureAnalyzer()
					.analyze(new BeanCreationException("flywayInitializer", "failed", failure));
				assertThat(analysis.getDescription()).isEqualTo(failure.vietnamese() + "\n" + failure.english());
			});
	}

	@Test
	void aFailedMigrationLeavesTheDataAndTheHistoryAsTheyWere() {
		JdbcClient upgraded = scratch("migration_failed");
		MigrationSafety.migrate(flyway("migration_failed"));
		upgraded.sql("""
				INSERT INTO public.event_publication (id, listener_id, event_type, serialized_event, publication_date)
				VALUES (gen_random_uuid(), 'kept', 'Kept', '{}', now())""").update();
		long history = upgraded.sql("SELECT count(*) FROM public.flyway_schema_history").query(Long.class).single();

		List<Location> withBrokenUpgrade = new ArrayList<>(Arrays.asList(applicationFlyway.getConfiguration().getLocations()));
		withBrokenUpgrade.add(new Location("classpath:db/broken-upgrade"));
		Flyway nextVersion = Flyway.configure().configuration(applicationFlyway.getConfiguration())
			.dataSource(dataSource("migration_failed"))
			.locations(withBrokenUpgrade.toArray(Location[]::new))
			.load();

		assertThatThrownBy(() -> MigrationSafety.migrate(nextVersion))
			.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
				assertThat(failure.reason()).isEqualTo(DatabaseStartFailure.Reason.MIGRATION_FAILED);
				assertThat(failure.vietnamese()).contains("V20991230_0001__core_broken_upgrade.sql", "no_such_function",
						"dữ liệu vẫn như trước khi nâng cấp");
				assertThat(failure.english()).contains("the data is as it was before");
			});
		assertThat(upgraded.sql("SELECT count(*) FROM public.event_publication").query(Long.class).single())
			.as("rows the failed migration deleted").isEqualTo(1);
		assertThat(upgraded.sql("SELECT to_regclass('public.upgrade_probe') IS NULL").query(Boolean.class).single())
			.as("the table of the migration that succeeded before it is gone").isTrue();
		assertThat(upgraded.sql("""
				SELECT count(*) FROM information_schema.columns
				WHERE table_name = 'event_publication' AND column_name = 'upgrade_probe'""").query(Long.class).single())
			.isZero();
		assertThat(upgraded.sql("SELECT count(*) FROM public.flyway_schema_history").query(Long.class).single())
			.isEqualTo(history);
	}

	private JdbcClient scratch(String database) {
		TestDatabase.createDatabase(database);
		return JdbcClient.create(dataSource(database));
	}

	private Flyway flyway(String database) {
		return Flyway.configure().configuration(applicationFlyway.getConfiguration()).dataSource(dataSource(database))
			.load();
	}

	private static DriverManagerDataSource dataSource(String database) {
		return new DriverManagerDataSource(TestDatabase.server().jdbcUrl(database), TestDatabase.username(),
				TestDatabase.password());
	}
}
