package vn.vongtay.outreach;

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

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the outreach tests share: signing in as a demo account or an ad-hoc user, pages, API calls with tokens. */
abstract class OutreachTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Units units;

	@Autowired
	Activities activities;

	@Autowired
	Opinions opinions;

	@Autowired
	OutreachFigures figures;

	/** Runs Java API calls as a demo account. */
	<T> T as(String username, Supplier<T> work) {
		return as(users.loadUserByUsername(username), work);
	}

	<T> T as(UserDetails user, Supplier<T> work) {
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
	SignedInUser adHoc(String username, Role role, String unitCode) {
		long unitId = units.byCode(unitCode, java.time.LocalDate.now()).id();
		return new SignedInUser(900_000 + Math.abs(username.hashCode() % 10_000), username, username, Set.of(role),
				Set.of(unitId), null, true, null, null);
	}

	ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(users.loadUserByUsername(username))));
	}

	String pageBody(String username, String url) throws Exception {
		return page(username, get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	ResultActions form(String username, String url, String... parameters) throws Exception {
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return page(username, request);
	}

	ResultActions apiGet(String username, String url) throws Exception {
		return mvc.perform(get(url).header("Authorization", "Bearer " + token(username)));
	}

	ResultActions apiPost(String username, String url, String body) throws Exception {
		return mvc.perform(post(url).header("Authorization", "Bearer " + token(username))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	JsonNode read(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	String text(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The id of the first agency with this name. */
	long agency(String name) {
		return jdbc.sql("SELECT id FROM directory.agency WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
			.query(Long.class).single();
	}

	long unitId(String code, java.time.LocalDate asOf) {
		return units.byCode(code, asOf).id();
	}

	/** An activity with the essentials filled in, to vary in a test. */
	static ActivityDraft draft(ActivityKind kind, String title, long organiser, java.util.List<String> unitCodes,
			java.time.LocalDate on, java.util.Set<Topic> topics) {
		return new ActivityDraft(kind, title, null, organiser, unitCodes, on, on, topics, null, java.util.Map.of(),
				java.util.List.of());
	}

	long auditCount(String action, long subjectId) {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = :action AND subject_id = :id")
			.param("action", action).param("id", String.valueOf(subjectId)).query(Long.class).single();
	}

	private String token(String username) throws Exception {
		String response = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(response).get("token").asString();
	}
}
