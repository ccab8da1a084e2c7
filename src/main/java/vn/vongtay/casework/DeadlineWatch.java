package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.identity.Jurisdictions;

/**
 * Watches the deadlines of open cases: it asks each case file that owes an alert (the column {@code next_alert_at}
 * {@link CaseFiles} keeps) what is due at the time of the clock, and stores the file: {@link CaseFile#watch} announces
 * a deadline drawing near and reports a missed one, escalating the case; {@link CaseNotices} tells the people. Each
 * alert is sent once, by whichever instance holds the advisory lock.
 */
@Component
class DeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
	private static final long LOCK = 0x76740020L;
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final CaseFiles files;
	private final Jurisdictions jurisdictions;
	private final TransactionTemplate transaction;
	private final Clock clock;

	DeadlineWatch(JdbcClient jdbc, CaseFiles files, Jurisdictions jurisdictions, TransactionTemplate transaction,
			Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.jurisdictions = jurisdictions;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vongtay.casework.watch-interval:PT1M}", initialDelayString = "${vongtay.casework.watch-initial-delay:PT30S}")
	void watch() {
		jurisdictions.runAsSystem("deadline-watch", () -> {
			Integer sent = transaction.execute(status -> {
				if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
					return 0;
				}
				return alert();
			});
			if (sent != null && sent > 0) {
				log.info("{} deadline alerts sent", sent);
			}
		});
	}

	/**
	 * Sends the alerts owed now, a thousand cases at a time (the next run takes the rest), in the transaction of the
	 * scheduled run or one of its own; answers how many.
	 */
	int alert() {
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		Integer sent = transaction.execute(status -> {
			int count = 0;
			for (CaseId id : files.owingAlerts(now, BATCH)) {
				CaseFile file = files.load(id);
				int alerts = file.watch(now, files.notice()).size();
				try {
					files.save(file);
					count += alerts;
				}
				catch (OptimisticLockingFailureException e) {
					// someone took a step on the case meanwhile (the update found another version and wrote
					// nothing): the next run looks at the case as it is then
					log.debug("Case {} changed while its deadlines were watched", id);
				}
			}
			return count;
		});
		return sent == null ? 0 : sent;
	}
}
