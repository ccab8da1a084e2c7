package vn.vongtay.identity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.vongtay.IntegrationTest;
import vn.vongtay.identity.internal.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInIsAuditedAndLandsOnTheHomePage() throws Exception {
		mvc.perform(formLogin().user("cb.a").password("Demo@2026"))
			.andExpect(authenticated().withUsername("cb.a"))
			.andExpect(redirectedUrl("/"));
		assertThat(auditCount("cb.a", "LOGIN")).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM identity.spring_session WHERE principal_name = 'cb.a'")
			.query(Long.class).single()).as("sessions live in the database, shared by all instances").isPositive();
	}

	@Test
	void fiveWrongPasswordsMakeThisAddressWaitEvenWithTheRightPassword() throws Exception {
		String username = "locked.tester";
		accounts.create(username, "Người thử khóa", null, encoder.encode("Correct-Horse-42"),
				java.util.Set.of(Role.COMMUNE_OFFICER), java.util.Set.of(unitId("03253")), null);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).with(from("10.17.0.1")).param("username", username)
				.param("password", "wrong-" + i))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").with(csrf()).with(from("10.17.0.1")).param("username", username)
			.param("password", "Correct-Horse-42"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?wait=15"));
		assertThat(auditCount(username, "LOGIN_FAILED")).isEqualTo(5);
		assertThat(auditCount(username, "SIGN_IN_THROTTLED")).isEqualTo(1);
		assertThat(auditCount(username, "LOGIN_REFUSED_THROTTLED")).isEqualTo(1);
		mvc.perform(post("/api/v1/tokens").with(from("10.17.0.1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Correct-Horse-42\"}"))
			.andExpect(status().is(429))
			.andExpect(jsonPath("$.detailEn").value("Too many failed sign-ins in a row. Try again in 15 minutes."));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void aTokenIdentifiesItsOwnerAndEveryUseIsAudited() throws Exception {
		String response = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"tinh.dienbien\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String token = response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		long before = auditCount("tinh.dienbien", "TOKEN_USED");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("tinh.dienbien"))
			.andExpect(jsonPath("$.roles[0]").value("PROVINCE_OFFICER"))
			.andExpect(jsonPath("$.unitCodes[0]").value("11"));
		assertThat(auditCount("tinh.dienbien", "TOKEN_USED")).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.api_token WHERE token_hash = :t").param("t", token)
			.query(Long.class).single()).as("the token itself is never stored").isZero();
	}

	@Test
	void aWrongPasswordGetsNoTokenAndAnUnknownTokenGetsNothing() throws Exception {
		mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"xa.b\",\"password\":\"nope\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Tên đăng nhập hoặc mật khẩu không đúng."));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer vt_forged"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void thePagesNeedASignedInUserAndTheLoginPageSpeaksVietnamese() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection());
		String login = mvc.perform(get("/login")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(login).contains("Đăng nhập Vòng Tay", "Tên đăng nhập", "Mật khẩu", "lang=\"vi\"");
		String english = mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Sign in to Vòng Tay", "Username");
	}

	private long auditCount(String actor, String action) {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = :a AND action = :b")
			.param("a", actor).param("b", action).query(Long.class).single();
	}

	private long unitId(String code) {
		return jdbc.sql("SELECT id FROM geography.unit WHERE code = :c AND valid_to IS NULL").param("c", code)
			.query(Long.class).single();
	}
}
