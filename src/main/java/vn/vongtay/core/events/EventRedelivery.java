package vn.vongtay.core.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers again the events whose listener did not complete: those that failed, and those left unfinished by an
 * instance that died (killed, or its machine lost) while it held them, whichever instance is still running.
 *
 * <p>Spring Modulith's own republication at start ({@code spring.modulith.events.republish-outstanding-events-on-restart})
 * is off: in 2.0 it takes every incomplete publication, also those another instance is processing at that moment, so a
 * restart of one instance would deliver them twice. Here a publication counts as abandoned only when it has been
 * waiting or processing longer than {@code vongtay.events.stale-after} (5 minutes by default, longer than any listener
 * takes), and one instance at a time marks those failed (an advisory lock); Modulith then claims each failed
 * publication with an update that only one instance can win and runs its listener again. A listener still running
 * past that age may run twice, so every listener must be idempotent: the indicator tallies are (a refresh applies the
 * difference between the record's stored and current facts, a recount rebuilds them).
 */
@Component
class EventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
	private static final long LOCK = 0x76740040L;

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final FailedEventPublications failed;
	private final Duration staleAfter;

	EventRedelivery(JdbcClient jdbc, TransactionTemplate transaction, FailedEventPublications failed,
			@Value("${vongtay.events.stale-after:PT5M}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.failed = failed;
		this.staleAfter = staleAfter;
	}

	@Scheduled(fixedDelayString = "${vongtay.events.redelivery-interval:PT1M}",
			initialDelayString = "${vongtay.events.redelivery-initial-delay:PT30S}")
	void redeliver() {
		Integer abandoned = transaction.execute(status -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				return null;
			}
			return markAbandoned();
		});
		if (abandoned == null) {
			return;
		}
		if (abandoned > 0) {
			log.warn("{} event publications abandoned for more than {}; delivering them again", abandoned, staleAfter);
		}
		failed.resubmit(ResubmissionOptions.defaults());
	}

	/** Marks failed the publications nobody has been working on for longer than the stale age; answers how many. */
	int markAbandoned() {
		return jdbc.sql("""
				UPDATE event_publication SET status = 'FAILED'
				WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				  AND coalesce(last_resubmission_date, publication_date) < now() - make_interval(secs => :seconds)""")
			.param("seconds", staleAfter.toMillis() / 1000.0)
			.update();
	}
}
