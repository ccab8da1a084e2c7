package vn.vongtay.core.database;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar vongtay.jar restore <backup> [<data folder>]}: restores a backup into an empty or new data folder
 * (by default {@code VONGTAY_DATA_DIR}, else {@code data/postgres}), then opens it once to check that it starts and
 * says what it holds. The application must not be running on that folder. Exit code 0 when restored, 2 when refused.
 */
public final class RestoreCommand {

	private RestoreCommand() {
	}

	public static int run(String[] arguments, PrintStream out) {
		return run(arguments, out, null);
	}

	/** With the PostgreSQL programs unpacked in {@code binaries} (null: beside the data folder, as the application). */
	static int run(String[] arguments, PrintStream out, Path binaries) {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
		if (arguments.length < 1 || arguments.length > 2) {
			out.println("Cách dùng / usage: java -jar vongtay.jar restore <tệp sao lưu / backup file> [<thư mục dữ liệu / data folder>]");
			return 2;
		}
		Path backup = Path.of(arguments[0]);
		String configured = System.getenv("VONGTAY_DATA_DIR");
		Path data = Path.of(arguments.length == 2 ? arguments[1]
				: configured == null || configured.isBlank() ? "data/postgres" : configured).toAbsolutePath().normalize();
		try {
			EmbeddedPostgresServer.Options options = EmbeddedPostgresServer.Options.of(data);
			if (binaries != null) {
				options = options.binariesDirectory(binaries);
			}
			BackupRestore.restore(backup, data, PostgresBinaries.unpackInto(options.binariesDirectory()).majorVersion());
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options);
					Connection c = server.ownerConnection()) {
				long tables = count(c, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
				long children = count(c, "SELECT CASE WHEN to_regclass('children.child') IS NULL THEN 0 ELSE 1 END") == 0 ? 0
						: count(c, "SELECT count(*) FROM children.child");
				out.printf("Đã khôi phục %s vào %s (%d bảng, %d trẻ em trong sổ theo dõi). Khởi động Vòng Tay như thường lệ.%n",
						backup, data, tables, children);
				out.printf("Restored %s into %s (%d tables, %d children in the register). Start Vòng Tay as usual.%n",
						backup, data, tables, children);
			}
			return 0;
		}
		catch (BackupRestore.Refused e) {
			out.println(e.vietnamese());
			out.println(e.english());
			return 2;
		}
		catch (DatabaseStartFailure e) {
			out.println(e.bothLanguages());
			return 2;
		}
		catch (Exception e) {
			out.println("Không khôi phục được / the restore failed: " + e);
			return 1;
		}
	}

	private static long count(Connection c, String query) throws java.sql.SQLException {
		try (ResultSet rs = c.createStatement().executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	public static void main(String[] arguments) {
		System.exit(run(arguments, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
	}
}
