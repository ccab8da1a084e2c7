package vn.vongtay.reporting.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.reporting.ObligationSources;
import vn.vongtay.reporting.ReportReminders;

/**
 * Makes the obligations at start-up (after the plans are loaded) and every night, and sends reminders every hour;
 * several instances may run, an advisory lock lets one of them do each.
 */
@Component
class ReportingJobs {

	private static final long GENERATE_LOCK = 0x76740030L;
	private static final long REMIND_LOCK = 0x76740031L;

	private final ObligationSources sources;
	private final ReportReminders reminders;
	private final Jurisdictions jurisdictions;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	ReportingJobs(ObligationSources sources, ReportReminders reminders, Jurisdictions jurisdictions, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.sources = sources;
		this.reminders = reminders;
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${vongtay.reporting.generate-cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
	void generate() {
		transaction.executeWithoutResult(status -> {
			if (locked(GENERATE_LOCK)) {
				sources.generate();
			}
		});
	}

	@Scheduled(fixedDelayString = "${vongtay.reporting.remind-interval:PT1H}",
			initialDelayString = "${vongtay.reporting.remind-initial-delay:PT5M}")
	void remind() {
		jurisdictions.runAsSystem("reporting-reminders", () -> transaction.executeWithoutResult(status -> {
			if (locked(REMIND_LOCK)) {
				reminders.send();
			}
		}));
	}

	private boolean locked(long lock) {
		return jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", lock).query(Boolean.class).single();
	}
}
