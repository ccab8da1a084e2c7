package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.Period;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.geography.AdministrativeUnit;

/**
 * The obligations of the five seed plans, made from scratch, are exactly those their texts state: who reports (a
 * unit's committee, {@code UBND <code>}, or an agency, {@code <kind>@<unit code>}), to whom ({@code HĐND <code>} for
 * "Hội đồng nhân dân cùng cấp", {@code →<kind>@<unit code>} for the agency that carries a replaced one's duties now:
 * the labour offices' child affairs went to health on 01/03/2025 and to today's provincial health department on
 * 01/07/2025), for which period, by when ({@code *} when the text gives no date and the date is assumed), with which
 * annexes; and no others. Districts ended on 30/06/2025, so the plans' annual reports stop with 2024. Each table cites
 * its seed's section.
 */
@IntegrationTest
@Transactional
class SeedObligationTests extends DemoAccountTestSupport {

	/** reporting/annexes.yaml: the child annexes with their breakdowns, and for a plan with targets its targets first. */
	private static final String CHILD_ANNEXES = "CHILDREN,CHILDREN_BREAKDOWN,SPECIAL,SPECIAL_BY_GROUP,ABUSE,ABUSE_BREAKDOWN";
	private static final String PLAN_ANNEXES = "TARGETS," + CHILD_ANNEXES;

	@Autowired
	Obligations obligations;

	@Autowired
	ObligationSources sources;

	@Autowired
	Agencies agencies;

	private Map<Long, Agency> directory;

	@BeforeEach
	void fromScratch() {
		// rolled back after each test: the plans' obligations, their reports and reminders, made again now
		jdbc.sql("DELETE FROM reporting.report WHERE obligation_id IN (SELECT id FROM reporting.obligation WHERE plan_id IS NOT NULL)").update();
		jdbc.sql("DELETE FROM reporting.reminder WHERE obligation_id IN (SELECT id FROM reporting.obligation WHERE plan_id IS NOT NULL)").update();
		jdbc.sql("DELETE FROM reporting.obligation WHERE plan_id IS NOT NULL").update();
		sources.generate();
	}

	/** Seed 000 (Hồng Ngự), VI and V.1; V.7's "báo cáo định kỳ, đột xuất" gives no period and makes none. */
	@Test
	void hongNguOwesWhatSectionsSixAndFiveOneState() {
		Table expected = new Table();
		for (int y = 2021; y <= 2024; y++) {
			String year = String.valueOf(y);
			for (String office : List.of("EDUCATION@870", "CULTURE@870", "HEALTH_DEPARTMENT@870→HEALTH_DEPARTMENT@82",
					"HEALTH_FACILITY@870", "POLICE@870")) {
				expected.row(office, "SOCIAL_AFFAIRS@870→HEALTH_DEPARTMENT@82", year, "15/12/" + y + "*", PLAN_ANNEXES);
			}
			expected.communes("870", "SOCIAL_AFFAIRS@870→HEALTH_DEPARTMENT@82", year, "15/12/" + y + "*", PLAN_ANNEXES);
			expected.row("SOCIAL_AFFAIRS@870→HEALTH_DEPARTMENT@82", "UBND 870", year, "15/12/" + y + "*", PLAN_ANNEXES);
			expected.row("SOCIAL_AFFAIRS@870→HEALTH_DEPARTMENT@82", "SOCIAL_AFFAIRS@87→HEALTH_DEPARTMENT@82", year,
					"15/12/" + y + "*", PLAN_ANNEXES);
		}
		// the final report of 2021-2025 falls after the district ended on 30/06/2025: nobody owes it, not even the
		// province's health department that carries the district offices' child affairs today
		assertThat(actual("hong-ngu-2021")).containsExactlyInAnyOrderElementsOf(expected.rows);
	}

	/** Seed 001 (KH 715/KH-UBND Cao Bằng), VI.1 and VI.2; V.11.b's monthly lists name no recipient. */
	@Test
	void caoBangOwesWhatSectionSixStates() {
		Table expected = new Table();
		String annexes = CHILD_ANNEXES + ",SECTORS";
		for (String[] report : new String[][] { { "2022-H1", "25/05/2022" }, { "2022", "20/11/2022" } }) {
			for (String department : List.of("FINANCE@04", "JUSTICE@04", "HEALTH_DEPARTMENT@04→HEALTH_DEPARTMENT@04",
					"EDUCATION@04", "CULTURE@04", "POLICE@04", "INFORMATION@04")) {
				expected.row(department, "SOCIAL_AFFAIRS@04→HEALTH_DEPARTMENT@04", report[0], report[1], annexes);
			}
			expected.childrenOf("04", "SOCIAL_AFFAIRS@04→HEALTH_DEPARTMENT@04", report[0], report[1], annexes);
		}
		expected.row("SOCIAL_AFFAIRS@04→HEALTH_DEPARTMENT@04", "UBND 04", "2022", "30/11/2022", "");
		List<String> actual = actual("cao-bang-2022");
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected.rows);
		assertThat(actual).hasSize(2 * (7 + 10) + 1);
		// the department's summary is no longer "UBND tỉnh Cao Bằng → UBND tỉnh Cao Bằng"
		assertThat(names("cao-bang-2022", "SUMMARY")).containsExactly(
				"Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng (nay là Sở Y tế tỉnh Cao Bằng) → Ủy ban nhân dân tỉnh Cao Bằng");
	}

	/**
	 * Seed 002 (Bình Long), E.9 (the town's offices), E.13 (the communes), the town's summary to the province; the
	 * closing "if difficulties arise" is no periodic report. One annual report per commune a year, not two.
	 */
	@Test
	void binhLongOwesWhatSectionsENineAndEThirteenStateOncePerCommune() {
		Table expected = new Table();
		for (int y = 2022; y <= 2024; y++) {
			String year = String.valueOf(y);
			for (String office : List.of("HEALTH_FACILITY@690", "EDUCATION@690", "CULTURE@690", "JUSTICE@690",
					"POLICE@690", "FINANCE@690", "OTHER@690")) {
				expected.row(office, "SOCIAL_AFFAIRS@690→HEALTH_DEPARTMENT@75", year, "15/12/" + y + "*", PLAN_ANNEXES);
			}
			expected.communes("690", "SOCIAL_AFFAIRS@690→HEALTH_DEPARTMENT@75", year, "15/12/" + y + "*", PLAN_ANNEXES);
			expected.row("UBND 690", "UBND 70", year, "15/12/" + y + "*", "");
		}
		assertThat(actual("binh-long-2022")).containsExactlyInAnyOrderElementsOf(expected.rows);
	}

	/**
	 * Seed 003 (Tuần Giáo): III (the one evaluation due 15/7/2021), II.12.5 and II.12.3 (each commune to the labour
	 * office and to its own council, every year), II.7 (the ethnic affairs office to the culture office); the closing
	 * "Nếu có khó khăn, vướng mắc, kịp thời phản ánh" is no periodic report.
	 */
	@Test
	void tuanGiaoOwesWhatSectionsThreeAndTwelveStateAndNothingForDifficulties() {
		Table expected = new Table();
		for (String office : List.of("EDUCATION@099", "CULTURE@099", "MEDIA@099", "HEALTH_DEPARTMENT@099→HEALTH_DEPARTMENT@11",
				"HEALTH_FACILITY@099", "JUSTICE@099", "POLICE@099", "ETHNIC_AFFAIRS@099", "FATHERLAND_FRONT@099",
				"WOMENS_UNION@099", "YOUTH_UNION@099")) {
			expected.row(office, "SOCIAL_AFFAIRS@099", "2020-2021", "15/07/2021", "");
		}
		expected.communes("099", "SOCIAL_AFFAIRS@099", "2020-2021", "15/07/2021", "");
		for (int y = 2020; y <= 2024; y++) {
			String year = String.valueOf(y);
			expected.communes("099", "SOCIAL_AFFAIRS@099", year, "15/12/" + y + "*", CHILD_ANNEXES);
			expected.communes("099", "HĐND", year, "15/12/" + y + "*", CHILD_ANNEXES);
			expected.row("ETHNIC_AFFAIRS@099", "CULTURE@099", year, "15/12/" + y + "*", CHILD_ANNEXES);
		}
		assertThat(actual("tuan-giao-2020")).containsExactlyInAnyOrderElementsOf(expected.rows);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM reporting.obligation o JOIN planning.plan p ON p.id = o.plan_id
				WHERE p.key = 'tuan-giao-2020' AND o.due_on = DATE '2020-12-31'""").query(Long.class).single())
			.as("the difficulties clause made 19 overdue reports due 31/12/2020").isZero();
		assertThat(names("tuan-giao-2020", "ANNUAL")).contains(
				"Ủy ban nhân dân xã Quài Nưa → Hội đồng nhân dân xã Quài Nưa")
			.noneMatch(n -> n.contains("cùng cấp"));
	}

	/** Seed 004 (Thọ Xuân), IV.1 (the four district offices and the communes) and IV.4 (the labour office's summary). */
	@Test
	void thoXuanOwesWhatSectionFourStatesFromFourOfficesAndTheCommunes() {
		Table expected = new Table();
		for (String[] report : new String[][] { { "2024-H1", "10/06/2024" }, { "2024", "10/12/2024" } }) {
			for (String office : List.of("CULTURE@395", "HEALTH_DEPARTMENT@395→HEALTH_DEPARTMENT@38", "EDUCATION@395",
					"POLICE@395")) {
				expected.row(office, "SOCIAL_AFFAIRS@395→HEALTH_DEPARTMENT@38", report[0], report[1],
						"TARGETS,PREVENTION");
			}
			expected.communes("395", "SOCIAL_AFFAIRS@395→HEALTH_DEPARTMENT@38", report[0], report[1],
					"TARGETS,PREVENTION");
		}
		expected.row("SOCIAL_AFFAIRS@395→HEALTH_DEPARTMENT@38", "UBND 38", "2024", "15/12/2024*", "");
		expected.row("SOCIAL_AFFAIRS@395→HEALTH_DEPARTMENT@38", "SOCIAL_AFFAIRS@38→HEALTH_DEPARTMENT@38", "2024",
				"15/12/2024*", "");
		assertThat(actual("tho-xuan-2024")).containsExactlyInAnyOrderElementsOf(expected.rows);
	}

	/** An assumed due date says by which rule it was assumed; a stated one says nothing. */
	@Test
	void anAssumedDueDateCarriesTheRuleThatProducedIt() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT o.due_assumed, o.due_rule FROM reporting.obligation o JOIN planning.plan p ON p.id = o.plan_id
				WHERE p.key IN ('tho-xuan-2024', 'binh-long-2022')""").query().listOfRows();
		assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.get("due_assumed"))).isNotEmpty()
			.allSatisfy(r -> assertThat((String) r.get("due_rule")).contains("không nêu hạn", "15/12"));
		assertThat(rows).filteredOn(r -> Boolean.FALSE.equals(r.get("due_assumed")))
			.allSatisfy(r -> assertThat(r.get("due_rule")).isNull());
	}

	/** Making them again changes nothing: one obligation per body, receiving body and period. */
	@Test
	void makingThemAgainAddsNothing() {
		long before = jdbc.sql("SELECT count(*) FROM reporting.obligation").query(Long.class).single();
		assertThat(sources.generate()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM reporting.obligation").query(Long.class).single()).isEqualTo(before);
	}

	// --- the table ---

	private final class Table {

		final List<String> rows = new ArrayList<>();

		void row(String reporter, String recipient, String period, String due, String annexes) {
			rows.add(String.join(" | ", reporter, recipient, period, due, annexes));
		}

		/** Each commune's committee under the unit with the code, on the period's last day. */
		void communes(String unitCode, String recipient, String period, String due, String annexes) {
			for (AdministrativeUnit commune : below(unitCode, period)) {
				row("UBND " + commune.code(), recipient.equals("HĐND") ? "HĐND " + commune.code() : recipient, period, due,
						annexes);
			}
		}

		/** Each district's committee under the province. */
		void childrenOf(String unitCode, String recipient, String period, String due, String annexes) {
			communes(unitCode, recipient, period, due, annexes);
		}

		private List<AdministrativeUnit> below(String unitCode, String period) {
			LocalDate end = end(period);
			List<AdministrativeUnit> found = units.childrenOf(units.byCode(unitCode, end).id(), end);
			assertThat(found).as("units under " + unitCode + " on " + end).isNotEmpty();
			return found;
		}
	}

	private static LocalDate end(String period) {
		return period.matches("\\d{4}-\\d{4}") ? LocalDate.of(Integer.parseInt(period.substring(5)), 12, 31)
				: Period.parse(period).end();
	}

	/** The plan's obligations in the table's terms. */
	private List<String> actual(String planKey) {
		List<Obligation> found = planObligations(planKey);
		List<String> rows = new ArrayList<>();
		for (Obligation o : found) {
			rows.add(String.join(" | ", reporter(o), recipient(o), o.period(),
					o.dueOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + (o.dueAssumed() ? "*" : ""),
					String.join(",", o.annexes())));
		}
		return rows;
	}

	private List<String> names(String planKey, String kind) {
		return planObligations(planKey).stream().filter(o -> o.kind().name().equals(kind))
			.map(o -> o.reporterName() + " → " + o.recipientName()).distinct().toList();
	}

	private List<Obligation> planObligations(String planKey) {
		long planId = jdbc.sql("SELECT id FROM planning.plan WHERE key = :key").param("key", planKey)
			.query(Long.class).single();
		return as("admin", () -> obligations.ofUnit(null, 0, 100_000)).stream()
			.filter(o -> Long.valueOf(planId).equals(o.planId())).toList();
	}

	private String reporter(Obligation o) {
		return o.reporterAgencyId() == null ? "UBND " + o.reporterUnitCode()
				: agencyAtUnit(o.reporterAgencyId()) + acting(o.reporterAgencyId(), o.reporterActingAgencyId());
	}

	private String acting(long named, long acting) {
		return named == acting ? "" : "→" + agencyAtUnit(acting);
	}

	private String recipient(Obligation o) {
		return switch (o.recipientKind()) {
			case COUNCIL -> "HĐND " + o.recipientUnitCode();
			case COMMITTEE -> "UBND " + o.recipientUnitCode();
			case MINISTRY -> "Bộ";
			case AGENCY -> agencyAtUnit(o.recipientAgencyId()) + acting(o.recipientAgencyId(), o.recipientActingAgencyId());
		};
	}

	private String agencyAtUnit(long id) {
		Agency agency = agency(id);
		return agency.kind() + "@" + agency.unitCode();
	}

	private Agency agency(long id) {
		if (directory == null) {
			directory = new HashMap<>();
			for (Agency a : as("admin", () -> agencies.list(null, null, 0, 100_000))) {
				directory.put(a.id(), a);
			}
		}
		return directory.get(id);
	}
}
