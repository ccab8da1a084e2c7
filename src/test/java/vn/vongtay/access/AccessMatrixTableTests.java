package vn.vongtay.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.access.AccessMatrix.Answer;
import vn.vongtay.access.AccessMatrix.Expectation;
import vn.vongtay.access.AccessMatrix.Route;

/** The matrix's own rules, without the application: what a cell accepts, and which tables are refused. */
class AccessMatrixTableTests {

	private static final String CALLERS = "callers anon admin tinh huyen xa.a xa.b chutich cb ctv 111 lanhdao thanhtra "
			+ "ldtbxh congan soyte\n";

	@Test
	void aGateIsPassedOnlyByARefusalOfTheRequestsContent() {
		Expectation gate = Expectation.parse("gate");
		assertThat(List.of(400, 409, 413, 415, 422)).allMatch(status -> gate.accepts(answer(status), List.of()));
		assertThat(List.of(200, 302, 401, 403, 404, 405, 500)).noneMatch(status -> gate.accepts(answer(status), List.of()));
	}

	@Test
	void aReducedViewRefusesAnAnswerShowingASecretInItsBodyOrWhereItPoints() {
		Expectation view = Expectation.parse("ok:collab");
		assertThat(view.accepts(new Answer(200, null, "{\"notes\":null}"), List.of("ghi-chu"))).isTrue();
		assertThat(view.accepts(new Answer(200, null, "{\"notes\":\"ghi-chu\"}"), List.of("ghi-chu"))).isFalse();
		Expectation moved = Expectation.parse("moved:notice");
		assertThat(moved.accepts(new Answer(302, "/notifications", ""), List.of("/cases/6"))).isTrue();
		assertThat(moved.accepts(new Answer(302, "/cases/6", ""), List.of("/cases/6"))).isFalse();
	}

	@Test
	void aRedirectToSignInIsNoOtherRedirect() {
		assertThat(Expectation.parse("login").accepts(new Answer(302, "http://localhost/login", ""), List.of())).isTrue();
		assertThat(Expectation.parse("moved").accepts(new Answer(302, "http://localhost/login", ""), List.of())).isFalse();
		assertThat(Expectation.parse("no").accepts(answer(403), List.of())).isTrue();
		assertThat(Expectation.parse("no").accepts(answer(404), List.of())).isTrue();
		assertThat(Expectation.parse("no").accepts(answer(200), List.of())).isFalse();
	}

	@Test
	void aGateWithoutACallerRefusedTheSameRequestProvesNothing() {
		AccessMatrix vacuous = AccessMatrix.parse(CALLERS
				+ "POST /x - login gate gate gate gate gate gate gate gate gate gate gate gate gate gate\n");
		assertThat(vacuous.inconsistencies()).singleElement().asString().contains("needs a signed-in caller refused");
		AccessMatrix witnessed = AccessMatrix.parse(CALLERS
				+ "POST /x - login gate gate gate gate gate gate gate gate gate gate gate gate gate 403\n");
		assertThat(witnessed.inconsistencies()).isEmpty();
	}

	@Test
	void aReducedViewNeedsACallerWhoSeesTheWholeAndAViewThatExists() {
		AccessMatrix unproved = AccessMatrix.parse(CALLERS + "view collab: notes\n"
				+ "GET /x - login ok:collab 403 403 403 403 403 403 403 403 403 403 403 403 403\n");
		assertThat(unproved.inconsistencies()).singleElement().asString().contains("sees the whole answer");
		AccessMatrix unknown = AccessMatrix.parse(CALLERS
				+ "GET /x - login ok ok:nothing 403 403 403 403 403 403 403 403 403 403 403 403\n");
		assertThat(unknown.inconsistencies()).singleElement().asString().contains("no view named nothing");
	}

	@Test
	void aRouteIsDecidedOnceAndEveryCallerHasACell() {
		String line = "GET /x - login ok ok ok ok ok ok ok ok ok ok ok ok ok ok\n";
		assertThat(AccessMatrix.parse(CALLERS + line + line).inconsistencies()).singleElement().asString()
			.contains("listed twice");
		assertThatThrownBy(() -> AccessMatrix.parse(CALLERS + "GET /x - login ok ok\n"))
			.hasMessageContaining("15 cells expected");
		assertThatThrownBy(() -> AccessMatrix.parse(CALLERS + line.replace("login", "maybe")))
			.hasMessageContaining("unknown cell 'maybe'");
		assertThatThrownBy(() -> AccessMatrix.parse("callers anon admin\n")).hasMessageContaining("every caller once");
	}

	/** The routes are the application's own, named as OpenAPI names them, so the two sources meet. */
	@Test
	void routesAreReadFromTheDispatcherWithTheirVariablesUnconstrained() {
		try (AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext()) {
			context.setServletContext(new MockServletContext());
			context.register(Web.class, Pages.class);
			context.refresh();
			assertThat(Routes.mapped(context.getBean(RequestMappingHandlerMapping.class))).containsExactly(
					new Route("GET", "/any"), new Route("GET", "/calendar/{year}"), new Route("POST", "/calendar/{year}"));
		}
	}

	@Test
	void routesAreReadFromTheOpenApiDocumentsOperations() {
		var document = JsonMapper.builder().build().readTree("""
				{"paths": {"/api/v1/x/{id}": {"get": {}, "delete": {}, "parameters": []}}}""");
		assertThat(Routes.documented(document)).containsExactly(new Route("DELETE", "/api/v1/x/{id}"),
				new Route("GET", "/api/v1/x/{id}"));
	}

	private static Answer answer(int status) {
		return new Answer(status, null, "");
	}

	@Configuration
	@EnableWebMvc
	static class Web {
	}

	@Controller
	static class Pages {

		@GetMapping("/calendar/{year:\\d+}")
		String year(@PathVariable int year) {
			return "year";
		}

		@PostMapping("/calendar/{year:\\d+}")
		String change(@PathVariable int year) {
			return "year";
		}

		@RequestMapping("/any")
		String any() {
			return "any";
		}
	}
}
