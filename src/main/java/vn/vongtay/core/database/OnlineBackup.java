package vn.vongtay.core.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup of the whole embedded cluster while the application keeps working, into one zip file that
 * {@link BackupRestore} turns back into a data folder.
 *
 * <p>The binaries shipped with the application have no {@code pg_basebackup} and no {@code pg_dump} (only
 * {@code initdb}, {@code pg_ctl} and {@code postgres}), so this is PostgreSQL's documented low-level base backup, done as
 * {@code pg_basebackup} does it: {@code pg_backup_start}, a copy of the data folder (pages changed meanwhile are
 * repaired by the write-ahead log, which writes full pages while a backup runs), {@code pg_backup_stop}, whose
 * {@code backup_label} goes into the copy, and the write-ahead log from the backup's start to its end, held back from
 * recycling by a temporary replication slot. Started on a fresh folder, the copy replays that log to the moment the
 * backup ended, and opens.
 *
 * <p>The folder may be a USB disk or a network share: the copy is written under a temporary name, flushed to the disk,
 * renamed when complete and read back whole (every entry's checksum), so that a file with the final name is a complete
 * backup; the free space is checked first. Older copies beyond the number kept are deleted only after a new one is
 * complete.
 */
public final class OnlineBackup {

	private static final Logger log = LoggerFactory.getLogger(OnlineBackup.class);

	/** The session lock that lets one backup of a cluster run at a time (the nightly one, one started by hand). */
	static final long LOCK = 0x76740040L;
	static final String PREFIX = "vongtay-backup-";
	static final String SUFFIX = ".zip";
	static final String PARTIAL = ".part";
	static final String MANIFEST = "vongtay-backup.properties";
	private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "\\d{8}-\\d{6}" + Pattern.quote(SUFFIX));
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	/** Folders whose contents a copy leaves out (the server rebuilds them), as pg_basebackup does. */
	private static final Set<String> CONTENTS_LEFT_OUT = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");
	/** Files left out: the running server's own, and what earlier versions' embedded library left. */
	private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"backup_label.old", "tablespace_map", "current_logfiles", "pg_internal.init", "epg-lock");

	/** One complete backup in the folder. */
	public record Copy(Path file, Instant takenAt, long size) {
	}

	/** The backup could not be made or kept; the message says why, for the log and the administrator's page. */
	public static class Failed extends RuntimeException {

		Failed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private OnlineBackup() {
	}

	/**
	 * Backs the server's cluster up into the folder and keeps the newest {@code keep} copies there.
	 *
	 * @throws Failed when another backup runs, the folder cannot be written or lacks space, or the copy is unreadable
	 */
	public static Copy write(EmbeddedPostgresServer server, Path folder, int keep, Instant now) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException e) {
			throw new Failed("the backup folder " + folder + " cannot be created: " + e.getMessage(), e);
		}
		Path data = server.dataDirectory();
		long needed = sizeOf(data) - sizeOf(data.resolve("pg_wal")) + 64L * 1024 * 1024;
		long free = usableSpace(folder);
		if (free < needed) {
			throw new Failed("not enough space in " + folder + ": " + Sizes.readable(free) + " free, up to "
					+ Sizes.readable(needed) + " needed", null);
		}
		Path target = folder.resolve(PREFIX + STAMP.format(now) + SUFFIX);
		Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
		try (Connection c = server.superuserConnection("postgres"); Statement sql = c.createStatement()) {
			if (!single(sql, "SELECT pg_try_advisory_lock(" + LOCK + ")::text").equals("true")) {
				throw new Failed("another backup is running", null);
			}
			long started = System.nanoTime();
			// keeps every segment of the write-ahead log from here until this session ends
			sql.execute("SELECT pg_create_physical_replication_slot('vongtay_backup_' || pg_backend_pid(), true, true)");
			String firstSegment = single(sql, "SELECT pg_walfile_name(pg_backup_start('Vòng Tay " + target.getFileName()
					+ "', true))");
			String label;
			String tablespaceMap;
			String lastSegment;
			try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
					ZipOutputStream zip = new ZipOutputStream(file)) {
				copyFolder(data, zip);
				try (ResultSet stop = sql.executeQuery(
						"SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
					stop.next();
					label = stop.getString(1);
					tablespaceMap = stop.getString(2);
					lastSegment = stop.getString(3);
				}
				add(zip, "backup_label", label.getBytes(StandardCharsets.UTF_8));
				if (tablespaceMap != null && !tablespaceMap.isBlank()) {
					add(zip, "tablespace_map", tablespaceMap.getBytes(StandardCharsets.UTF_8));
				}
				copyWriteAheadLog(data.resolve("pg_wal"), firstSegment, lastSegment, zip);
				add(zip, MANIFEST, manifest(server, now, firstSegment, lastSegment));
			}
			sql.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
			flush(partial);
			verify(partial);
			move(partial, target);
			long size = Files.size(target);
			log.info("Backup {} written: {} in {} s", target, Sizes.readable(size),
					(System.nanoTime() - started) / 1_000_000_000);
			prune(folder, keep);
			return new Copy(target, now, size);
		}
		catch (SQLException | IOException | UncheckedIOException e) {
			deleteQuietly(partial);
			throw new Failed("the backup into " + folder + " failed: " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			deleteQuietly(partial);
			throw e;
		}
	}

	/** The complete copies in the folder, newest first; none when the folder is absent (a USB disk unplugged). */
	public static List<Copy> copies(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
				.map(OnlineBackup::copy)
				.sorted(Comparator.comparing(Copy::takenAt).reversed())
				.toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** Free space where the backups go, or -1 when the folder cannot be reached. */
	public static long usableSpace(Path folder) {
		Path existing = folder.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
		}
		catch (IOException e) {
			return -1;
		}
	}

	private static Copy copy(Path file) {
		String stamp = file.getFileName().toString().substring(PREFIX.length(), PREFIX.length() + 15);
		Instant taken = java.time.ZonedDateTime.parse(stamp, STAMP).toInstant();
		try {
			return new Copy(file, taken, Files.size(file));
		}
		catch (IOException e) {
			return new Copy(file, taken, 0);
		}
	}

	private static void prune(Path folder, int keep) throws IOException {
		List<Copy> copies = copies(folder);
		for (Copy old : copies.subList(Math.min(Math.max(keep, 1), copies.size()), copies.size())) {
			Files.deleteIfExists(old.file());
			log.info("Old backup {} deleted ({} kept)", old.file(), keep);
		}
		// a copy left half-written by a run that was stopped
		try (Stream<Path> files = Files.list(folder)) {
			for (Path stale : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX + PARTIAL)).toList()) {
				Files.deleteIfExists(stale);
			}
		}
	}

	private static void copyFolder(Path data, ZipOutputStream zip) throws IOException {
		List<Path> controlFile = new ArrayList<>();
		Files.walkFileTree(data, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				if (!dir.equals(data)) {
					zip.putNextEntry(new ZipEntry(name(data, dir) + "/"));
					zip.closeEntry();
					if (CONTENTS_LEFT_OUT.contains(data.relativize(dir).toString())) {
						// the folder, empty (the server needs it), and its archive_status for the write-ahead log
						if (dir.getFileName().toString().equals("pg_wal")) {
							zip.putNextEntry(new ZipEntry("pg_wal/archive_status/"));
							zip.closeEntry();
						}
						return FileVisitResult.SKIP_SUBTREE;
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String fileName = file.getFileName().toString();
				if (FILES_LEFT_OUT.contains(fileName) || fileName.startsWith("pgsql_tmp")) {
					return FileVisitResult.CONTINUE;
				}
				if (data.relativize(file).toString().equals("global/pg_control")) {
					controlFile.add(file); // last, as pg_basebackup sends it
					return FileVisitResult.CONTINUE;
				}
				addFile(zip, name(data, file), file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
				if (e instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE; // dropped while copying: the log replays the drop
				}
				throw e;
			}
		});
		for (Path file : controlFile) {
			addFile(zip, name(data, file), file);
		}
	}

	private static void copyWriteAheadLog(Path wal, String first, String last, ZipOutputStream zip) throws IOException {
		try (Stream<Path> files = Files.list(wal)) {
			List<Path> segments = files
				.filter(f -> {
					String n = f.getFileName().toString();
					return n.length() == 24 && n.compareTo(first) >= 0 && n.compareTo(last) <= 0
							|| n.endsWith(".history");
				})
				.sorted()
				.toList();
			if (segments.stream().noneMatch(f -> f.getFileName().toString().equals(last))) {
				throw new IOException("the write-ahead log segment " + last + " is missing");
			}
			for (Path segment : segments) {
				addFile(zip, "pg_wal/" + segment.getFileName(), segment);
			}
		}
	}

	private static byte[] manifest(EmbeddedPostgresServer server, Instant now, String first, String last)
			throws IOException {
		Properties manifest = new Properties();
		manifest.setProperty("taken-at", now.toString());
		manifest.setProperty("postgresql-major-version", String.valueOf(server.binaries().majorVersion()));
		manifest.setProperty("database", server.database());
		manifest.setProperty("wal-from", first);
		manifest.setProperty("wal-to", last);
		var out = new java.io.ByteArrayOutputStream();
		manifest.store(out, "A backup of the embedded PostgreSQL of Vòng Tay; restore: java -jar vongtay.jar restore <file>");
		return out.toByteArray();
	}

	private static void addFile(ZipOutputStream zip, String name, Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			zip.putNextEntry(new ZipEntry(name));
			in.transferTo(zip);
			zip.closeEntry();
		}
		catch (NoSuchFileException e) {
			// dropped while copying: the write-ahead log replays the drop
		}
	}

	private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static String name(Path data, Path path) {
		return data.relativize(path).toString().replace('\\', '/');
	}

	/** Reads the copy back whole: each entry's checksum is checked as it is read. */
	static void verify(Path zip) throws IOException {
		boolean label = false;
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				label |= entry.getName().equals("backup_label");
				in.transferTo(OutputStream.nullOutputStream());
			}
		}
		catch (java.util.zip.ZipException e) {
			throw new IOException("the backup " + zip + " reads back damaged: " + e.getMessage(), e);
		}
		if (!label) {
			throw new IOException("the backup " + zip + " has no backup_label");
		}
	}

	private static void flush(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // some network shares
		}
	}

	private static String single(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getString(1);
		}
	}

	static long sizeOf(Path folder) {
		if (!Files.exists(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> {
				try {
					return Files.size(f);
				}
				catch (IOException e) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | UncheckedIOException e) {
			return 0;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a half-written copy is also removed at the next run
		}
	}
}
