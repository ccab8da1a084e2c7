package vn.vongtay.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.access.AccessMatrix.Answer;
import vn.vongtay.access.AccessMatrix.Expectation;
import vn.vongtay.access.AccessMatrix.Route;
import vn.vongtay.access.AccessMatrix.Row;

/**
 * Every route of the application — each operation of the OpenAPI document and each page the dispatcher maps — tried
 * as every account of the README's demo table and as nobody, on records harvested from their owners' own answers, and
 * answered as {@code access/matrix.txt} decides (docs/decisions/0009-need-to-know.md, "How the matrix is proved"). A
 * route the matrix does not list fails the test: no route is added without deciding who may use it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests extends DemoAccountTestSupport {

	/** A documentation address (RFC 5737): whatever the application counts per client stays apart from other tests. */
	private static final String CLIENT_ADDRESS = "192.0.2.16";

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private final ExecutorService callers = Executors.newFixedThreadPool(4);
	private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
	private final Map<Caller, UserDetails> accounts = new EnumMap<>(Caller.class);
	private final AccessMatrix matrix = AccessMatrix.load("access/matrix.txt");
	private final Requests requests = new Requests();
	private final KnownFailures known = new KnownFailures();
	private final Map<String, Map<Caller, Answer>> observed = new LinkedHashMap<>();
	private MatrixFixtures fixtures;

	@BeforeAll
	void signInEveryoneAndHarvestTheRecords() throws Exception {
		for (Caller caller : Caller.values()) {
			if (caller.signedIn()) {
				accounts.put(caller, users.loadUserByUsername(caller.username));
				MvcResult issued = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + caller.username + "\",\"password\":\"Demo@2026\"}")).andReturn();
				assertThat(issued.getResponse().getStatus()).as("token of " + caller.username).isEqualTo(201);
				tokens.put(caller, json.readTree(issued.getResponse().getContentAsString(StandardCharsets.UTF_8))
					.get("token").asString());
			}
		}
		fixtures = new MatrixFixtures(new FixtureClient(), jdbc, LocalDate.now(clock), Long.toString(System.nanoTime(), 36))
			.harvest();
	}

	@Test
	void theMatrixIsConsistent() {
		assertThat(matrix.inconsistencies()).isEmpty();
		assertThat(requests.unused(matrix.rows)).as("recipes of routes the matrix does not list").isEmpty();
		Set<String> rowKeys = matrix.rows.stream().map(Row::key).collect(Collectors.toSet());
		assertThat(known.all().keySet().stream().filter(key -> !rowKeys.contains(key.substring(0, key.lastIndexOf(' ')))))
			.as("known failures of lines the matrix does not have").isEmpty();
		matrix.views.values().forEach(names -> assertThat(fixtures.secrets.keySet()).containsAll(names));
	}

	/** A route the application answers but the matrix does not list has no decided answer: that fails. */
	@Test
	void everyRouteHasADecidedAnswer() throws Exception {
		JsonNode openApi = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		Set<Route> routes = new TreeSet<>(Routes.documented(openApi));
		routes.addAll(Routes.mapped(handlerMapping));
		Set<Route> decided = matrix.rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
		assertThat(routes.stream().filter(r -> !decided.contains(r)).map(Route::toString))
			.as("routes without a line in access/matrix.txt").isEmpty();
		assertThat(decided.stream().filter(r -> !routes.contains(r)).map(Route::toString))
			.as("lines of access/matrix.txt for routes the application no longer has").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsTheDecidedAnswer() {
		return matrix.rows.stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> check(row)));
	}

	private void check(Row row) throws Exception {
		Map<Caller, Answer> answers = new EnumMap<>(Caller.class);
		// reads are tried by all callers at once; writes one after the other, so that no two meet on a record
		Map<Caller, Future<Answer>> pending = new EnumMap<>(Caller.class);
		for (Caller caller : matrix.columns) {
			Callable<Answer> attempt = () -> row.cells().get(caller).token().equals("skip") ? new Answer(0, null, "")
					: answer(row, caller);
			pending.put(caller, row.route().write() ? CompletableFuture.completedFuture(attempt.call())
					: callers.submit(attempt));
		}
		for (Caller caller : matrix.columns) {
			answers.put(caller, pending.get(caller).get());
		}
		observed.put(row.key(), answers);
		List<String> wrong = new ArrayList<>();
		List<String> fixed = new ArrayList<>();
		for (Caller caller : matrix.columns) {
			Expectation expected = row.cells().get(caller);
			Answer answer = answers.get(caller);
			List<String> secrets = secretsOf(expected);
			boolean right = expected.accepts(answer, secrets);
			String why = known.of(row.key(), caller);
			// a known failure still answers as a refusal or an answer would: a failure of the server never passes
			if (answer.status() >= 500 && !expected.token().startsWith("5")) {
				wrong.add(caller.column + ": decided " + expected + ", the server failed: " + describe(answer, secrets));
			}
			else if (!right && why == null) {
				wrong.add(caller.column + ": decided " + expected + ", answered " + describe(answer, secrets));
			}
			else if (right && why != null) {
				fixed.add(caller.column + " (" + why + ")");
			}
		}
		row.cells().forEach((caller, expected) -> {
			if (expected.view() == null) {
				return;
			}
			for (String secret : secretsOf(expected)) {
				boolean shown = row.cells().entrySet().stream()
					.filter(e -> e.getValue().full())
					.map(e -> answers.get(e.getKey()))
					.anyMatch(a -> a.given() && a.shows(secret));
				if (!shown) {
					wrong.add(caller.column + ": view " + expected.view() + " proves nothing, no full answer shows '"
							+ secret + "'");
				}
			}
		});
		assertThat(wrong).as(row + " answered otherwise than decided").isEmpty();
		assertThat(fixed).as(row + " now answered as decided: delete these from KnownFailures").isEmpty();
	}

	private List<String> secretsOf(Expectation expected) {
		if (expected.view() == null) {
			return List.of();
		}
		return matrix.views.get(expected.view()).stream().flatMap(name -> fixtures.secrets.get(name).stream()).toList();
	}

	private static String describe(Answer answer, List<String> secrets) {
		String shown = secrets.stream().filter(answer::shows).collect(Collectors.joining(", "));
		return answer.status() + (answer.location() == null ? "" : " -> " + answer.location())
				+ (shown.isEmpty() ? "" : " showing " + shown);
	}

	private Answer answer(Row row, Caller caller) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = requests.of(row)
			.build(row.route().method(), row.route().path(), fixtures::id);
		request.with(r -> {
			r.setRemoteAddr(CLIENT_ADDRESS);
			return r;
		});
		if (row.route().api()) {
			if (caller.signedIn()) {
				request.header("Authorization", "Bearer " + tokens.get(caller));
			}
		}
		else {
			if (caller.signedIn()) {
				request.with(user(accounts.get(caller)));
			}
			if (row.route().write()) {
				request.with(csrf());
			}
		}
		MvcResult result = mvc.perform(request).andReturn();
		return new Answer(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(),
				result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** What each caller was answered, in the matrix's own layout, for whoever updates the matrix. */
	@AfterAll
	void writeWhatWasObserved() throws Exception {
		callers.shutdownNow();
		StringBuilder out = new StringBuilder(
				"# what AccessMatrixTests observed: not the decision, which is src/test/resources/access/matrix.txt\n");
		out.append(String.format("%-58s %-10s", "callers", "")).append(matrix.columns.stream()
			.map(c -> String.format("%-8s", c.column)).collect(Collectors.joining(" "))).append('\n');
		for (Row row : matrix.rows) {
			Map<Caller, Answer> answers = observed.get(row.key());
			if (answers == null) {
				continue;
			}
			out.append(String.format("%-58s %-10s", row.route(), row.variant()));
			out.append(matrix.columns.stream().map(c -> String.format("%-8s", answers.get(c).token()))
				.collect(Collectors.joining(" ")).stripTrailing()).append('\n');
		}
		Path file = Path.of("target", "access-matrix-observed.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out.toString());
	}

	/** The fixtures' calls: as the caller would make them, each required to succeed. */
	private final class FixtureClient implements MatrixFixtures.Client {

		@Override
		public JsonNode json(Caller caller, AbstractMockHttpServletRequestBuilder<?> request) {
			try {
				MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + tokens.get(caller)))
					.andReturn();
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				assertThat(result.getResponse().getStatus() / 100).as(caller.username + " " + body).isEqualTo(2);
				return json.readTree(body);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public String redirect(Caller caller, AbstractMockHttpServletRequestBuilder<?> request) {
			try {
				MvcResult result = mvc.perform(request.with(user(accounts.get(caller))).with(csrf())).andReturn();
				assertThat(result.getResponse().getStatus() / 100)
					.as(caller.username + " " + result.getResponse().getContentAsString(StandardCharsets.UTF_8))
					.isEqualTo(3);
				return result.getResponse().getRedirectedUrl();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
