package vn.vongtay.indicators.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Component;

import vn.vongtay.geography.UnitsImported;

/**
 * Recounts the tallies when they cannot be trusted to follow the records by events alone: at start when a source
 * holds a different number of records than facts were kept for (records written in bulk without events: the demo and
 * benchmark generators), and after units are imported, since what every unit reaches has changed.
 */
@Component
@Order(90)
class TallyMaintenance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TallyMaintenance.class);

	private final Tallies tallies;
	private final JdbcClient jdbc;

	TallyMaintenance(Tallies tallies, JdbcClient jdbc) {
		this.tallies = tallies;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (RecordSource<?> source : tallies.sources()) {
			long kept = jdbc.sql("SELECT count(*) FROM indicators.record_facts WHERE source = :source")
				.param("source", source.name()).query(Long.class).single();
			long records = source.count();
			if (kept != records) {
				log.info("Indicators: {} {} records but facts of {} kept; recounting", records, source.name(), kept);
				tallies.recount("start: " + source.name() + " records " + records + ", facts " + kept, "system");
				return;
			}
		}
	}

	@ApplicationModuleListener
	void on(UnitsImported event) {
		tallies.recount("units imported: " + event.units() + " units, " + event.successions() + " successions", "system");
	}

	/** Listeners of other modules' events run after the publishing transaction commits, on their own threads. */
	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncListeners {
	}
}
