package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.identity.internal.UserAccounts;

/**
 * What the tests of accounts share: accounts that exist only for one test (the demo accounts sign in everywhere else,
 * and a throttled or changed demo account would trouble other tests), real sessions, administration through the page.
 * The accounts of a test are disabled after it: other tests count the staff of the demo communes, who are told of
 * cases and deadlines, and a disabled account is nobody's staff.
 */
abstract class AccountTestSupport extends DemoAccountTestSupport {

	private final List<String> created = new ArrayList<>();

	static final String PASSWORD = "Correct-Horse-Battery-42";

	@Autowired
	protected UserAccounts accounts;

	@Autowired
	protected PasswordEncoder encoder;

	/** A commune officer of Xã Tuần Giáo with {@link #PASSWORD}. */
	long account(String username) {
		return account(username, Role.COMMUNE_OFFICER, "03253");
	}

	/** An account with {@link #PASSWORD}, answering for the units with these codes today. */
	long account(String username, Role role, String... unitCodes) {
		List<Long> ids = new ArrayList<>();
		for (String code : unitCodes) {
			ids.add(units.byCode(code, LocalDate.now()).id());
		}
		created(username);
		return accounts.create(username, "Người thử " + username, null, encoder.encode(PASSWORD), Set.of(role), ids,
				null);
	}

	/** Names an account the test made some other way, to be disabled after it too. */
	void created(String username) {
		created.add(username);
	}

	@AfterEach
	void disableTheAccountsOfTheTest() {
		if (!created.isEmpty()) {
			jdbc.sql("UPDATE identity.app_user SET enabled = FALSE WHERE username IN (:names)").param("names", created)
				.update();
		}
	}

	/** Signs in through the form as a browser does, and answers the cookie of the session kept in the database. */
	Cookie signIn(String username, String password) throws Exception {
		Cookie session = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session cookie").isNotNull();
		return session;
	}

	/** Saves the account through the administration page as the administrator would, at its current version. */
	ResultActions administer(String administrator, long id, List<String> roles, String unitCodes, boolean enabled,
			String... more) throws Exception {
		int version = jdbc.sql("SELECT version FROM identity.app_user WHERE id = :id").param("id", id)
			.query(Integer.class).single();
		List<String> parameters = new ArrayList<>(List.of("displayName", "Người thử", "email", "", "unitCodes",
				unitCodes, "version", String.valueOf(version)));
		roles.forEach(role -> parameters.addAll(List.of("roles", role)));
		if (enabled) {
			parameters.addAll(List.of("enabled", "true"));
		}
		parameters.addAll(List.of(more));
		return form(administrator, "/admin/users/" + id, parameters.toArray(String[]::new));
	}

	/** A request from this client address: the throttle counts per address. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	long audits(String actor, String action) {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = :a AND action = :b").param("a", actor)
			.param("b", action).query(Long.class).single();
	}
}
