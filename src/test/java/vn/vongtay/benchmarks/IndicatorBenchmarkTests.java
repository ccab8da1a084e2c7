package vn.vongtay.benchmarks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.vongtay.IntegrationTest;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.Children;
import vn.vongtay.children.RegisterGenerator;
import vn.vongtay.children.Sex;
import vn.vongtay.geography.internal.UnitImports;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorRecount;
import vn.vongtay.indicators.IndicatorValues;

/**
 * Indicator dashboards at national scale against the plain GROUP BY query they replace, measured in the same run, and
 * the time from an event to a fresh figure. Not part of {@code mvn test}; run with
 * {@code mvn test -Pbenchmark -Dtest=IndicatorBenchmarkTests -Dvongtay.benchmark.children=1000000}. Results go to the
 * log and to {@code target/benchmarks/indicators.md}; {@code docs/benchmarks.md} records them.
 *
 * <p>The dashboard is {@link IndicatorValues#dashboard}, what the page calls: the value, its breakdowns by sex, age
 * group and ethnic group, the table of subdivisions, the last 8 years and the plan targets. The baseline is one plain
 * query over the register for the dashboard's table alone: children under 16 on the day, per subdivision, through
 * {@code geography.unit_reach} (by the child's current unit, which is cheaper than following residences as the
 * tallies do), so the ratio understates what the tallies save.
 */
@Tag("benchmark")
@IntegrationTest
class IndicatorBenchmarkTests {

	private static final Logger log = LoggerFactory.getLogger(IndicatorBenchmarkTests.class);
	private static final Path NATIONAL_DATA = Path.of("..", "shared", "data", "admin-units");
	private static final String INDICATOR = "CHILDREN_UNDER_16";
	private static final int RUNS = 40;
	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Mai", "Nam",
			"Phúc", "Quỳnh" };

	@Autowired
	UnitImports unitImports;

	@Autowired
	RegisterGenerator generator;

	@Autowired
	IndicatorValues values;

	@Autowired
	IndicatorRecount recount;

	@Autowired
	Children children;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dashboardsAtNationalScaleAgainstThePlainQueryAndTheTimeFromAnEventToAFreshFigure() throws IOException {
		assumeTrue(Files.isDirectory(NATIONAL_DATA), "national unit files are not beside the repository");
		int scale = Integer.getInteger("vongtay.benchmark.children", 1_000_000);
		List<String> report = new ArrayList<>();
		report.add("| figure | data | runs | median | p95 | baseline median | baseline p95 | ratio (baseline / dashboard, median) |");
		report.add("| --- | --- | --- | --- | --- | --- | --- | --- |");

		long t0 = System.nanoTime();
		unitImports.importReformFolder(NATIONAL_DATA);
		List<Long> communes = jdbc.sql("SELECT id FROM geography.unit WHERE level = 'COMMUNE' AND valid_to IS NULL ORDER BY code")
			.query(Long.class).list();
		long existing = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		int perCommune = (int) Math.max(1, (scale - existing) / communes.size());
		for (int from = 0; from < communes.size(); from += 200) {
			generator.generate(new RegisterGenerator.Request(7, perCommune, LocalDate.now()),
					communes.subList(from, Math.min(communes.size(), from + 200)));
		}
		jdbc.sql("ANALYZE").update();
		long total = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		long cases = 0;
		log.info("Benchmark data: {} children in {} s", total, (System.nanoTime() - t0) / 1_000_000_000);

		long nation = jdbc.sql("SELECT id FROM geography.unit WHERE code = 'VN'").query(Long.class).single();
		signIn(nation, Role.SYSTEM_ADMIN);
		IndicatorRecount.Result recounted = recount.run();
		log.info("Recount: {} records, {} tally rows in {} ms", recounted.records(), recounted.tallyRows(),
				recounted.tookMillis());
		jdbc.sql("ANALYZE").update();

		long province = jdbc.sql("SELECT id FROM geography.unit WHERE code = '11' AND valid_to IS NULL").query(Long.class).single();
		long commune = jdbc.sql("SELECT id FROM geography.unit WHERE code = '03253' AND valid_to IS NULL").query(Long.class).single();
		IndicatorPeriod year = IndicatorPeriod.year(LocalDate.now().getYear());
		LocalDate asOf = values.value(INDICATOR, nation, year).asOf();
		String data = String.format("%,d children", total).replace(',', '.');
		for (Object[] scope : new Object[][] { { "national", nation, Role.SYSTEM_ADMIN }, { "province (Điện Biên)", province,
				Role.PROVINCE_OFFICER }, { "commune (Xã Tuần Giáo)", commune, Role.COMMUNE_OFFICER } }) {
			long unit = (Long) scope[1];
			signIn(unit, (Role) scope[2]);
			List<Long> subdivisions = jdbc.sql("""
					SELECT id FROM geography.unit WHERE parent_id = :u
					  AND daterange(valid_from, valid_to, '[]') @> CAST(:d AS date)""")
				.param("u", unit).param("d", asOf).query(Long.class).list();
			List<Long> roots = subdivisions.isEmpty() ? List.of(unit) : subdivisions;
			List<Long> dashboard = new ArrayList<>();
			List<Long> plain = new ArrayList<>();
			for (int run = 0; run < RUNS + 5; run++) {
				long a = System.nanoTime();
				values.dashboard(INDICATOR, unit, year);
				long b = System.nanoTime();
				jdbc.sql("""
						SELECT r.root_id, count(*) FROM children.child c JOIN geography.unit_reach r ON r.unit_id = c.unit_id
						WHERE r.root_id IN (:roots) AND c.birth_date <= :d AND c.birth_date > CAST(:d AS date) - interval '16 years'
						GROUP BY r.root_id""")
					.param("roots", roots).param("d", asOf).query().listOfRows();
				long c = System.nanoTime();
				if (run >= 5) {
					dashboard.add(b - a);
					plain.add(c - b);
				}
			}
			report.add(row(scope[0] + " dashboard (" + INDICATOR + ")", data + ", " + subdivisions.size() + " subdivisions",
					dashboard, plain));
			log.info("{}", report.get(report.size() - 1));
		}

		// -- from an event to a fresh figure: a child registered in Xã Tuần Giáo, the province's figure polled
		signIn(commune, Role.COMMUNE_OFFICER);
		List<Long> fresh = new ArrayList<>();
		for (int run = 0; run < 12; run++) {
			signIn(province, Role.PROVINCE_OFFICER);
			long before = values.value(INDICATOR, province, year).value().longValue();
			signIn(commune, Role.COMMUNE_OFFICER);
			long a = System.nanoTime();
			children.register(new ChildDraft("Lò Văn " + GIVEN[run], Sex.MALE, LocalDate.of(2018, 1, 1 + run), false,
					"03", null, true, "03253", "Bản Đo", null, null, null, false, null, null, null, null, null, null, null));
			signIn(province, Role.PROVINCE_OFFICER);
			while (values.value(INDICATOR, province, year).value().longValue() != before + 1) {
				if (System.nanoTime() - a > 60_000_000_000L) {
					throw new AssertionError("no fresh figure within a minute");
				}
				sleep(5);
			}
			if (run >= 2) {
				fresh.add(System.nanoTime() - a);
			}
		}
		report.add("| from a registered child to the province's fresh figure | " + data + " | " + fresh.size() + " | "
				+ ms(percentile(fresh, 50)) + " | " + ms(percentile(fresh, 95)) + " | — | — | — |");
		report.add("");
		report.add("Recount of every source: " + recounted.records() + " records, " + recounted.tallyRows()
				+ " tally rows, " + ms(recounted.tookMillis() * 1_000_000) + ". Cases: " + cases + " (casework not merged).");
		String table = String.join("\n", report);
		log.info("Benchmark results\n{}", table);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "indicators.md"), table + "\n");
		SecurityContextHolder.clearContext();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static void signIn(long root, Role role) {
		SignedInUser user = new SignedInUser(1, "benchmark", "Benchmark", Set.of(role), Set.of(root), null, true, null,
				null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private static String row(String figure, String data, List<Long> measured, List<Long> baseline) {
		return "| %s | %s | %d | %s | %s | %s | %s | %.1f× |".formatted(figure, data, measured.size(),
				ms(percentile(measured, 50)), ms(percentile(measured, 95)), ms(percentile(baseline, 50)),
				ms(percentile(baseline, 95)), (double) percentile(baseline, 50) / percentile(measured, 50));
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	private static String ms(long nanos) {
		return nanos >= 1_000_000_000L ? "%.2f s".formatted(nanos / 1e9) : "%.2f ms".formatted(nanos / 1e6);
	}
}
