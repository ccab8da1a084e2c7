package vn.vongtay.geography;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdministrativeUnitsApiTests {

	private static final String TUAN_GIAO = "099";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Units units;

	@Test
	void listsTheNineteenCommunesOfTuanGiaoDistrictBeforeTheReform() throws Exception {
		JsonNode communes = getJson("/api/v1/units?parent=" + TUAN_GIAO + "&asOf=2024-12-31");
		assertThat(communes.size()).isEqualTo(19);
		for (JsonNode commune : communes) {
			assertThat(commune.get("level").asString()).isEqualTo("COMMUNE");
			assertThat(commune.get("parentCode").asString()).isEqualTo(TUAN_GIAO);
			assertThat(commune.get("validTo").asString()).isEqualTo("2025-06-30");
		}
	}

	@Test
	void listsNothingUnderTheAbolishedDistrictAfterFirstJuly2025() throws Exception {
		assertThat(getJson("/api/v1/units?parent=" + TUAN_GIAO + "&asOf=2025-07-01").size()).isZero();
		assertThat(getJson("/api/v1/units?parent=" + TUAN_GIAO + "&asOf=2026-01-15").size()).isZero();
	}

	@Test
	void namesTheCurrentCommuneThatContinuesEachFormerCommuneOfTuanGiao() throws Exception {
		for (JsonNode commune : getJson("/api/v1/units?parent=" + TUAN_GIAO + "&asOf=2024-12-31")) {
			JsonNode successors = getJson("/api/v1/units/" + commune.get("code").asString() + "/successors");
			assertThat(successors.size()).as("successors of %s", commune.get("fullName")).isPositive();
			for (JsonNode successor : successors) {
				assertThat(successor.get("kind").asString()).isIn("full", "partial");
				AdministrativeUnit current = units.byCode(successor.get("code").asString(), LocalDate.of(2026, 1, 1));
				assertThat(current.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
				assertThat(current.parentCode()).isEqualTo("11");
			}
		}
		JsonNode quaiNua = getJson("/api/v1/units/03274/successors");
		assertThat(quaiNua.get(0).get("code").asString()).isEqualTo("03253");
		assertThat(quaiNua.get(0).get("name").asString()).isEqualTo("Tuần Giáo");
		assertThat(quaiNua.get(0).get("kind").asString()).isEqualTo("full");
	}

	@Test
	void answersAnUnknownUnitCodeWithAVietnameseProblemDetail() throws Exception {
		mvc.perform(get("/api/v1/units/98765").with(user("xa.a").roles("COMMUNE_OFFICER")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("Không tìm thấy đơn vị hành chính có mã 98765."))
			.andExpect(jsonPath("$.detailEn").value("There is no administrative unit with code 98765."));
	}

	@Test
	void servesTheOpenApiDocumentOfTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/units/{code}/successors']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/tokens']").exists());
	}

	@Test
	void refusesAnonymousCallersWithAProblemDetail() throws Exception {
		mvc.perform(get("/api/v1/units"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("đăng nhập")));
	}

	@Test
	void aFormerCommuneIsReachedByTheCurrentCommuneThatFullyContinuesItAndByItsProvince() {
		LocalDate before = LocalDate.of(2025, 6, 30);
		LocalDate after = LocalDate.of(2025, 7, 1);
		long quaiNuaOld = units.byCode("03274", before).id();
		long tuanGiaoNew = units.byCode("03253", after).id();
		long quaiToNew = units.byCode("03295", after).id();
		long dienBien = units.byCode("11", after).id();
		assertThat(units.reaches(java.util.List.of(tuanGiaoNew), quaiNuaOld)).isTrue();
		assertThat(units.reaches(java.util.List.of(quaiToNew), quaiNuaOld)).isFalse();
		assertThat(units.reaches(java.util.List.of(dienBien), quaiNuaOld)).isTrue();
	}

	private JsonNode getJson(String url) throws Exception {
		String body = mvc.perform(get(url).with(user("xa.a").roles("COMMUNE_OFFICER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return json.readTree(body);
	}
}
