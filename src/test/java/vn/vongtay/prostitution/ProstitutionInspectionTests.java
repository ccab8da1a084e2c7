package vn.vongtay.prostitution;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 178 inspector of Thanh Hóa records inspections of Thọ Xuân establishments; a violation must cite the sanctions
 * decree in force on the day.
 */
@IntegrationTest
class ProstitutionInspectionTests extends ProstitutionTestSupport {

	@Test
	void theInspectorRecordsAViolationWithASanctionAndTheHistoryAndSharesShowIt() throws Exception {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		long establishment = demoEstablishment("Nhà hàng Sông Chu");
		long team = provinceTeam();
		long article = articleInForce(today, "Hành vi mua dâm");
		int year = today.getYear();
		JsonNode communeBefore = read(apiGet("thanhtra.thoxuan", "/api/v1/prostitution/figures?unit=15505&year=" + year));
		JsonNode provinceBefore = read(apiGet("thanhtra.thoxuan", "/api/v1/prostitution/figures?unit=38&year=" + year));

		JsonNode inspection = read(apiPost("thanhtra.thoxuan", "/api/v1/prostitution/inspections", """
				{"establishmentId": %d, "teamId": %d, "inspectedOn": "%s", "findings": "Khách hàng mua dâm tại phòng VIP",
				 "violations": [{"articleId": %d, "clause": "khoản 1", "description": "Mua dâm tại phòng VIP",
				                 "sanction": "FINE", "fineVnd": 1500000}],
				 "followUps": [{"action": "Kiểm tra lại sau 30 ngày", "dueOn": "%s"}]}"""
			.formatted(establishment, team, today, article, today.plusDays(30))).andExpect(status().isCreated()));
		long id = inspection.get("id").asLong();
		assertThat(inspection.get("decreeNumber").asString()).isEqualTo(decrees.inForceOn(today).orElseThrow().number());
		assertThat(inspection.get("violations").get(0).get("fineVnd").asLong()).isEqualTo(1_500_000);

		String history = pageBody("thanhtra.thoxuan", "/prostitution/establishments/" + establishment);
		assertThat(history).contains(today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
			.contains("1.500.000");
		assertThat(pageBody("thanhtra.thoxuan", "/prostitution/inspections/" + id)).contains("Phạt tiền")
			.contains("Mua dâm tại phòng VIP").contains("Kiểm tra lại sau 30 ngày");

		JsonNode communeAfter = read(apiGet("thanhtra.thoxuan", "/api/v1/prostitution/figures?unit=15505&year=" + year));
		JsonNode provinceAfter = read(apiGet("thanhtra.thoxuan", "/api/v1/prostitution/figures?unit=38&year=" + year));
		assertThat(communeAfter.get("establishmentsInspected").asLong())
			.isEqualTo(communeBefore.get("establishmentsInspected").asLong() + 1);
		assertThat(communeAfter.get("shareInspected").asDouble()).isEqualTo(100.0);
		assertThat(provinceAfter.get("establishmentsInspected").asLong())
			.isEqualTo(provinceBefore.get("establishmentsInspected").asLong() + 1);
		assertThat(provinceAfter.get("shareInspected").asDouble())
			.isGreaterThan(provinceBefore.get("shareInspected").asDouble());
		assertThat(provinceAfter.get("finesVnd").asLong()).isEqualTo(provinceBefore.get("finesVnd").asLong() + 1_500_000);
	}

	@Test
	void inspectionCitingARepealedDecreeIsRefused() throws Exception {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		long repealed = decrees.article("144/2021/NĐ-CP", "Điều 24").orElseThrow().id();
		long before = count();
		JsonNode problem = read(apiPost("thanhtra.thoxuan", "/api/v1/prostitution/inspections", """
				{"establishmentId": %d, "teamId": %d, "inspectedOn": "%s",
				 "violations": [{"articleId": %d, "description": "Mua dâm", "sanction": "FINE", "fineVnd": 1500000}]}"""
			.formatted(demoEstablishment("Khách sạn Sao Vàng Xanh"), provinceTeam(), today, repealed))
			.andExpect(status().is(422)));
		String date = today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("column").asString()).isEqualTo("violations[0].articleId");
		assertThat(error.get("message").asString()).isEqualTo("Điều 24 Nghị định 144/2021/NĐ-CP không áp dụng cho vi phạm ngày "
				+ date + ": nghị định có hiệu lực vào ngày đó là Nghị định 282/2025/NĐ-CP.");
		assertThat(error.get("messageEn").asString()).isEqualTo("Điều 24 of Decree 144/2021/NĐ-CP does not apply to a violation on "
				+ date + ": the decree in force that day is Decree 282/2025/NĐ-CP.");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anInspectionBeforeTheNewDecreeCitesTheOldOne() throws Exception {
		LocalDate lastDayOfOld = LocalDate.of(2025, 12, 14);
		long oldArticle = decrees.article("144/2021/NĐ-CP", "Điều 24").orElseThrow().id();
		long newArticle = decrees.article("282/2025/NĐ-CP", "Điều 32").orElseThrow().id();
		String body = """
				{"establishmentId": %d, "teamId": %d, "inspectedOn": "%s",
				 "violations": [{"articleId": %d, "description": "Mua dâm", "sanction": "WARNING"}]}""";
		long establishment = demoEstablishment("Khách sạn Sao Vàng Xanh");
		apiPost("thanhtra.thoxuan", "/api/v1/prostitution/inspections",
				body.formatted(establishment, provinceTeam(), lastDayOfOld, newArticle)).andExpect(status().is(422));
		JsonNode accepted = read(apiPost("thanhtra.thoxuan", "/api/v1/prostitution/inspections",
				body.formatted(establishment, provinceTeam(), lastDayOfOld, oldArticle)).andExpect(status().isCreated()));
		assertThat(accepted.get("decreeNumber").asString()).isEqualTo("144/2021/NĐ-CP");
	}

	@Test
	void aFineOutsideTheRangeOfTheArticleIsRefusedInVietnamese() throws Exception {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		String page = text(form("thanhtra.thoxuan", "/prostitution/inspections",
				"establishmentId", String.valueOf(demoEstablishment("Khách sạn Sao Vàng Xanh")),
				"teamId", String.valueOf(provinceTeam()), "inspectedOn", today.toString(),
				"articleId", String.valueOf(articleInForce(today, "Hành vi mua dâm")), "description", "Mua dâm",
				"sanction", "FINE", "fineVnd", "50.000.000")
			.andExpect(status().is(422)));
		assertThat(page).contains("Số tiền phạt 50.000.000 đồng nằm ngoài khung").doesNotContain("Exception");
	}

	@Test
	void aCommuneOfficerOfDienBienCannotInspectAThoXuanEstablishment() throws Exception {
		page("xa.a", get("/prostitution/establishments/" + demoEstablishment("Nhà nghỉ Hoa Sữa")))
			.andExpect(status().isNotFound());
		apiPost("xa.a", "/api/v1/prostitution/inspections", """
				{"establishmentId": %d, "teamId": %d, "inspectedOn": "%s"}"""
			.formatted(demoEstablishment("Nhà nghỉ Hoa Sữa"), provinceTeam(), LocalDate.now(VietnamTime.ZONE)))
			.andExpect(status().is(422));
	}

	@Test
	void theInspectorSeesTheEstablishmentsDueForAVisit() throws Exception {
		String due = pageBody("thanhtra.thoxuan", "/prostitution/establishments?notInspectedSince="
				+ LocalDate.now(VietnamTime.ZONE).minusYears(1));
		assertThat(due).contains("Karaoke Ánh Trăng").doesNotContain("Nhà nghỉ Hoa Sữa");
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM prostitution.inspection").query(Long.class).single();
	}

	private long demoEstablishment(String name) {
		return jdbc.sql("SELECT id FROM prostitution.establishment WHERE name = :name")
			.param("name", name + " (dữ liệu mẫu)").query(Long.class).single();
	}

	private long provinceTeam() {
		return jdbc.sql("SELECT id FROM prostitution.inspection_team WHERE decision_number = '3120/QĐ-UBND'")
			.query(Long.class).single();
	}

	private long articleInForce(LocalDate on, String title) {
		return decrees.articles().stream()
			.filter(a -> a.decreeId() == decrees.inForceOn(on).orElseThrow().id() && a.title().equals(title))
			.findFirst().orElseThrow().id();
	}
}
