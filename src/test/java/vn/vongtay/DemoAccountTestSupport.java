package vn.vongtay;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * What module tests share: calling the Java API as a demo account or an ad-hoc user, pages with a session, the API with
 * a personal access token, and counting audit entries.
 */
public abstract class DemoAccountTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected UserDetailsService users;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected Units units;

	/** Runs Java API calls as a demo account. */
	protected <T> T as(String username, Supplier<T> work) {
		return as(users.loadUserByUsername(username), work);
	}

	protected <T> T as(UserDetails user, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	/** A user who exists only for the test, answering for the unit with {@code unitCode} today. */
	protected SignedInUser adHoc(String username, Role role, String unitCode) {
		long unitId = units.byCode(unitCode, java.time.LocalDate.now()).id();
		return new SignedInUser(900_000 + Math.abs(username.hashCode() % 10_000), username, username, Set.of(role),
				Set.of(unitId), null, true, null, null);
	}

	protected ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(users.loadUserByUsername(username))));
	}

	protected String pageBody(String username, String url) throws Exception {
		return page(username, get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	protected ResultActions form(String username, String url, String... parameters) throws Exception {
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return page(username, request);
	}

	protected ResultActions apiPut(String username, String url, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url)
			.header("Authorization", "Bearer " + token(username))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	protected ResultActions apiGet(String username, String url) throws Exception {
		return mvc.perform(get(url).header("Authorization", "Bearer " + token(username)));
	}

	protected ResultActions apiPost(String username, String url, String body) throws Exception {
		return mvc.perform(post(url).header("Authorization", "Bearer " + token(username))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	protected ResultActions apiDelete(String username, String url) throws Exception {
		return mvc.perform(delete(url).header("Authorization", "Bearer " + token(username)));
	}

	protected JsonNode read(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	protected String text(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	protected long auditCount(String action, long subjectId) {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = :action AND subject_id = :id")
			.param("action", action).param("id", String.valueOf(subjectId)).query(Long.class).single();
	}

	protected String token(String username) throws Exception {
		String response = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(response).get("token").asString();
	}
}
