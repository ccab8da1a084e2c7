package vn.vongtay.geography;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which unit a record of a date belongs to, through the lineage of the 2025 reform (issue 18 §2; decision 0001). The
 * lineage is the official one of the demo localities (vn-units-2025-merges-new-to-old.json, extract in
 * src/main/resources/geography/demo): Xã Sao Vàng (15553) was formed on 01/07/2025 from Xuân Sinh, Thọ Lâm, Xuân Phú
 * and Thị trấn Sao Vàng; Xã Trường Xuân (15598) was split between Xã Thọ Xuân and Xã Xuân Lập.
 */
@IntegrationTest
class UnitLineageOnADateTests {

	private static final LocalDate IN_2024 = LocalDate.of(2024, 12, 31);
	private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 1);

	@Autowired
	Units units;

	@Test
	void aCommuneOf2025LeadsBackToTheCommunesItWasFormedFrom() {
		long saoVang = units.byCode("15553", IN_2026).id();
		assertThat(units.lineageOn(List.of(saoVang), IN_2024).get(saoVang)).extracting(AdministrativeUnit::fullName)
			.containsExactly("Xã Xuân Sinh", "Xã Thọ Lâm", "Xã Xuân Phú", "Thị trấn Sao Vàng");
		assertThat(units.onDate(saoVang, IN_2024)).as("four communes of 2024: no single one").isEmpty();
		assertThat(units.onDate(saoVang, IN_2026)).map(AdministrativeUnit::id).contains(saoVang);
	}

	@Test
	void aCommuneOf2024LeadsForwardToTheCommunesThatContinueIt() {
		long thiTranSaoVang = units.byCode("15553", IN_2024).id();
		assertThat(units.onDate(thiTranSaoVang, IN_2026)).map(AdministrativeUnit::fullName).contains("Xã Sao Vàng");
		long truongXuan = units.byCode("15598", IN_2024).id();
		assertThat(units.lineageOn(List.of(truongXuan), IN_2026).get(truongXuan)).extracting(AdministrativeUnit::fullName)
			.containsExactly("Xã Thọ Xuân", "Xã Xuân Lập");
		assertThat(units.onDate(truongXuan, IN_2026)).as("split in two").isEmpty();
	}

	@Test
	void anAbolishedDistrictHasNoUnitAfterItEnded() {
		long thoXuan = units.byCode("395", IN_2024).id();
		assertThat(units.onDate(thoXuan, IN_2024)).map(AdministrativeUnit::id).contains(thoXuan);
		assertThat(units.lineageOn(List.of(thoXuan), IN_2026).get(thoXuan)).isEmpty();
	}
}
