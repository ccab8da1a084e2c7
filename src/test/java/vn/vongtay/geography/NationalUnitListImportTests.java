package vn.vongtay.geography;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.geography.internal.UnitImports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Imports the national lists kept outside the repository in {@code ../shared/data/admin-units/} (the tree before
 * 1 July 2025, the tree after it, and the lineage) and checks the official counts.
 */
@IntegrationTest
class NationalUnitListImportTests {

	private static final Logger log = LoggerFactory.getLogger(NationalUnitListImportTests.class);
	static final Path NATIONAL_DATA = Path.of("..", "shared", "data", "admin-units");

	@Autowired
	UnitImports imports;

	@Autowired
	Units units;

	@Test
	void importsTheWholeCountryBeforeAndAfterTheReformWithItsLineage() {
		assumeTrue(Files.isDirectory(NATIONAL_DATA), "national unit files are not beside the repository");
		var result = imports.importReformFolder(NATIONAL_DATA);
		log.info("National import: {} units and {} successions in {} ms; {} lineage rows skipped", result.units(),
				result.successions(), result.took().toMillis(), result.skipped().size());
		// The published lineage names a handful of communes that changed between the 2024 list and the reform.
		assertThat(result.skipped()).hasSizeLessThan(25)
			.allSatisfy(p -> assertThat(p.messageKey()).startsWith("error.unit.unknown-"));
		LocalDate lastDayBefore = LocalDate.of(2025, 6, 30);
		LocalDate firstDayAfter = LocalDate.of(2025, 7, 1);
		assertThat(units.countValidOn(UnitLevel.PROVINCE, lastDayBefore)).isEqualTo(63);
		assertThat(units.countValidOn(UnitLevel.DISTRICT, lastDayBefore)).isEqualTo(696);
		assertThat(units.countValidOn(UnitLevel.COMMUNE, lastDayBefore)).isEqualTo(10_035);
		assertThat(units.countValidOn(UnitLevel.PROVINCE, firstDayAfter)).isEqualTo(34);
		assertThat(units.countValidOn(UnitLevel.DISTRICT, firstDayAfter)).isZero();
		assertThat(units.countValidOn(UnitLevel.COMMUNE, firstDayAfter)).isEqualTo(3_321);
		assertThat(units.successorsOf("87")).extracting(s -> s.unit().code() + ":" + s.kind())
			.containsExactly("82:FULL");
		var again = imports.importReformFolder(NATIONAL_DATA);
		assertThat(again.units()).isEqualTo(result.units());
		assertThat(units.countValidOn(UnitLevel.COMMUNE, lastDayBefore)).isEqualTo(10_035);
	}
}
