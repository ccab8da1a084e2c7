package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;

/**
 * Password guessing is slowed down per account and client address, an account-wide lock stops only browsers that never
 * signed in to the account, and no answer tells whether an account exists (issue 16, item 14; OWASP ASVS 4.0 V2.2.1;
 * docs/decisions/0011-authentication.md). Each test uses addresses of its own, as the throttle counts per address.
 */
@IntegrationTest
class SignInThrottlingTests extends AccountTestSupport {

	@Test
	void aThrottledAddressGetsTheSameAnswerForAnAccountThatExistsAndOneThatDoesNot() throws Exception {
		account("thu.tontai");
		for (int i = 0; i < 5; i++) {
			token("thu.tontai", "wrong-" + i, "10.16.1.1").andExpect(status().isUnauthorized());
			token("thu.khongtontai", "wrong-" + i, "10.16.1.1").andExpect(status().isUnauthorized());
		}
		MvcResult existing = token("thu.tontai", PASSWORD, "10.16.1.1").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After")).andReturn();
		MvcResult unknown = token("thu.khongtontai", PASSWORD, "10.16.1.1").andExpect(status().isTooManyRequests())
			.andReturn();
		assertThat(detail(existing)).isEqualTo(detail(unknown)).contains("Đăng nhập sai nhiều lần liên tiếp");
		assertThat(existing.getResponse().getHeader("Retry-After"))
			.isEqualTo(unknown.getResponse().getHeader("Retry-After"));
	}

	@Test
	void anotherAddressStillSignsInWhileOneAddressWaits() throws Exception {
		account("thu.diachi");
		for (int i = 0; i < 5; i++) {
			token("thu.diachi", "wrong-" + i, "10.16.2.1").andExpect(status().isUnauthorized());
		}
		token("thu.diachi", PASSWORD, "10.16.2.1").andExpect(status().isTooManyRequests());
		token("thu.diachi", PASSWORD, "10.16.2.2").andExpect(status().isCreated());
		assertThat(audits("thu.diachi", "SIGN_IN_THROTTLED")).isEqualTo(1);
	}

	@Test
	void theWaitEndsByItselfAndTheRightPasswordThenPasses() throws Exception {
		account("thu.hethan");
		for (int i = 0; i < 5; i++) {
			token("thu.hethan", "wrong-" + i, "10.16.3.1").andExpect(status().isUnauthorized());
		}
		token("thu.hethan", PASSWORD, "10.16.3.1").andExpect(status().isTooManyRequests());
		jdbc.sql("UPDATE identity.sign_in_attempt SET locked_until = now() - INTERVAL '1 second' WHERE account = 'thu.hethan'")
			.update();
		token("thu.hethan", PASSWORD, "10.16.3.1").andExpect(status().isCreated());
	}

	@Test
	void eachFurtherLockOfAnAddressLastsTwiceAsLong() throws Exception {
		account("thu.gapdoi");
		for (int round = 1; round <= 2; round++) {
			for (int i = 0; i < 5; i++) {
				token("thu.gapdoi", "wrong-" + i, "10.16.4.1").andExpect(status().isUnauthorized());
			}
			long minutes = jdbc.sql("""
					SELECT round(extract(epoch FROM locked_until - last_attempt_at) / 60) FROM identity.sign_in_attempt
					WHERE account = 'thu.gapdoi'""").query(Long.class).single();
			assertThat(minutes).as("lock " + round).isEqualTo(round == 1 ? 15 : 30);
			jdbc.sql("UPDATE identity.sign_in_attempt SET locked_until = now() WHERE account = 'thu.gapdoi'").update();
		}
	}

	@Test
	void signingInRightTimeAfterTimeIsNeverThrottled() throws Exception {
		account("thu.thuongxuyen");
		for (int i = 0; i < 12; i++) {
			token("thu.thuongxuyen", PASSWORD, "10.16.5.1").andExpect(status().isCreated());
		}
		token("thu.thuongxuyen", "wrong", "10.16.5.1").andExpect(status().isUnauthorized());
		token("thu.thuongxuyen", PASSWORD, "10.16.5.1").andExpect(status().isCreated());
	}

	@Test
	void aLockoutEndsTheAccountsSessionsAndStopsNewBrowsersButNotItsOwnersBrowser() throws Exception {
		account("thu.khoataikhoan");
		MvcResult signedIn = mvc.perform(post("/login").with(csrf()).with(from("10.16.6.1"))
			.param("username", "thu.khoataikhoan").param("password", PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		Cookie device = signedIn.getResponse().getCookie("vongtay-device");
		assertThat(device).as("a browser that signed in is remembered").isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

		// a hundred failures from many addresses within the hour (the limit): the last of them locks the account
		jdbc.sql("""
				INSERT INTO identity.sign_in_lock (account, failures, window_started_at) VALUES ('thu.khoataikhoan', 99, now())
				ON CONFLICT (account) DO UPDATE SET failures = 99, window_started_at = now()""").update();
		token("thu.khoataikhoan", "guess", "10.16.6.99").andExpect(status().isUnauthorized());
		assertThat(audits("thu.khoataikhoan", "ACCOUNT_LOCKED")).isEqualTo(1);

		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
		token("thu.khoataikhoan", PASSWORD, "10.16.6.2").andExpect(status().isTooManyRequests());
		mvc.perform(post("/login").with(csrf()).with(from("10.16.6.1")).cookie(device)
			.param("username", "thu.khoataikhoan").param("password", PASSWORD))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").with(csrf()).with(from("10.16.6.3"))
			.param("username", "thu.khoataikhoan").param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?wait=60"));
	}

	@Test
	void theSignInPageSaysHowLongToWaitAndIgnoresAnythingElseInTheAddress() throws Exception {
		assertThat(text(mvc.perform(get("/login").param("wait", "15")))).contains("thử lại sau 15 phút");
		assertThat(text(mvc.perform(get("/login").param("wait", "<script>")))).doesNotContain("thử lại sau");
	}

	@Test
	void anAdministratorLiftsEveryLockOfAnAccount() throws Exception {
		long id = account("thu.mokhoa");
		for (int i = 0; i < 5; i++) {
			token("thu.mokhoa", "wrong-" + i, "10.16.7.1").andExpect(status().isUnauthorized());
		}
		assertThat(pageBody("tinh.dienbien", "/admin/users/" + id)).contains("Tạm khóa đến");
		form("tinh.dienbien", "/admin/users/" + id + "/unlock").andExpect(redirectedUrl("/admin/users/" + id));
		token("thu.mokhoa", PASSWORD, "10.16.7.1").andExpect(status().isCreated());
	}

	@Test
	void aDisabledAccountAnswersAWrongPasswordAsAnUnknownNameDoes() throws Exception {
		long id = account("thu.vohieu");
		jdbc.sql("UPDATE identity.app_user SET enabled = FALSE WHERE id = :id").param("id", id).update();
		assertThat(detail(token("thu.vohieu", "wrong", "10.16.8.1").andExpect(status().isUnauthorized()).andReturn()))
			.isEqualTo(detail(token("thu.khongco", "wrong", "10.16.8.1").andExpect(status().isUnauthorized())
				.andReturn()));
		token("thu.vohieu", PASSWORD, "10.16.8.1").andExpect(status().isForbidden());
	}

	ResultActions token(String username, String password, String address) throws Exception {
		return mvc.perform(post("/api/v1/tokens").with(from(address)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("username", username, "password", password))));
	}

	String detail(MvcResult result) throws Exception {
		JsonNode problem = json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		return problem.get("detail").asString();
	}

}
