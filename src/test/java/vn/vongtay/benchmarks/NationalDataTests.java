package vn.vongtay.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.vongtay.IntegrationTest;
import vn.vongtay.casework.CaseGenerator;
import vn.vongtay.children.RegisterGenerator;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.directory.AgencyGenerator;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.internal.UnitImports;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.StaffGenerator;
import vn.vongtay.indicators.IndicatorRecount;
import vn.vongtay.outreach.ActivityGenerator;
import vn.vongtay.prostitution.PreventionGenerator;

/**
 * The first phase of the harness: the national data at the chosen scale, generated once into the database the harness
 * keeps (the template every measuring run copies), or found there from an earlier run with the same seed and scale.
 * The units of both trees and the lineage, officials and agencies of every commune and province, the children, the
 * cases over the years, prevention work and outreach, then the indicators' tallies recounted from them, each part
 * timed; the parts and their times are kept in {@code public.benchmark_dataset} for the results table.
 */
@Tag("benchmark")
@IntegrationTest
class NationalDataTests {

	private static final Logger log = LoggerFactory.getLogger(NationalDataTests.class);
	static final Path NATIONAL_UNITS = Path.of("..", "shared", "data", "admin-units");
	private static final int BATCH = 200;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitImports unitImports;

	@Autowired
	StaffGenerator staffGenerator;

	@Autowired
	AgencyGenerator agencyGenerator;

	@Autowired
	RegisterGenerator registerGenerator;

	@Autowired
	CaseGenerator caseGenerator;

	@Autowired
	PreventionGenerator preventionGenerator;

	@Autowired
	ActivityGenerator activityGenerator;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	IndicatorRecount recount;

	@Test
	void generatesTheNationalDataOnceForASeedAndScale() throws Exception {
		assumeTrue(Files.isDirectory(NATIONAL_UNITS), "national unit files are not beside the repository");
		NationalScale scale = NationalScale.fromSystemProperties();
		jdbc.sql("""
				CREATE TABLE IF NOT EXISTS public.benchmark_dataset (seed BIGINT, children INT, cases INT, years INT,
				  generator_version INT, as_of TIMESTAMP, generated_at TIMESTAMPTZ DEFAULT now(), parts TEXT)""").update();
		List<Map<String, Object>> kept = jdbc.sql("SELECT * FROM public.benchmark_dataset").query().listOfRows();
		if (!kept.isEmpty()) {
			Map<String, Object> row = kept.get(0);
			assertThat(List.of(row.get("seed"), row.get("children"), row.get("cases"), row.get("years"),
					row.get("generator_version")))
				.as("the kept database was generated with another seed or scale: delete its folder")
				.containsExactly(scale.seed(), scale.children(), scale.cases(), scale.years(),
						NationalScale.GENERATOR_VERSION);
			log.info("National data reused: {}", row);
			return;
		}
		LocalDateTime asOf = LocalDateTime.now(VietnamTime.ZONE).withSecond(0).withNano(0);
		Map<String, Long> parts = new LinkedHashMap<>();

		timed(parts, "units", () -> {
			unitImports.importReformFolder(NATIONAL_UNITS);
			return 0;
		});
		List<Long> communes = jdbc.sql("""
				SELECT id FROM geography.unit WHERE level = 'COMMUNE' AND valid_to IS NULL ORDER BY code""")
			.query(Long.class).list();
		List<Long> provinces = jdbc.sql("""
				SELECT id FROM geography.unit WHERE level = 'PROVINCE' AND valid_to IS NULL ORDER BY code""")
			.query(Long.class).list();

		String hash = passwordEncoder.encode(scale.password());
		Map<Long, StaffGenerator.CommuneStaff> staff = new HashMap<>();
		Map<Long, Map<AgencyKind, AgencyGenerator.Generated>> agencies = new HashMap<>();
		timed(parts, "officials and agencies", () -> {
			staffGenerator.provinces(provinces, hash);
			agencies.putAll(agencyGenerator.agenciesOf(provinces));
			for (List<Long> batch : batches(communes)) {
				staff.putAll(staffGenerator.communes(batch, hash));
				agencies.putAll(agencyGenerator.agenciesOf(batch));
			}
			return 0;
		});

		long existing = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		int perCommune = (int) Math.max(1, (scale.children() - existing) / communes.size());
		timed(parts, "children", () -> {
			for (List<Long> batch : batches(communes)) {
				registerGenerator.generate(new RegisterGenerator.Request(scale.seed(), perCommune, asOf.toLocalDate()), batch);
			}
			return 0;
		});

		CaseGenerator.Request cases = new CaseGenerator.Request(scale.seed(), (double) scale.cases() / communes.size(),
				scale.years(), asOf);
		timed(parts, "reports and cases", () -> {
			CaseGenerator.Generated total = new CaseGenerator.Generated(0, 0, 0, 0, 0);
			for (List<Long> batch : batches(communes)) {
				total = total.plus(caseGenerator.generate(cases, batch, staff, agencies));
			}
			log.info("Generated {}", total);
			return 0;
		});

		timed(parts, "prevention and outreach", () -> {
			Map<Long, List<Long>> teamAgencies = new HashMap<>();
			for (Long province : provinces) {
				Map<AgencyKind, AgencyGenerator.Generated> of = agencies.get(province);
				teamAgencies.put(province, List.of(of.get(AgencyKind.POLICE).id(), of.get(AgencyKind.HEALTH_DEPARTMENT).id(),
						of.get(AgencyKind.SERVICE_PROVIDER).id(), of.get(AgencyKind.WOMENS_UNION).id()));
			}
			Map<Long, Long> teams = preventionGenerator.teams(teamAgencies, asOf.toLocalDate().minusYears(scale.years()));
			Map<Long, Long> recordedBy = new HashMap<>();
			Map<Long, Long> answering = new HashMap<>();
			staff.forEach((commune, officials) -> recordedBy.put(commune, officials.officer().id()));
			agencies.forEach((unit, of) -> {
				if (of.containsKey(AgencyKind.HEALTH_FACILITY)) {
					answering.put(unit, of.get(AgencyKind.HEALTH_FACILITY).id());
				}
			});
			PreventionGenerator.Generated prevention = new PreventionGenerator.Generated(0, 0, 0, 0);
			ActivityGenerator.Generated outreach = new ActivityGenerator.Generated(0, 0, 0);
			for (List<Long> batch : batches(communes)) {
				prevention = prevention.plus(preventionGenerator.generate(
						new PreventionGenerator.Request(scale.seed(), scale.years(), asOf.toLocalDate()), batch, teams));
				outreach = outreach.plus(activityGenerator.generate(
						new ActivityGenerator.Request(scale.seed(), scale.years(), asOf.toLocalDate()), batch, recordedBy,
						answering));
			}
			log.info("Generated {} and {}", prevention, outreach);
			return 0;
		});

		// the generators write with COPY, which publishes no events: the indicators' tallies are recounted from the
		// records, as an administrator's recount does
		timed(parts, "indicator tallies recounted", () -> {
			long nation = jdbc.sql("SELECT id FROM geography.unit WHERE code = 'VN'").query(Long.class).single();
			long admin = jdbc.sql("SELECT min(id) FROM identity.app_user").query(Long.class).single();
			IndicatorRecount.Result recounted = BenchmarkUser.as(admin, nation, Role.SYSTEM_ADMIN, recount::run);
			log.info("National data: {} records, {} tally rows recounted", recounted.records(), recounted.tallyRows());
			return 0;
		});

		timed(parts, "vacuum and analyze", () -> {
			jdbc.sql("VACUUM (ANALYZE)").update();
			return 0;
		});
		StringBuilder described = new StringBuilder();
		parts.forEach((part, ms) -> described.append(described.isEmpty() ? "" : "; ").append(part).append(' ')
			.append(ms).append(" ms"));
		jdbc.sql("""
				INSERT INTO public.benchmark_dataset (seed, children, cases, years, generator_version, as_of, parts)
				VALUES (:seed, :children, :cases, :years, :version, :asOf, :parts)""")
			.param("seed", scale.seed()).param("children", scale.children()).param("cases", scale.cases())
			.param("years", scale.years()).param("version", NationalScale.GENERATOR_VERSION).param("asOf", asOf)
			.param("parts", described.toString())
			.update();
		log.info("National data generated: {}", described);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.child_case").query(Long.class).single())
			.isGreaterThanOrEqualTo(scale.cases() * 9L / 10);
	}

	private static void timed(Map<String, Long> parts, String part, Supplier<Integer> work) {
		long started = System.nanoTime();
		work.get();
		parts.put(part, (System.nanoTime() - started) / 1_000_000);
		log.info("National data: {} in {} ms", part, parts.get(part));
	}

	private static List<List<Long>> batches(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
		}
		return batches;
	}
}
