package vn.vongtay.identity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer of one commune (xa.a, Xã Tuần Giáo) reaches nothing of a neighbouring commune (xa.b, Xã Quài Tở): not its
 * users, not its agencies, by page or by API, by list, search or id.
 */
@IntegrationTest
class JurisdictionIsolationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aCommuneOfficerListsOnlyTheUsersOfTheirOwnCommune() throws Exception {
		String page = body(get("/admin/users"), "xa.a");
		assertThat(page).contains("xa.a", "cb.a", "chutich.a").doesNotContain("xa.b", "tinh.dienbien", "tongdai111");
		String api = bearer("/api/v1/users", "xa.a");
		assertThat(api).contains("\"xa.a\"").doesNotContain("\"xa.b\"");
		assertThat(bearer("/api/v1/users", "q", "xa.b", "xa.a")).isEqualTo("[]");
		assertThat(body(get("/admin/users").param("q", "xa.b"), "xa.a")).doesNotContain(">xa.b</a>");
	}

	@Test
	void aCommuneOfficerCannotOpenOrFetchAUserOfAnotherCommune() throws Exception {
		long xaB = userId("xa.b");
		mvc.perform(get("/admin/users/" + xaB).with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/users/" + xaB).header("Authorization", "Bearer " + token("xa.a")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/users/" + xaB).header("Authorization", "Bearer " + token("tinh.dienbien")))
			.andExpect(status().isOk());
	}

	@Test
	void aCommuneOfficerSeesNoAgencyOfAnotherCommuneByListSearchOrId() throws Exception {
		long quaiToCommittee = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'UBND xã Quài Tở'")
			.query(Long.class)
			.single();
		assertThat(bearer("/api/v1/agencies", "xa.a")).contains("UBND xã Tuần Giáo").doesNotContain("Quài Tở");
		assertThat(bearer("/api/v1/agencies", "q", "quai to", "xa.a")).isEqualTo("[]");
		assertThat(bearer("/api/v1/agencies", "q", "quai to", "xa.b")).contains("UBND xã Quài Tở");
		assertThat(body(get("/admin/agencies").param("q", "Quài"), "xa.a")).doesNotContain("Quài Tở");
		mvc.perform(get("/api/v1/agencies/" + quaiToCommittee).header("Authorization", "Bearer " + token("xa.a")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/agencies/" + quaiToCommittee).with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCommuneOfficerSeesTheAgenciesOfTheProvinceAboveThem() throws Exception {
		assertThat(bearer("/api/v1/agencies", "q", "cong an", "xa.a")).contains("Công an tỉnh Điện Biên",
				"Công an xã Tuần Giáo");
	}

	@Test
	void aProvinceOfficerCannotCreateAnAgencyOutsideTheirProvince() throws Exception {
		mvc.perform(post("/admin/agencies").with(user(users.loadUserByUsername("tinh.dienbien")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("kind", "POLICE").param("name", "Công an thử").param("unitCode", "04"))
			.andExpect(status().is(422));
		assertThat(jdbc.sql("SELECT count(*) FROM directory.agency WHERE name = 'Công an thử'").query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDistrictOfficerOfHongNguBeforeTheReformReachesItsFormerCommunesOnly() throws Exception {
		assertThat(bearer("/api/v1/agencies", "q", "hong ngu", "huyen.hongngu")).contains("huyện Hồng Ngự");
		assertThat(bearer("/api/v1/agencies", "q", "tuan giao", "huyen.hongngu")).isEqualTo("[]");
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM identity.app_user WHERE username = :u").param("u", username)
			.query(Long.class).single();
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request, String username) throws Exception {
		var builder = (org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request;
		return mvc.perform(builder.with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String bearer(String url, String username) throws Exception {
		return mvc.perform(get(url).header("Authorization", "Bearer " + token(username)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String bearer(String url, String parameter, String value, String username) throws Exception {
		return mvc.perform(get(url).param(parameter, value).header("Authorization", "Bearer " + token(username)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String token(String username) throws Exception {
		String response = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(response).get("token").asString();
	}
}
