package vn.vongtay.children.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.children.Children;
import vn.vongtay.identity.Jurisdictions;

/**
 * Moves the children of abolished communes to the commune that fully continues each of them: at start-up (after a new
 * list of units was loaded) and every night. Several instances may run; a transaction-scoped advisory lock lets one of
 * them do the work.
 */
@Component
class LineageFollower {

	private static final Logger log = LoggerFactory.getLogger(LineageFollower.class);
	private static final long LOCK = 0x76740001L;

	private final Children children;
	private final Jurisdictions jurisdictions;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	LineageFollower(Children children, Jurisdictions jurisdictions, JdbcClient jdbc, TransactionTemplate transaction) {
		this.children = children;
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${vongtay.children.lineage-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
	void follow() {
		jurisdictions.runAsSystem("lineage", () -> transaction.executeWithoutResult(status -> {
			if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				return;
			}
			int moved = children.followLineage();
			if (moved > 0) {
				log.info("{} children moved to the communes that continue their former communes", moved);
			}
		}));
	}
}
