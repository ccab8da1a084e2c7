package vn.vongtay.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * Nobody gets a session, a row of {@code identity.spring_session}, before they sign in (issue 16, item 15): the sign-in
 * page and the public report form keep their forms' protection against cross-site requests in a cookie instead, and
 * signing in and the public form still need it.
 */
@IntegrationTest
class AnonymousVisitTests extends DemoAccountTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Autowired
	WebApplicationContext context;

	/**
	 * Spring Security's {@code csrf()} for tests swaps, for the rest of the application context's life, the
	 * application's token repository for a session-based one of its own; an earlier test that used it would leave these
	 * tests testing that one. They put the application's back.
	 */
	@BeforeEach
	void useTheApplicationsTokenRepository() {
		WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(context.getServletContext(), "GET", "/login"),
				new SessionOrCookieCsrfTokens());
	}

	@Test
	void anAnonymousVisitOfTheSignInPageOrThePublicReportFormStoresNoSession() throws Exception {
		long since = System.currentTimeMillis();
		for (MockHttpServletRequestBuilder visit : new MockHttpServletRequestBuilder[] { get("/login"),
				get("/login").param("error", ""), get("/login").param("lang", "en"), get("/report"),
				get("/report").param("province", "11"), get("/report/communes").param("province", "11"), get("/"),
				get("/children") }) {
			MockHttpServletResponse response = mvc.perform(visit).andReturn().getResponse();
			assertThat(response.getCookie("SESSION")).as(visit.toString()).isNull();
		}
		Form signIn = form("/login");
		MockHttpServletResponse refused = mvc.perform(post("/login").cookie(signIn.cookie())
			.param("_csrf", signIn.token()).param("username", "xa.a").param("password", "not-the-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn().getResponse();
		assertThat(refused.getCookie("SESSION")).isNull();
		assertThat(anonymousSessionsSince(since)).as("sessions stored by anonymous visits").isZero();
	}

	@Test
	void signingInStillNeedsTheTokenOfTheSignInPage() throws Exception {
		Form signIn = form("/login");
		assertThat(signIn.cookie().isHttpOnly()).isTrue();
		assertThat(signIn.cookie().getAttribute("SameSite")).isEqualTo("Strict");
		mvc.perform(post("/login").param("username", "xa.a").param("password", "Demo@2026"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").param("_csrf", signIn.token()).param("username", "xa.a").param("password", "Demo@2026"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").cookie(signIn.cookie()).param("username", "xa.a").param("password", "Demo@2026"))
			.andExpect(status().isForbidden());
		Form other = form("/login");
		mvc.perform(post("/login").cookie(other.cookie()).param("_csrf", signIn.token()).param("username", "xa.a")
			.param("password", "Demo@2026")).andExpect(status().isForbidden());

		MvcResult signedIn = mvc.perform(post("/login").cookie(signIn.cookie()).param("_csrf", signIn.token())
			.param("username", "xa.a").param("password", "Demo@2026"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		Cookie cleared = signedIn.getResponse().getCookie("vongtay-csrf");
		assertThat(cleared).as("signing in drops the anonymous token").isNotNull();
		assertThat(cleared.getMaxAge()).isZero();

		// once signed in, the token of the sign-in page is no good: the session holds a new one
		mvc.perform(post("/account/tokens").cookie(session, signIn.cookie()).param("_csrf", signIn.token()))
			.andExpect(status().isForbidden());
		String page = text(mvc.perform(get("/account").cookie(session)).andExpect(status().isOk()));
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).isTrue();
		mvc.perform(post("/account/sessions/end-others").cookie(session).param("_csrf", token.group(1)))
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	void thePublicReportFormIsStillGuardedByItsToken() throws Exception {
		long since = System.currentTimeMillis();
		Form report = form("/report");
		mvc.perform(post("/report").param("token", "x").param("condition", "Trẻ bị bỏ đói"))
			.andExpect(status().isForbidden());
		// with the form's token the request reaches the form's own checks: sent too soon after it was shown
		String answer = text(mvc.perform(post("/report").cookie(report.cookie()).param("_csrf", report.token())
			.param("token", "1.00.00").param("province", "11").param("condition", "Trẻ bị bỏ đói"))
			.andExpect(status().isBadRequest()));
		// the report comes back as typed with a new form to send (decision 0013)
		assertThat(answer).contains("Hãy bấm “Gửi thông báo” lần nữa", "Trẻ bị bỏ đói");
		assertThat(anonymousSessionsSince(since)).isZero();
	}

	Form form(String url) throws Exception {
		MvcResult page = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
		Matcher token = CSRF.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(token.find()).as("the form of " + url + " carries a token").isTrue();
		Cookie cookie = page.getResponse().getCookie("vongtay-csrf");
		assertThat(cookie).as("the token's cookie").isNotNull();
		return new Form(token.group(1), cookie);
	}

	/** Sessions begun since then by nobody signed in (the tests of a run go one after another). */
	long anonymousSessionsSince(long millis) {
		return jdbc.sql("SELECT count(*) FROM identity.spring_session WHERE creation_time >= :since AND principal_name IS NULL")
			.param("since", millis).query(Long.class).single();
	}

	record Form(String token, Cookie cookie) {
	}
}
