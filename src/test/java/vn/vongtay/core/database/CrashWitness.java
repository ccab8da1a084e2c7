package vn.vongtay.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The application's database wiring alone ({@link EmbeddedPostgresConfiguration}: the embedded server and the data
 * source, as the application builds them), run as a process of its own by {@link CrashRecoveryTests} so that it can be
 * killed. It commits one row after another, each in its own transaction, and prints {@code ACK n} once the commit of
 * row n returned: what an official would have seen confirmed.
 *
 * <p>Arguments: the data folder and the folder of the PostgreSQL binaries. Deliberately no {@code @Configuration}: the
 * tests' component scan must not find it.
 */
@Import(EmbeddedPostgresConfiguration.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class CrashWitness {

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(CrashWitness.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// not the tests' shared database (registered for every Spring application on the test classpath)
		application.setInitializers(List.of());
		ConfigurableApplicationContext context = application.run("--vongtay.embedded-postgres.data-directory=" + args[0],
				"--vongtay.embedded-postgres.binaries-directory=" + args[1], "--logging.level.root=WARN");
		DataSource dataSource = context.getBean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			try (Statement sql = connection.createStatement()) {
				sql.execute("CREATE TABLE IF NOT EXISTS acknowledged (id bigint PRIMARY KEY, note text NOT NULL)");
				try (ResultSet rs = sql.executeQuery("""
						SELECT count(*), coalesce(max(id), 0), current_user,
						       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
						       current_setting('synchronous_commit'), current_setting('fsync')
						FROM acknowledged""")) {
					rs.next();
					System.out.printf("READY %d %d %s %s %s %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getBoolean(4), rs.getString(5), rs.getString(6));
					System.out.flush();
				}
			}
			long next;
			try (ResultSet rs = connection.createStatement().executeQuery("SELECT coalesce(max(id), 0) + 1 FROM acknowledged")) {
				rs.next();
				next = rs.getLong(1);
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledged VALUES (?, ?)")) {
				while (true) {
					insert.setLong(1, next);
					insert.setString(2, "hồ sơ " + next);
					insert.executeUpdate(); // autocommit: returns once the commit is done
					System.out.println("ACK " + next);
					System.out.flush();
					next++;
				}
			}
		}
	}
}
