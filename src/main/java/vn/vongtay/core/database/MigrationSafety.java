package vn.vongtay.core.database;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.vongtay.core.database.DatabaseStartFailure.Reason;

/**
 * How the application brings a database to its version at start-up (issue 23, "upgrades in place"):
 *
 * <ul>
 * <li>an older database is migrated, every pending migration in one transaction ({@code spring.flyway.group=true}):
 * PostgreSQL's DDL is transactional, so a migration that fails leaves the data, and the history, exactly as they were,
 * and the previous version of the application still runs on it;</li>
 * <li>a database a newer version has migrated (its history names migrations this build does not have) is refused
 * before anything is changed: this build's code would misread a schema it does not know. Flyway alone would start on it
 * ({@code ignoreMigrationPatterns} ignores future migrations by default).</li>
 * </ul>
 * Either way the start fails with one clear message ({@link DatabaseStartFailure}), for an embedded database or an
 * external one.
 */
@Configuration(proxyBeanMethods = false)
class MigrationSafety {

	@Bean
	FlywayMigrationStrategy refuseNewerDataAndMigrateAllOrNothing() {
		return MigrationSafety::migrate;
	}

	static void migrate(Flyway flyway) {
		refuseNewerData(flyway);
		try {
			flyway.migrate();
		}
		catch (FlywayException e) {
			throw new DatabaseStartFailure(Reason.MIGRATION_FAILED, e, firstLine(e.getMessage()), databaseError(e));
		}
	}

	static void refuseNewerData(Flyway flyway) {
		MigrationInfo[] all = flyway.info().all();
		Optional<MigrationInfo> newest = Arrays.stream(all)
			.filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
			.max(Comparator.comparing(MigrationInfo::getVersion));
		if (newest.isPresent()) {
			String known = Arrays.stream(all)
				.filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
				.filter(m -> m.getVersion() != null)
				.max(Comparator.comparing(MigrationInfo::getVersion))
				.map(m -> m.getVersion().getVersion())
				.orElse("-");
			throw new DatabaseStartFailure(Reason.NEWER_DATA, newest.get().getVersion().getVersion(),
					newest.get().getDescription(), known);
		}
	}

	private static String databaseError(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return firstLine(sql.getMessage());
			}
		}
		return "-";
	}

	private static String firstLine(String text) {
		return text == null ? "-" : text.strip().lines().findFirst().orElse("-");
	}
}
