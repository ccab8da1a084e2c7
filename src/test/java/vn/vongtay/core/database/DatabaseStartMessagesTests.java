package vn.vongtay.core.database;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.vongtay.TestDatabase;
import vn.vongtay.VongTayApplication;
import vn.vongtay.core.database.DatabaseStartFailure.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 23, point 2: what an official reads when the database cannot start, one sentence in Vietnamese and one in
 * English, never a stack trace.
 */
class DatabaseStartMessagesTests {

	@TempDir
	Path folder;

	private EmbeddedPostgresServer.Options options(Path data) {
		return EmbeddedPostgresServer.Options.of(data).binariesDirectory(TestDatabase.sharedBinaries()).fast();
	}

	@Test
	void aDataFolderOfAnotherPostgresqlVersionIsRefused() throws Exception {
		Path data = olderVersionFolder();
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data)))
			.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
				assertThat(failure.reason()).isEqualTo(Reason.OTHER_VERSION);
				assertThat(failure.vietnamese()).isEqualTo("Thư mục dữ liệu " + data
						+ " được tạo bởi PostgreSQL 16, còn phiên bản Vòng Tay này dùng PostgreSQL 17. Hãy chạy phiên bản"
						+ " Vòng Tay đã tạo thư mục này, hoặc khôi phục một bản sao lưu vào một thư mục trống.");
				assertThat(failure.english()).isEqualTo("The data folder " + data
						+ " was made by PostgreSQL 16, and this version of Vòng Tay runs PostgreSQL 17. Run the version"
						+ " of Vòng Tay that made the folder, or restore a backup into an empty folder.");
			});
	}

	@Test
	void aFullDiskIsRefused() {
		Path data = folder.resolve("postgres");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data).minimumFreeSpace(DataSize.ofTerabytes(1_000_000))))
			.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
				assertThat(failure.reason()).isEqualTo(Reason.DISK_FULL);
				assertThat(failure.vietnamese()).startsWith("Ổ đĩa chứa thư mục dữ liệu " + data + " đã đầy (còn trống ")
					.contains("cần ít nhất 1.000.000 TB)").contains("Hãy giải phóng dung lượng");
				assertThat(failure.english()).startsWith("The disk holding the data folder " + data + " is full (");
			});
		assertThat(data).doesNotExist();
	}

	@Test
	void aDataFolderWithoutWritePermissionIsRefused() throws Exception {
		Path data = folder.resolve("postgres");
		EmbeddedPostgresServer.start(options(data)).close();
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));
		try {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data)))
				.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
					assertThat(failure.reason()).isEqualTo(Reason.NOT_WRITABLE);
					assertThat(failure.vietnamese()).startsWith("Không ghi được vào thư mục dữ liệu " + data + ":");
					assertThat(failure.english()).startsWith("Cannot write to the data folder " + data + ":");
				});
		}
		finally {
			Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void aDataFolderInUseByAnotherRunningApplicationIsRefusedAndLeftAlone() throws Exception {
		Path data = folder.resolve("postgres");
		try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(options(data))) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data)))
				.isInstanceOfSatisfying(DatabaseStartFailure.class,
						failure -> assertThat(failure.vietnamese()).isEqualTo("Thư mục dữ liệu " + data
								+ " đang được một phiên Vòng Tay khác sử dụng. Hãy dùng phiên đang chạy, hoặc tắt nó rồi khởi động lại."));
			running.ownerConnection().close();
		}
	}

	@Test
	void aFolderHoldingOtherFilesIsNotTakenOver() throws Exception {
		Path data = Files.createDirectories(folder.resolve("documents"));
		Files.writeString(data.resolve("bao-cao.docx"), "not a database");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data)))
			.isInstanceOfSatisfying(DatabaseStartFailure.class,
					failure -> assertThat(failure.reason()).isEqualTo(Reason.NOT_A_DATA_FOLDER));
		assertThat(data.resolve("bao-cao.docx")).hasContent("not a database");
	}

	@Test
	void aPortTakenByAnotherProgramIsNamed() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("::"))) {
			Path data = folder.resolve("postgres");
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(options(data).port(taken.getLocalPort())))
				.isInstanceOfSatisfying(DatabaseStartFailure.class, failure -> {
					assertThat(failure.reason()).isEqualTo(Reason.PORT_IN_USE);
					assertThat(failure.vietnamese()).contains("Cổng " + taken.getLocalPort() + " ");
				});
		}
	}

	/** The application itself, as an official starts it, on a folder it cannot open. */
	@Test
	void theApplicationPrintsTheMessageInsteadOfAStackTraceAndExitsWithAnError() throws Exception {
		Path data = olderVersionFolder();
		// the application's classes and libraries, not the tests' (whose shared database would replace the embedded one)
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Path output = folder.resolve("start.log");
		ProcessBuilder application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", classpath, VongTayApplication.class.getName(),
				"--vongtay.embedded-postgres.binaries-directory=" + TestDatabase.sharedBinaries(), "--server.port=0")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		application.environment().put("VONGTAY_DATA_DIR", data.toString());
		Process started = application.start();
		assertThat(started.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(started.exitValue()).as(printed).isNotZero();
		assertThat(printed).contains("APPLICATION FAILED TO START")
			.contains("Thư mục dữ liệu " + data + " được tạo bởi PostgreSQL 16")
			.contains("The data folder " + data + " was made by PostgreSQL 16")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

	private Path olderVersionFolder() throws Exception {
		Path data = Files.createDirectories(folder.resolve("postgres"));
		Files.writeString(data.resolve("PG_VERSION"), "16\n");
		Files.createDirectories(data.resolve("base"));
		return data;
	}
}
