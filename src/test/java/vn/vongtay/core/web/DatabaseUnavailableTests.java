package vn.vongtay.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * While the database cannot be reached (PostgreSQL down, restarting, or no connection free within the pool's wait),
 * every request is answered 503 in Vietnamese and English, a problem detail for the API and the error page for people,
 * never a 500: also where the database is read before any controller runs, as the bearer-token filter does (seen in
 * the cluster test's kill of PostgreSQL, docs/deploy.md, section 9). Here the pool is held empty, which is what an
 * instance sees while PostgreSQL is down: no connection within the pool's wait.
 */
@IntegrationTest
class DatabaseUnavailableTests extends DemoAccountTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void anApiRequestWithATokenWhileTheDatabaseIsUnreachableIsAnsweredServiceUnavailableWithAProblemDetail()
			throws Exception {
		String token = token("xa.a");

		var response = whileTheDatabaseIsUnreachable(() -> mvc
			.perform(get("/api/v1/children").header("Authorization", "Bearer " + token))
			.andReturn().getResponse());

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isNotBlank();
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		var problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("type").asString()).isEqualTo("urn:vongtay:problem:error.database-unavailable");
		assertThat(problem.get("detail").asString()).contains("cơ sở dữ liệu");
		assertThat(problem.get("detailEn").asString()).contains("database");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/children");

		// and once it is back, the same token works
		apiGetWith(token);
	}

	@Test
	void aPageWhileTheDatabaseIsUnreachableIsAnsweredServiceUnavailableInVietnamese() throws Exception {
		var officer = users.loadUserByUsername("xa.a");

		var response = whileTheDatabaseIsUnreachable(() -> mvc.perform(get("/children").with(user(officer)))
			.andReturn().getResponse());

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("cơ sở dữ liệu");
	}

	private void apiGetWith(String token) throws Exception {
		mvc.perform(get("/api/v1/children").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$").value(Matchers.notNullValue()));
	}

	/** Runs the request with every connection of the pool taken, so that it gets none within the pool's wait. */
	private <T> T whileTheDatabaseIsUnreachable(Callable<T> request) throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		try {
			while (taken.size() < pool.getMaximumPoolSize()) {
				taken.add(pool.getConnection());
			}
			return request.call();
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
	}
}
