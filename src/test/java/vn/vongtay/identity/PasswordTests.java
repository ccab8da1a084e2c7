package vn.vongtay.identity;

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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.vongtay.IntegrationTest;

/**
 * Passwords follow OWASP ASVS 4.0 V2.1 (issue 16, item 14): a common or predictable one is refused wherever a password
 * is set, and everyone changes their own password with the current one, which ends their other sessions (item 3).
 */
@IntegrationTest
class PasswordTests extends AccountTestSupport {

	static final String NEW_PASSWORD = "Cay tre lang Quai Nua 7";

	@Test
	void anAdministratorCannotGiveANewAccountACommonOrPredictablePassword() throws Exception {
		String[][] refused = { { "mk.yeu.a", "aaaaaaaaaaaa" }, { "mk.yeu.b", "Password1234!" },
				{ "mk.yeu.c", "123456789012" }, { "mk.yeu.d", "qwertyuiop12" }, { "mk.yeu.e", "Mật khẩu @2026" },
				{ "mk.yeu.f", "mk.yeu.f-2026-ok" }, { "mk.yeu.g", "short-pass" } };
		for (String[] account : refused) {
			String page = text(form("tinh.dienbien", "/admin/users", "username", account[0], "displayName",
					"Người thử mật khẩu", "email", "", "password", account[1], "roles", "COMMUNE_OFFICER",
					"unitCodes", "03253", "enabled", "true", "version", "0")
				.andExpect(status().is(422)));
			assertThat(page).as(account[1]).contains("lỗi cần sửa", "value=\"" + account[0] + "\"")
				.doesNotContain(account[1]);
			assertThat(accounts.exists(account[0])).as(account[1]).isFalse();
		}
		created("mk.manh");
		form("tinh.dienbien", "/admin/users", "username", "mk.manh", "displayName", "Người thử mật khẩu", "email", "",
				"password", NEW_PASSWORD, "roles", "COMMUNE_OFFICER", "unitCodes", "03253", "enabled", "true",
				"version", "0")
			.andExpect(status().is3xxRedirection());
		assertThat(accounts.exists("mk.manh")).isTrue();
	}

	@Test
	void aPersonChangesTheirPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() throws Exception {
		account("mk.doi");
		Cookie here = signIn("mk.doi", PASSWORD);
		Cookie elsewhere = signIn("mk.doi", PASSWORD);
		mvc.perform(post("/account/password").with(csrf()).cookie(here)
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("newPasswordConfirmation", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").cookie(here)).andExpect(status().isOk());
		mvc.perform(get("/").cookie(elsewhere)).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin().user("mk.doi").password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user("mk.doi").password(NEW_PASSWORD)).andExpect(authenticated());
		assertThat(audits("mk.doi", "PASSWORD_CHANGED")).isEqualTo(1);
	}

	@Test
	void aWrongCurrentPasswordOrAWeakNewOneChangesNothingAndSaysWhereInPlace() throws Exception {
		account("mk.sai");
		Cookie here = signIn("mk.sai", PASSWORD);
		String page = text(mvc.perform(post("/account/password").with(csrf()).cookie(here)
			.param("currentPassword", "not-my-password")
			.param("newPassword", "aaaaaaaaaaaa")
			.param("newPasswordConfirmation", "aaaaaaaaaaab"))
			.andExpect(status().is(422)));
		assertThat(page).contains("Mật khẩu hiện tại không đúng.", "ký tự lặp lại hoặc liên tiếp",
				"Hai lần nhập mật khẩu mới không khớp nhau.", "Đổi mật khẩu");
		mvc.perform(formLogin().user("mk.sai").password(PASSWORD)).andExpect(authenticated());
		assertThat(audits("mk.sai", "PASSWORD_CHANGE_REFUSED")).isEqualTo(1);
	}

	@Test
	void theApiChangesThePasswordWithTheCurrentOne() throws Exception {
		account("mk.api");
		String token = token("mk.api", PASSWORD);
		mvc.perform(post("/api/v1/me/password").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("currentPassword", "wrong", "newPassword", NEW_PASSWORD))))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].column").value("currentPassword"));
		mvc.perform(post("/api/v1/me/password").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))))
			.andExpect(status().isNoContent());
		token("mk.api", NEW_PASSWORD);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void guessingTheCurrentPasswordThroughTheChangeFormIsThrottledLikeSigningIn() throws Exception {
		account("mk.doan");
		Cookie here = signIn("mk.doan", PASSWORD);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/account/password").with(csrf()).cookie(here).param("currentPassword", "guess-" + i)
				.param("newPassword", NEW_PASSWORD).param("newPasswordConfirmation", NEW_PASSWORD))
				.andExpect(status().is(422));
		}
		String page = text(mvc.perform(post("/account/password").with(csrf()).cookie(here)
			.param("currentPassword", PASSWORD).param("newPassword", NEW_PASSWORD)
			.param("newPasswordConfirmation", NEW_PASSWORD)).andExpect(status().isTooManyRequests()));
		assertThat(page).contains("Đăng nhập sai nhiều lần liên tiếp");
	}

	@Test
	void anAdministratorSetsANewPasswordAndTheUsersSessionsEnd() throws Exception {
		long id = account("mk.datlai");
		Cookie session = signIn("mk.datlai", PASSWORD);
		administer("tinh.dienbien", id, java.util.List.of("COMMUNE_OFFICER"), "03253", true, "password", NEW_PASSWORD)
			.andExpect(redirectedUrl("/admin/users/" + id));
		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin().user("mk.datlai").password(NEW_PASSWORD)).andExpect(authenticated());
		assertThat(audits("tinh.dienbien", "PASSWORD_RESET")).isPositive();
	}

	@Test
	void aPasswordTypedWithCombiningMarksOpensTheAccountLikeOneTypedPrecomposed() throws Exception {
		String precomposed = java.text.Normalizer.normalize("Bản Chiềng mùa lúa chín", java.text.Normalizer.Form.NFC);
		String combining = java.text.Normalizer.normalize(precomposed, java.text.Normalizer.Form.NFD);
		created("mk.unicode");
		accounts.create("mk.unicode", "Người thử", null, encoder.encode(combining), Set.of(Role.CASE_WORKER),
				Set.of(units.byCode("03253", LocalDate.now()).id()), null);
		mvc.perform(formLogin().user("mk.unicode").password(precomposed)).andExpect(authenticated());
		mvc.perform(formLogin().user("mk.unicode").password(combining)).andExpect(authenticated());
	}

	String token(String username, String password) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body).get("token").asString();
	}

}
