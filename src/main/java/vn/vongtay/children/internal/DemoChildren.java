package vn.vongtay.children.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.children.RegisterGenerator;
import vn.vongtay.identity.VillageCollaborators;

/**
 * Invented children for the demo localities (seed {@value #SEED}): {@value #PER_COMMUNE} in every current commune, and a
 * few still attached to the former communes that 2025 split among several new ones, so that the list of children
 * awaiting assignment has something to show.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoChildren implements ApplicationRunner {

	static final long SEED = 2026;
	static final int PER_COMMUNE = 150;

	private static final Logger log = LoggerFactory.getLogger(DemoChildren.class);

	private final RegisterGenerator generator;
	private final VillageCollaborators collaborators;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoChildren(RegisterGenerator generator, VillageCollaborators collaborators, JdbcClient jdbc, Clock clock) {
		this.generator = generator;
		this.collaborators = collaborators;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM children.child)").query(Boolean.class).single()) {
			return;
		}
		long started = System.nanoTime();
		List<Long> current = jdbc.sql("SELECT id FROM geography.unit WHERE level = 'COMMUNE' AND valid_to IS NULL")
			.query(Long.class).list();
		List<Long> split = jdbc.sql("""
				SELECT u.id FROM geography.unit u WHERE u.level = 'COMMUNE' AND u.valid_to IS NOT NULL
				  AND EXISTS (SELECT 1 FROM geography.succession s WHERE s.predecessor_id = u.id AND s.kind = 'PARTIAL')
				  AND NOT EXISTS (SELECT 1 FROM geography.succession s WHERE s.predecessor_id = u.id AND s.kind = 'FULL')""")
			.query(Long.class).list();
		LocalDate today = LocalDate.now(clock);
		int made = generator.generate(new RegisterGenerator.Request(SEED, PER_COMMUNE, today), current);
		if (!split.isEmpty()) {
			made += generator.generate(new RegisterGenerator.Request(SEED, 3, LocalDate.of(2025, 6, 30)), split);
		}
		log.info("Demo children generated: {} in {} ms", made, (System.nanoTime() - started) / 1_000_000);
		// the demo village collaborator works in the first village of Xã Tuần Giáo
		jdbc.sql("""
				SELECT v.id FROM children.village v JOIN geography.unit u ON u.id = v.unit_id
				WHERE u.code = '03253' AND u.valid_to IS NULL ORDER BY v.id LIMIT 1""")
			.query(Long.class).optional()
			.ifPresent(village -> collaborators.assign("ctv.a", List.of(village)));
	}
}
