package vn.vongtay.core.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The generated passwords of an embedded cluster: the superuser's ({@code postgres}, for initialisation, extensions
 * and backups) and the owner's ({@code vongtay}, the role the application works as). Kept in a file readable by its
 * owner only inside the data folder, so that the folder, and every backup of it, carries its own keys.
 */
record ClusterCredentials(String superuserPassword, String ownerPassword) {

	static final String SUPERUSER = "postgres";
	static final String OWNER = "vongtay";
	static final String DATABASE = "vongtay";
	static final String FILE = "vongtay-credentials.properties";

	static ClusterCredentials generate() {
		return new ClusterCredentials(randomPassword(), randomPassword());
	}

	static Optional<ClusterCredentials> read(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String superuser = properties.getProperty("superuser.password");
		String owner = properties.getProperty("owner.password");
		if (superuser == null || owner == null) {
			throw new IllegalStateException(file + " lacks a password");
		}
		return Optional.of(new ClusterCredentials(superuser, owner));
	}

	/** Writes the file readable and writable by its owner only (0600), replacing any earlier one at once. */
	void write(Path file) {
		Path written = file.resolveSibling(file.getFileName() + ".new");
		try {
			Files.deleteIfExists(written);
			Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Properties properties = new Properties();
			properties.setProperty("superuser", SUPERUSER);
			properties.setProperty("superuser.password", superuserPassword);
			properties.setProperty("owner", OWNER);
			properties.setProperty("owner.password", ownerPassword);
			properties.setProperty("database", DATABASE);
			try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
					StandardOpenOption.SYNC)) {
				properties.store(out, "Passwords of the embedded PostgreSQL, generated at its first start. Keep private.");
			}
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A file holding only the superuser's password, the form {@code initdb --pwfile} reads. */
	void writeSuperuserPasswordFile(Path file) {
		try {
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, superuserPassword + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "ClusterCredentials[hidden]";
	}
}
