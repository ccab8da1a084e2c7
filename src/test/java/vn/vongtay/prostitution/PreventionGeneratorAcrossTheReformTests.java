package vn.vongtay.prostitution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.vongtay.IntegrationTest;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator of national prevention work writes every record in the unit that existed on its date (issue 18 §2):
 * five years of work in the wards of Bình Long, which Thành phố Đồng Nai continues since 01/07/2025 (lineage of the
 * demo localities, from vn-units-2025-merges-new-to-old.json), lies before the reform in the wards of Thị xã Bình Long
 * of Tỉnh Bình Phước, inspected by Bình Phước's team, and after it in the wards of 2025.
 */
@IntegrationTest
class PreventionGeneratorAcrossTheReformTests {

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	@Autowired
	PreventionGenerator generator;

	@Autowired
	Units units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void generatedWorkBelongsToTheUnitsOfItsDays() {
		LocalDate today = LocalDate.now(clock);
		AdministrativeUnit dongNai = units.byCode("75", today);
		List<Long> wards = units.childrenOf(dongNai.id(), today).stream().map(AdministrativeUnit::id).toList();
		long police = jdbc.sql("SELECT min(id) FROM directory.agency WHERE kind = 'POLICE' AND unit_id = :unit")
			.param("unit", dongNai.id()).query(Long.class).single();
		Map<Long, Long> teams = generator.teams(Map.of(dongNai.id(), List.of(police)), LocalDate.of(2021, 1, 4));
		long binhPhuoc = units.byCode("70", BEFORE_REFORM).id();
		assertThat(teams).containsKeys(dongNai.id(), binhPhuoc);

		// a fixed day, so the same seed always draws the same work: five years, four of them before the reform
		PreventionGenerator.Generated generated = generator.generate(
				new PreventionGenerator.Request(18, 5, LocalDate.of(2026, 6, 30)), wards, teams);
		assertThat(generated.inspections()).isPositive();

		String generatedHere = " AND (u.id IN (:wards) OR u.id IN (SELECT s.predecessor_id FROM geography.succession s"
				+ " WHERE s.successor_id IN (:wards)))\n";
		List<String> wrong = jdbc.sql("""
				SELECT 'inspection ' || i.id FROM prostitution.inspection i JOIN geography.unit u ON u.id = i.unit_id
				WHERE NOT daterange(u.valid_from, u.valid_to, '[]') @> i.inspected_on""" + generatedHere + """
				UNION ALL
				SELECT 'tip-off ' || t.id FROM prostitution.tip_off t JOIN geography.unit u ON u.id = t.unit_id
				WHERE NOT daterange(u.valid_from, u.valid_to, '[]')
				          @> CAST(t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)""" + generatedHere + """
				UNION ALL
				SELECT 'establishment ' || e.id FROM prostitution.establishment e JOIN geography.unit u ON u.id = e.unit_id
				WHERE NOT daterange(u.valid_from, u.valid_to, '[]')
				          @> CAST(e.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)""" + generatedHere)
			.param("wards", wards).query(String.class).list();
		assertThat(wrong).isEmpty();

		Long beforeByBinhPhuoc = jdbc.sql("""
				SELECT count(*) FROM prostitution.inspection i JOIN geography.unit u ON u.id = i.unit_id
				WHERE i.inspected_on <= :before AND u.province_code = '70'
				  AND i.team_id = :team""")
			.param("before", BEFORE_REFORM).param("team", teams.get(binhPhuoc)).query(Long.class).single();
		List<String> seen = jdbc.sql("""
				SELECT u.full_name || ' ' || u.province_code || ' team ' || i.team_id || ' ' || i.inspected_on
				FROM prostitution.inspection i JOIN geography.unit u ON u.id = i.unit_id
				WHERE u.id IN (:wards) OR u.id IN (SELECT s.predecessor_id FROM geography.succession s
				                                    WHERE s.successor_id IN (:wards)) ORDER BY i.inspected_on""")
			.param("wards", wards).query(String.class).list();
		assertThat(beforeByBinhPhuoc).as("inspections of Bình Long before the reform, by Bình Phước's team "
				+ teams.get(binhPhuoc) + ": " + seen).isPositive();
	}
}
