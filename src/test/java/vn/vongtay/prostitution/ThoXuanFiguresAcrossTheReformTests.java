package vn.vongtay.prostitution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.prostitution.ProstitutionFigures.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prostitution-prevention figures of Thọ Xuân across the 2025 reform, on the demo work. Seed 004 (KH Thọ Xuân 2024,
 * II.5) asks the district to inspect at least 25 % of its prone establishments in 2024: the 2024 figures of the district
 * and of Thanh Hóa count the establishments the district listed and the inspections its 178 team made, because a record
 * belongs to the unit that existed on its date (issue 18 §2; DOMAIN.md §9), and the communes formed on 01/07/2025 count
 * them too, summed over the communes they continue.
 */
@IntegrationTest
class ThoXuanFiguresAcrossTheReformTests extends ProstitutionTestSupport {

	@Autowired
	Clock clock;

	@Test
	void theDistrictOf2024CountsTheEstablishmentsItListedAndTheInspectionsItsTeamMade() {
		for (String unit : List.of("395", "38")) {
			Figures f = as("thanhtra.thoxuan", () -> figures.of(unit, 2024));
			assertThat(f.establishments()).as(unit).isEqualTo(6);
			assertThat(f.inspections()).as(unit).isEqualTo(2);
			assertThat(f.establishmentsInspected()).as(unit).isEqualTo(2);
			assertThat(f.shareInspected()).as(unit).isEqualTo(33.3);
			assertThat(f.tipOffsReceived()).as(unit).isEqualTo(2);
		}
	}

	@Test
	void aCommuneFormedIn2025CountsTheWorkOfTheCommunesItContinues() {
		// Xã Sao Vàng continues Thị trấn Sao Vàng, where the hotel was listed and inspected in 2024
		Figures f = as("thanhtra.thoxuan", () -> figures.of(units.byCode("15553", LocalDate.now(clock)).id(), 2024));
		assertThat(f.establishments()).isEqualTo(1);
		assertThat(f.inspections()).isEqualTo(1);
	}

	@Test
	void anInspectionTodayOfAnEstablishmentListedBeforeTheReformBelongsToTodaysCommune() {
		long restaurant = jdbc.sql("SELECT id FROM prostitution.establishment WHERE name LIKE 'Nhà hàng Sông Chu%'")
			.query(Long.class).single();
		long team = jdbc.sql("SELECT id FROM prostitution.inspection_team WHERE decision_number = '3120/QĐ-UBND'")
			.query(Long.class).single();
		LocalDate today = LocalDate.now(clock);
		long id = as("thanhtra.thoxuan", () -> inspections.record(
				new InspectionDraft(restaurant, team, today, "Không phát hiện vi phạm", List.of(), List.of())));
		Inspection inspection = as("thanhtra.thoxuan", () -> inspections.get(id));
		// listed in Xã Nam Giang in 2024; Xã Thọ Long continues it since 01/07/2025
		assertThat(inspection.unitName()).isEqualTo("Xã Thọ Long");
		assertThat(as("thanhtra.thoxuan", () -> establishments.get(restaurant)).unitName()).isEqualTo("Xã Nam Giang");
	}

	@Test
	void theProvinceTeamOfAfterTheReformHasTheMembersItsDecisionNames() {
		// the decision names "Sở Y tế tỉnh Thanh Hóa"; the directory of the new tree writes "Thanh Hoá"
		assertThat(jdbc.sql("""
				SELECT a.name FROM prostitution.team_member m JOIN prostitution.inspection_team t ON t.id = m.team_id
				JOIN directory.agency a ON a.id = m.agency_id WHERE t.decision_number = '3120/QĐ-UBND' ORDER BY m.id""")
			.query(String.class).list())
			.containsExactly("Sở Y tế tỉnh Thanh Hoá", "Công an tỉnh Thanh Hoá", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hoá");
	}
}
