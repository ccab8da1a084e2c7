package vn.vongtay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.vongtay.identity.SignedInUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README says the demo holds, counted in the running demo (issue 18 §5: the README promised 45 communes in Tỉnh
 * Điện Biên and a referral accepted by the commune police). Each claim is read from the README itself, so the README and
 * the demo cannot drift apart: change one, and this test says what the other must become.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMatchesTheReadmeTests {

	private static final Map<String, Integer> WORDS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5,
			"six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	String readme;

	/** The README with every run of white space made one space, so a claim broken across lines is still found. */
	String prose;

	@BeforeAll
	void readTheReadme() throws IOException {
		readme = Files.readString(Path.of("README.md"));
		prose = readme.replaceAll("\\s+", " ");
	}

	@Test
	void everyDemoAccountOfTheTableSignsInWithItsRoleAndJurisdiction() {
		String table = readme.substring(readme.indexOf("## Demo accounts"));
		table = table.substring(0, table.indexOf("\n## ", 1));
		Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.]+)` \\| ([^|]+?) \\| ([^|]+?) \\|").matcher(table);
		int rows = 0;
		while (row.find()) {
			rows++;
			SignedInUser user = (SignedInUser) users.loadUserByUsername(row.group(1));
			String role = row.group(2).equals("system administrator") ? "SYSTEM_ADMIN"
					: row.group(2).toUpperCase(Locale.ROOT).replace(' ', '_');
			assertThat(user.roles()).as(row.group(1)).extracting(Enum::name).containsExactly(role);
			String unitName = jdbc.sql("SELECT full_name FROM geography.unit WHERE id IN (:ids)")
				.param("ids", user.jurisdiction().rootUnitIds()).query(String.class).single();
			String claimed = row.group(3).replaceAll("`", "");
			if (user.agencyId() != null) {
				String agency = jdbc.sql("SELECT name FROM directory.agency WHERE id = :id").param("id", user.agencyId())
					.query(String.class).single();
				assertThat(claimed).as(row.group(1)).startsWith(agency.replace("Lao động - Thương binh và Xã hội", "LĐTBXH"));
			}
			else if (!claimed.equals("the whole country")) {
				assertThat(claimed).as(row.group(1)).startsWith(unitName.replace("Thanh Hoá", "Thanh Hóa"));
			}
		}
		assertThat(rows).as("rows of the demo accounts table").isEqualTo(14);
	}

	@Test
	void theProvinceOfDienBienHasTheCommunesTheReadmeCounts() throws IOException {
		int claimed = Integer.parseInt(find("`tinh.dienbien` \\|[^\\n]*?its (\\d+) communes"));
		// the demo's communes: other tests import the whole country's list, which gives the province all of its own
		List<String> demo = demoCommunes();
		assertThat(communesOf("11", LocalDate.now(clock)).stream().filter(demo::contains)).hasSize(claimed);
	}

	@Test
	void theCommunesOfTuanGiaoAndQuaiToContinueTheFormerCommunesTheReadmeNames() {
		Matcher xaA = matcher("`xa.a` \\|[^\\n]*?the (\\w+) former communes merged into it \\(([^)]+)\\)");
		List<String> named = Arrays.stream(xaA.group(2).split(", ")).toList();
		assertThat(named).hasSize(WORDS.get(xaA.group(1)));
		assertThat(predecessorsOf("03253")).containsExactlyInAnyOrderElementsOf(named);
		List<String> xaB = Arrays.stream(find("`xa.b` \\|[^\\n]*?the former communes ([^;|]+?);").split(", ")).toList();
		assertThat(predecessorsOf("03295")).containsExactlyInAnyOrderElementsOf(xaB);
	}

	@Test
	void theFormerDistrictOfHongNguHasTheCommunesTheReadmeCounts() {
		int claimed = WORDS.get(find("`huyen.hongngu` \\|[^\\n]*?the former district's (\\w+) communes"));
		assertThat(communesOf("870", LocalDate.of(2025, 6, 30))).hasSize(claimed);
	}

	@Test
	void theRegisterHoldsTheChildrenTheReadmeCountsInEveryDemoCommune() throws IOException {
		int claimed = Integer.parseInt(find("generates (\\d+) invented children per demo commune"));
		List<String> demoCommunes = demoCommunes();
		assertThat(demoCommunes).hasSizeGreaterThan(50);
		List<String> fewer = jdbc.sql("""
				SELECT u.code FROM geography.unit u
				WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL AND u.code IN (:codes)
				  AND (SELECT count(DISTINCT r.child_id) FROM children.residence r
				       WHERE r.unit_id = u.id AND r.reason = 'REGISTERED') < :claimed""")
			.param("codes", demoCommunes).param("claimed", claimed).query(String.class).list();
		assertThat(fewer).as("demo communes where fewer children were registered than the README says").isEmpty();
	}

	@Test
	void theCasesOfTheDemoAreThoseTheReadmeDescribes() {
		find("one being implemented with a referral the commune police accepted");
		assertThat(count("""
				SELECT count(*) FROM casework.referral r JOIN casework.child_case c ON c.id = r.case_id
				JOIN directory.agency a ON a.id = r.agency_id
				WHERE a.name = 'Công an xã Tuần Giáo' AND r.status = 'ACCEPTED' AND c.stage = 'IN_PROGRESS'"""))
			.isGreaterThanOrEqualTo(1);
		// other tests add cases of their own: the demo's are among them
		assertThat(casesIn("03253", "CLOSED")).isGreaterThanOrEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.code = '03253' AND c.stage NOT IN ('CLOSED', 'IN_PROGRESS') AND c.plan_due_at < now()
				  AND c.plan_approved_at IS NULL""")).as("overdue").isGreaterThanOrEqualTo(1);
		find("and one in Xã Quài Tở");
		assertThat(casesIn("03295", null)).isGreaterThanOrEqualTo(1);
	}

	@Test
	void theReportingDeadlinesOfTheTwoPlansAreThoseTheReadmeLists() {
		for (String dates : List.of(find("those of the Cao Bằng plan \\(([^)]+)\\)"), find("of the Thọ Xuân plan \\(([^)]+)\\)"))) {
			for (String date : dates.split(", ")) {
				String[] dmy = date.split("/");
				LocalDate due = LocalDate.of(Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
				assertThat(count("SELECT count(*) FROM reporting.obligation WHERE source LIKE 'PLAN:%' AND due_on = '"
						+ due + "'")).as(date).isPositive();
			}
		}
	}

	/** The codes of the communes of a unit valid on a day. */
	private List<String> communesOf(String code, LocalDate on) {
		return jdbc.sql("""
				WITH RECURSIVE below(id) AS (
				  SELECT id FROM geography.unit WHERE code = :code AND daterange(valid_from, valid_to, '[]') @> CAST(:on AS date)
				  UNION ALL SELECT u.id FROM geography.unit u JOIN below b ON u.parent_id = b.id)
				SELECT u.code FROM geography.unit u JOIN below b ON b.id = u.id WHERE u.level = 'COMMUNE'""")
			.param("code", code).param("on", on).query(String.class).list();
	}

	/** The communes of today in the demo unit file; other tests import more, and move children between communes. */
	private static List<String> demoCommunes() throws IOException {
		return Pattern.compile("\"Code\":\\s*\"(\\d{5})\"")
			.matcher(Files.readString(Path.of("src/main/resources/geography/demo/units-from-2025-07-01.json")))
			.results().map(m -> m.group(1)).toList();
	}

	/** The short names of the former communes a commune of today fully continues. */
	private List<String> predecessorsOf(String code) {
		return jdbc.sql("""
				SELECT CASE WHEN p.full_name LIKE 'Thị trấn%' THEN p.full_name ELSE p.name END
				FROM geography.succession s JOIN geography.unit n ON n.id = s.successor_id
				JOIN geography.unit p ON p.id = s.predecessor_id
				WHERE n.code = :code AND n.valid_to IS NULL AND s.kind = 'FULL'""")
			.param("code", code).query(String.class).list();
	}

	private long casesIn(String code, String stage) {
		return jdbc.sql("""
				SELECT count(*) FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.code = :code AND (CAST(:stage AS text) IS NULL OR c.stage = :stage)""")
			.param("code", code).param("stage", stage).query(Long.class).single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private Matcher matcher(String regex) {
		Matcher m = Pattern.compile(regex).matcher(prose);
		assertThat(m.find()).as("the README says: " + regex).isTrue();
		return m;
	}

	private String find(String regex) {
		Matcher m = matcher(regex.contains("(") && !regex.contains("(?") ? regex : "(" + regex + ")");
		return m.group(1);
	}
}
