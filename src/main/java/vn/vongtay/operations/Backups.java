package vn.vongtay.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.database.EmbeddedPostgresServer;
import vn.vongtay.core.database.OnlineBackup;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;

/**
 * The embedded database's backups: every night, made up for during the day when the computer was off at night, and on
 * an administrator's demand; the newest {@code vongtay.backup.keep} kept. One backup of a cluster runs at a time:
 * {@link OnlineBackup} takes a PostgreSQL advisory lock for it, as the other scheduled jobs do, held by the backup's own
 * session for as long as it runs (a backup spans no single transaction). With an external database nothing runs: it
 * is backed up by its own tools.
 *
 * <p>Only system administrators see the status or start a backup: the copies hold every record of the office, so the
 * page shows where they are and how old, and never offers them for download.
 */
@Component
public class Backups implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private final ObjectProvider<EmbeddedPostgresServer> server;
	private final BackupProperties properties;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "backup");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean running = new AtomicBoolean();
	private final AtomicReference<BackupStatus.Failure> lastFailure = new AtomicReference<>();

	Backups(ObjectProvider<EmbeddedPostgresServer> server, BackupProperties properties, Clock clock) {
		this.server = server;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the administrator's page shows. */
	public BackupStatus status() {
		requireAdministrator();
		EmbeddedPostgresServer embedded = server.getIfAvailable();
		Path folder = properties.directory().toAbsolutePath().normalize();
		var copies = OnlineBackup.copies(folder).stream()
			.map(c -> new BackupStatus.Copy(c.file().getFileName().toString(), c.takenAt(), c.size()))
			.toList();
		Instant now = clock.instant();
		boolean stale = copies.isEmpty() || copies.get(0).takenAt().isBefore(now.minus(properties.warnAfter()));
		return new BackupStatus(embedded != null, folder.toString(), Files.isDirectory(folder),
				OnlineBackup.usableSpace(folder), embedded != null && sameDisk(folder, embedded.dataDirectory()), copies,
				running.get(), lastFailure.get(), embedded != null && stale, properties.keep());
	}

	/**
	 * Starts a backup now, in the background; the page shows it running, then the new copy.
	 *
	 * @return false when one is already running
	 */
	public boolean startNow() {
		requireAdministrator();
		if (server.getIfAvailable() == null) {
			throw new UserFacingException(409, "operations.backup.external");
		}
		return start("on demand");
	}

	@Scheduled(cron = "${vongtay.backup.cron:0 0 2 * * *}", zone = "Asia/Ho_Chi_Minh")
	void nightly() {
		if (server.getIfAvailable() != null) {
			run("nightly");
		}
	}

	/** A computer switched off at night misses the nightly backup: made up for within an hour of its start. */
	@Scheduled(initialDelayString = "${vongtay.backup.catch-up-initial-delay:PT10M}", fixedDelayString = "PT1H")
	void catchUp() {
		if (server.getIfAvailable() == null) {
			return;
		}
		var copies = OnlineBackup.copies(properties.directory());
		if (copies.isEmpty() || copies.get(0).takenAt().isBefore(clock.instant().minus(properties.catchUpAfter()))) {
			run("catch-up");
		}
	}

	private boolean start(String why) {
		if (running.get()) {
			return false;
		}
		worker.submit(() -> run(why));
		return true;
	}

	private void run(String why) {
		EmbeddedPostgresServer embedded = server.getIfAvailable();
		if (embedded == null || !running.compareAndSet(false, true)) {
			return;
		}
		try {
			OnlineBackup.write(embedded, properties.directory().toAbsolutePath().normalize(), properties.keep(),
					clock.instant());
			lastFailure.set(null);
		}
		catch (RuntimeException e) {
			log.error("The {} backup of the embedded database failed: {}", why, e.getMessage());
			lastFailure.set(new BackupStatus.Failure(clock.instant(), e.getMessage()));
		}
		finally {
			running.set(false);
		}
	}

	private static boolean sameDisk(Path folder, Path data) {
		try {
			Path existing = folder;
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			return existing != null && Files.getFileStore(existing).equals(Files.getFileStore(data));
		}
		catch (IOException e) {
			return false;
		}
	}

	private static void requireAdministrator() {
		if (!Jurisdictions.requireUser().has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}
}
