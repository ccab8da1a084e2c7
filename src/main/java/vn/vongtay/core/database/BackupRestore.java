package vn.vongtay.core.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a backup written by {@link OnlineBackup} back into a data folder: only into an empty or new folder, never over
 * a folder that holds a database. Started, the folder replays the write-ahead log the backup carries and opens as the
 * cluster was when the backup ended, with its passwords.
 */
public final class BackupRestore {

	private static final Logger log = LoggerFactory.getLogger(BackupRestore.class);

	/** Why a restore was refused, in Vietnamese and English. */
	public static class Refused extends RuntimeException {

		private final String vietnamese;

		Refused(String vietnamese, String english) {
			super(english);
			this.vietnamese = vietnamese;
		}

		public String vietnamese() {
			return vietnamese;
		}

		public String english() {
			return getMessage();
		}
	}

	private BackupRestore() {
	}

	/** Unpacks the backup into the folder, which must be absent or empty; the backup is checked whole first. */
	public static void restore(Path backup, Path dataDirectory, int majorVersion) throws IOException {
		Path data = dataDirectory.toAbsolutePath().normalize();
		if (!Files.isRegularFile(backup)) {
			throw new Refused("Không tìm thấy tệp sao lưu " + backup + ".", "The backup file " + backup + " does not exist.");
		}
		if (Files.isDirectory(data)) {
			try (Stream<Path> entries = Files.list(data)) {
				if (entries.findAny().isPresent()) {
					throw new Refused("Thư mục " + data + " không trống. Hãy khôi phục vào một thư mục trống, hoặc đổi tên"
							+ " thư mục dữ liệu hiện có (ví dụ thành postgres-cu) rồi khôi phục lại.",
							"The folder " + data + " is not empty. Restore into an empty folder, or rename the current"
									+ " data folder (for example to postgres-old) and restore again.");
				}
			}
		}
		try {
			OnlineBackup.verify(backup);
		}
		catch (IOException e) {
			throw new Refused("Tệp sao lưu " + backup + " bị hỏng hoặc không phải bản sao lưu của Vòng Tay (" + e.getMessage()
					+ "). Hãy dùng một bản sao lưu khác.", "The backup file " + backup + " is damaged or not a Vòng Tay"
							+ " backup (" + e.getMessage() + "). Use another backup.");
		}
		Properties manifest = manifest(backup);
		String version = manifest.getProperty("postgresql-major-version", "?");
		if (!version.equals(String.valueOf(majorVersion))) {
			throw new Refused("Bản sao lưu " + backup + " là của PostgreSQL " + version + ", còn phiên bản Vòng Tay này dùng"
					+ " PostgreSQL " + majorVersion + ". Hãy khôi phục bằng phiên bản Vòng Tay đã tạo bản sao lưu.",
					"The backup " + backup + " is of PostgreSQL " + version + ", and this version of Vòng Tay runs"
							+ " PostgreSQL " + majorVersion + ". Restore it with the version of Vòng Tay that made it.");
		}
		Files.createDirectories(data);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.getName().equals(OnlineBackup.MANIFEST)) {
					continue;
				}
				Path target = data.resolve(entry.getName()).normalize();
				if (!target.startsWith(data)) {
					throw new IOException("entry outside the folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(in, target);
				}
			}
		}
		try (Stream<Path> files = Files.walk(data)) {
			for (Path path : files.toList()) {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
						Files.isDirectory(path) ? "rwx------" : "rw-------"));
			}
		}
		log.info("Backup {} (taken {}) restored into {}", backup, manifest.getProperty("taken-at"), data);
	}

	private static Properties manifest(Path backup) throws IOException {
		Properties manifest = new Properties();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.getName().equals(OnlineBackup.MANIFEST)) {
					manifest.load((InputStream) in);
					return manifest;
				}
			}
		}
		throw new Refused("Tệp " + backup + " không phải bản sao lưu của Vòng Tay.", "The file " + backup
				+ " is not a Vòng Tay backup.");
	}
}
