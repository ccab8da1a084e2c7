package vn.vongtay.planning.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.identity.Jurisdictions;

/**
 * The five seed plans of {@code shared/seeds}, transcribed in {@code planning/seeds/*.yaml} and loaded with their
 * issued text beside them, attached to the units that issued them before the 2025 reform.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoPlans implements ApplicationRunner {

	static final List<String> SEEDS = List.of("hong-ngu-2021", "cao-bang-2022", "binh-long-2022", "tuan-giao-2020",
			"tho-xuan-2024");

	private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

	private final PlanImporter importer;
	private final Jurisdictions jurisdictions;
	private final JdbcClient jdbc;

	DemoPlans(PlanImporter importer, Jurisdictions jurisdictions, JdbcClient jdbc) {
		this.importer = importer;
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		jurisdictions.runAsSystem("demo-data", () -> {
			for (String key : SEEDS) {
				if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM planning.plan WHERE key = :key)").param("key", key)
					.query(Boolean.class).single()) {
					continue;
				}
				importer.importSeed(read("planning/seeds/" + key + ".yaml"), read("planning/seeds/" + key + ".txt"));
				log.info("Seed plan {} loaded", key);
			}
		});
	}

	private static String read(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
