package vn.vongtay.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads the demo localities (before and after 2025, with their lineage) once, in the demo profile. */
@Component
@Order(10)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoUnits implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);

	private final UnitImports imports;
	private final JdbcClient jdbc;

	DemoUnits(UnitImports imports, JdbcClient jdbc) {
		this.imports = imports;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM geography.succession)").query(Boolean.class).single();
		if (loaded) {
			return;
		}
		var result = imports.importReform(read("units-before-2025-07-01.json"), read("units-from-2025-07-01.json"),
				read("lineage-2025.json"), "demo");
		log.info("Demo units loaded: {} units, {} successions in {} ms", result.units(), result.successions(),
				result.took().toMillis());
	}

	private static byte[] read(String name) {
		try (InputStream in = new ClassPathResource("geography/demo/" + name).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
