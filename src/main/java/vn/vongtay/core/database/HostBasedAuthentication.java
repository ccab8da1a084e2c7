package vn.vongtay.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}: every connection, from this computer only, proves a password
 * (scram-sha-256). Written at every start, so that a folder made before passwords, or a file changed by hand, is
 * brought back to it.
 */
final class HostBasedAuthentication {

	static final String CONTENT = """
			# Written by Vòng Tay at every start of its embedded PostgreSQL (docs/decisions/0010-embedded-database.md):
			# connections from this computer only, each with a password. Changes made here are overwritten.
			# TYPE  DATABASE        USER            ADDRESS                 METHOD
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	private HostBasedAuthentication() {
	}

	/** Whether the folder's file lets a connection in without a password (the folders of earlier versions). */
	static boolean trustsAnyone(Path data) {
		Path file = data.resolve("pg_hba.conf");
		try {
			return Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).stream()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.anyMatch(line -> line.matches(".*\\strust(\\s.*)?$"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void write(Path data) {
		Path file = data.resolve("pg_hba.conf");
		try {
			if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT)) {
				return;
			}
			Files.writeString(file, CONTENT, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
