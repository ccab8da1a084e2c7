package vn.vongtay.core.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vongtay.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: what an office lives through when the computer or the application is stopped in the middle of the day.
 * The application's database wiring runs as a process of its own ({@link CrashWitness}), committing rows one by one,
 * and is killed the hard way.
 */
class CrashRecoveryTests {

	@TempDir
	Path folder;

	@Test
	void aCommitAcknowledgedSurvivesAKillOfTheApplicationAndOfItsDatabaseAndTheNextStartSucceedsAtOnce() throws Exception {
		Path data = folder.resolve("postgres");

		// kill -9 of the application alone: its PostgreSQL goes on running with the folder
		Witness first = Witness.start(data);
		first.awaitAcknowledged(200);
		first.killHard();
		long acknowledgedByFirst = first.lastAcknowledged();
		assertThat(leftRunning(data)).as("the server outlives its killed application").isNotEmpty();

		// the next start works the first time, with every acknowledged row
		Witness second = Witness.start(data);
		Ready ready = second.ready();
		assertThat(ready.rows()).isEqualTo(ready.maxId()).isGreaterThanOrEqualTo(acknowledgedByFirst);
		assertThat(ready.synchronousCommit()).isEqualTo("on");
		assertThat(ready.fsync()).isEqualTo("on");
		assertThat(ready.user()).isEqualTo("vongtay");
		assertThat(ready.superuser()).isFalse();

		// a power cut: the application and every process of its database killed at once, mid-commit
		second.awaitAcknowledged(acknowledgedByFirst + 200);
		List<ProcessHandle> database = leftRunning(data);
		second.killHard();
		database.forEach(ProcessHandle::destroyForcibly);
		long acknowledgedBySecond = second.lastAcknowledged();
		for (ProcessHandle process : database) {
			process.onExit().get(30, TimeUnit.SECONDS);
		}

		// crash recovery at the next start keeps every row whose commit was acknowledged
		try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(
				EmbeddedPostgresServer.Options.of(data).binariesDirectory(TestDatabase.sharedBinaries()));
				Connection c = restarted.ownerConnection();
				ResultSet rs = c.createStatement().executeQuery("SELECT count(*), max(id) FROM acknowledged")) {
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
			assertThat(rs.getLong(2)).as("rows kept after the power cut").isGreaterThanOrEqualTo(acknowledgedBySecond);
		}
	}

	@Test
	void theDatabaseStopsWithTheApplicationWhenTheApplicationIsStoppedBySigterm() throws Exception {
		Path data = folder.resolve("postgres");
		Witness witness = Witness.start(data);
		witness.awaitAcknowledged(10);
		List<ProcessHandle> database = leftRunning(data);
		assertThat(database).isNotEmpty();

		witness.process.destroy(); // SIGTERM, as systemd or Ctrl+C stop it
		assertThat(witness.process.waitFor(120, TimeUnit.SECONDS)).isTrue();

		assertThat(data.resolve("postmaster.pid")).doesNotExist();
		for (ProcessHandle process : database) {
			// the postmaster removes its pid file a moment before its process ends
			process.onExit().get(30, TimeUnit.SECONDS);
		}
	}

	/** The postmaster named in the folder's postmaster.pid, if alive, with all its processes. */
	private static List<ProcessHandle> leftRunning(Path data) throws IOException {
		Path pid = data.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return List.of();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
			.orElse(List.of());
	}

	record Ready(long rows, long maxId, String user, boolean superuser, String synchronousCommit, String fsync) {
	}

	private static final class Witness {

		private final Process process;
		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		private final List<String> output = Collections.synchronizedList(new ArrayList<>());
		private volatile long lastAcknowledged;
		private final Thread reader;

		private Witness(Process process) {
			this.process = process;
			this.reader = new Thread(() -> {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						if (line.startsWith("ACK ")) {
							lastAcknowledged = Long.parseLong(line.substring(4));
						}
						else {
							output.add(line);
						}
						lines.add(line);
					}
				}
				catch (IOException ignored) {
					// the process was killed
				}
			});
			reader.setDaemon(true);
			reader.start();
		}

		static Witness start(Path data) throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					CrashWitness.class.getName(), data.toString(), TestDatabase.sharedBinaries().toString())
				.redirectErrorStream(true)
				.start();
			return new Witness(process);
		}

		Ready ready() throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (System.nanoTime() < deadline) {
				String line = lines.poll(1, TimeUnit.SECONDS);
				if (line != null && line.startsWith("READY ")) {
					String[] f = line.split(" ");
					return new Ready(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Boolean.parseBoolean(f[4]), f[5],
							f[6]);
				}
				if (line == null && !process.isAlive()) {
					break;
				}
			}
			throw new AssertionError("the application did not start:\n" + String.join("\n", output));
		}

		void awaitAcknowledged(long count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (lastAcknowledged < count && System.nanoTime() < deadline && process.isAlive()) {
				Thread.sleep(20);
			}
			assertThat(lastAcknowledged).as(String.join("\n", output)).isGreaterThanOrEqualTo(count);
		}

		void killHard() throws InterruptedException {
			process.destroyForcibly(); // SIGKILL: no shutdown hook runs
			process.waitFor();
			reader.join(10_000);
		}

		long lastAcknowledged() {
			return lastAcknowledged;
		}
	}
}
