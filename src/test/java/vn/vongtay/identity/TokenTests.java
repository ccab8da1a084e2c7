package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * Everyone lists and revokes their own API tokens, by API and on their account page, and nobody else's (issue 16, item
 * 14). Everyone, whatever their role, has an account page of their own.
 */
@IntegrationTest
class TokenTests extends DemoAccountTestSupport {

	@Test
	void anOwnerListsTheirTokensAndRevokesOne() throws Exception {
		JsonNode hotline = issue("cb.a", "Hệ thống Tổng đài 111");
		JsonNode script = issue("cb.a", "Báo cáo hằng tháng");
		JsonNode listed = read(bearer(get("/api/v1/tokens"), hotline).andExpect(status().isOk()));
		assertThat(listed.toString()).contains("Hệ thống Tổng đài 111", "Báo cáo hằng tháng")
			.doesNotContain(hotline.get("token").asString());
		for (JsonNode token : listed) {
			assertThat(token.get("current").asBoolean()).isEqualTo(token.get("id").asLong() == hotline.get("id").asLong());
		}
		bearer(delete("/api/v1/tokens/" + script.get("id").asLong()), hotline).andExpect(status().isNoContent());
		bearer(get("/api/v1/me"), script).andExpect(status().isUnauthorized());
		bearer(delete("/api/v1/tokens/" + script.get("id").asLong()), hotline).andExpect(status().isNotFound());
		assertThat(read(bearer(get("/api/v1/tokens"), hotline)).toString()).doesNotContain("Báo cáo hằng tháng");
		assertThat(auditCount("TOKEN_REVOKED", script.get("id").asLong())).isEqualTo(1);
	}

	@Test
	void nobodyRevokesOrSeesAnotherPersonsToken() throws Exception {
		JsonNode mine = issue("xa.a", "Của xã Tuần Giáo");
		JsonNode theirs = issue("xa.b", "Của xã Quài Tở");
		bearer(delete("/api/v1/tokens/" + mine.get("id").asLong()), theirs).andExpect(status().isNotFound());
		assertThat(read(bearer(get("/api/v1/tokens"), theirs)).toString()).doesNotContain("Của xã Tuần Giáo");
		bearer(get("/api/v1/me"), mine).andExpect(status().isOk());
		page("xa.b", post("/account/tokens/" + mine.get("id").asLong() + "/revoke").with(csrf()))
			.andExpect(status().isNotFound());
		bearer(get("/api/v1/me"), mine).andExpect(status().isOk());
	}

	@Test
	void theAccountPageIssuesListsAndRevokesTokens() throws Exception {
		String issued = text(page("chutich.a", post("/account/tokens").with(csrf()).param("label", "Máy văn phòng UBND"))
			.andExpect(status().isOk()));
		String token = issued.replaceAll("(?s).*<code id=\"issued-token\">(vt_[^<]+)</code>.*", "$1");
		assertThat(token).startsWith("vt_");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		long id = jdbc.sql("SELECT id FROM identity.api_token WHERE label = 'Máy văn phòng UBND'").query(Long.class)
			.single();
		assertThat(pageBody("chutich.a", "/account")).contains("Máy văn phòng UBND").doesNotContain(token);
		page("chutich.a", post("/account/tokens/" + id + "/revoke").with(csrf())).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void everyRoleHasAnAccountPageOfTheirOwn() throws Exception {
		for (String account : new String[] { "admin", "tinh.dienbien", "xa.a", "chutich.a", "cb.a", "ctv.a",
				"tongdai111", "lanhdao.dienbien", "huyen.hongngu", "thanhtra.thoxuan", "ldtbxh.thoxuan",
				"soyte.caobang", "congan.tuangiao" }) {
			assertThat(pageBody(account, "/account")).as(account)
				.contains("Tài khoản của tôi", ">" + account + "<", "Đổi mật khẩu", "Mã truy cập API");
		}
		mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/tokens")).andExpect(status().isUnauthorized());
	}

	JsonNode issue(String username, String label) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", "Demo@2026", "label", label))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body);
	}

	org.springframework.test.web.servlet.ResultActions bearer(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, JsonNode token)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token.get("token").asString()));
	}
}
