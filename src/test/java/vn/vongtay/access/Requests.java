package vn.vongtay.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.vongtay.access.AccessMatrix.Row;

/**
 * How each line of the matrix is tried: which record each path variable names (an id harvested by
 * {@link MatrixFixtures}), and what is sent. A write is sent invalid on purpose — a stale {@code version}, a blank
 * required field, a file that is not a register — so that a caller who passes the access check is refused for the
 * content (the matrix's {@code gate}) and nothing shared by other tests changes. {@code ${name}} stands for a fixture.
 */
final class Requests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

	/** A request to make, the caller's credentials not yet added. */
	static final class Recipe {

		private final Map<String, String> variables = new LinkedHashMap<>();
		private final List<String[]> parameters = new ArrayList<>();
		private String contentType;
		private String body;
		private String[] file;

		/** The path variable {@code name} is the fixture {@code fixture}. */
		Recipe with(String name, String fixture) {
			variables.put(name, fixture);
			return this;
		}

		/** {@code {id}} is the fixture. */
		Recipe id(String fixture) {
			return with("id", fixture);
		}

		/** Query or form parameters, as name, value pairs. */
		Recipe params(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				parameters.add(new String[] { pairs[i], pairs[i + 1] });
			}
			return this;
		}

		Recipe json(String json) {
			contentType = MediaType.APPLICATION_JSON_VALUE;
			body = json;
			return this;
		}

		Recipe body(String type, String content) {
			contentType = type;
			body = content;
			return this;
		}

		/** A multipart request with one file part. */
		Recipe file(String part, String fileName, String content) {
			file = new String[] { part, fileName, content };
			return this;
		}

		AbstractMockHttpServletRequestBuilder<?> build(String method, String pattern, Function<String, String> fixtures) {
			Matcher variable = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (variable.find()) {
				String fixture = variables.get(variable.group(1));
				if (fixture == null) {
					throw new IllegalStateException(pattern + ": no fixture for {" + variable.group(1)
							+ "}; say which record it names in Requests");
				}
				variable.appendReplacement(path, Matcher.quoteReplacement(fixtures.apply(fixture)));
			}
			variable.appendTail(path);
			AbstractMockHttpServletRequestBuilder<?> request;
			if (file != null) {
				MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders
					.multipart(HttpMethod.valueOf(method), path.toString());
				multipart.file(new MockMultipartFile(file[0], file[1], MediaType.APPLICATION_OCTET_STREAM_VALUE,
						resolve(file[2], fixtures).getBytes(StandardCharsets.UTF_8)));
				request = multipart;
			}
			else {
				request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path.toString());
			}
			for (String[] parameter : parameters) {
				request.param(parameter[0], resolve(parameter[1], fixtures));
			}
			if (body != null) {
				request.contentType(contentType).content(resolve(body, fixtures).getBytes(StandardCharsets.UTF_8));
			}
			return request;
		}

		private static String resolve(String text, Function<String, String> fixtures) {
			Matcher placeholder = PLACEHOLDER.matcher(text);
			StringBuilder resolved = new StringBuilder();
			while (placeholder.find()) {
				placeholder.appendReplacement(resolved, Matcher.quoteReplacement(fixtures.apply(placeholder.group(1))));
			}
			placeholder.appendTail(resolved);
			return resolved.toString();
		}
	}

	private final Map<String, Recipe> recipes = new LinkedHashMap<>();

	/** The recipe of a line, or a plain request when its route has no variables and needs nothing. */
	Recipe of(Row row) {
		return recipes.getOrDefault(row.key(), new Recipe());
	}

	/** Keys of recipes that no line of the matrix uses (a recipe left behind when a route went). */
	List<String> unused(List<Row> rows) {
		List<String> keys = new ArrayList<>(recipes.keySet());
		rows.forEach(row -> keys.remove(row.key()));
		return keys;
	}

	private Recipe on(String route) {
		return on(route, null);
	}

	private Recipe on(String route, String variant) {
		Recipe recipe = new Recipe();
		String key = variant == null ? route : route + " [" + variant + "]";
		if (recipes.put(key, recipe) != null) {
			throw new IllegalStateException("two recipes for " + key);
		}
		return recipe;
	}

	/** A stale version: a caller let through is refused with 409 and nothing changes. */
	private static final String STALE = "{\"version\":-1}";

	Requests() {
		identity();
		children();
		casework();
		planning();
		outreach();
		prostitution();
		reporting();
		indicators();
		childFriendly();
		administration();
	}

	private void identity() {
		on("POST /api/v1/tokens").json("{\"username\":\"\",\"password\":\"\"}");
		on("POST /account/password").params("currentPassword", "ma-tran", "newPassword", "", "newPasswordConfirmation", "");
		on("POST /api/v1/me/password").json("{\"currentPassword\":\"ma-tran\",\"newPassword\":\"\"}");
		on("POST /account/tokens/{id}/revoke").id("caseWorkerToken");
		on("DELETE /api/v1/tokens/{id}").id("caseWorkerToken");
		on("GET /api/v1/users/{id}").id("caseWorkerAccount");
		on("GET /admin/users/{id}").id("caseWorkerAccount");
		on("POST /admin/users").params("username", "x", "displayName", "", "password", "short", "unitCodes", "",
				"version", "0", "enabled", "true");
		on("POST /admin/users/{id}").id("caseWorkerAccount")
			.params("version", "-1", "displayName", "", "unitCodes", "", "enabled", "true");
		on("POST /admin/users/{id}/unlock").id("caseWorkerAccount");
	}

	private void children() {
		on("GET /api/v1/children").params("q", "${childName}");
		on("GET /api/v1/children", "group").params("group", "${childGroup}");
		on("GET /api/v1/children", "at-risk").params("group", "${childGroup}", "atRisk", "true");
		on("GET /api/v1/children/count").params("q", "${childName}");
		on("GET /api/v1/children/count", "group").params("group", "${childGroup}");
		on("GET /api/v1/children/{id}").id("child");
		on("GET /api/v1/children/{id}", "xa.b").id("foreignChild");
		on("GET /children/{id}", "xa.b").id("foreignChild");
		on("GET /api/v1/children/supports").params("unit", "03253", "from", "2000-01-01", "to", "2100-01-01");
		on("POST /api/v1/children")
			.json("{\"fullName\":\"\",\"communeCode\":\"03253\",\"birthDateEstimated\":false,\"outOfSchool\":false}");
		on("POST /api/v1/children/imports").file("file", "ma-tran.csv", "not a register").params("commit", "false");
		on("POST /api/v1/children/imports/{id}/commit").id("childImport").json("{}");
		on("GET /children").params("q", "${childName}");
		on("GET /children", "group").params("group", "${childGroup}");
		on("GET /children/export.xlsx").params("q", "${childName}");
		on("GET /children/export.xlsx", "group").params("group", "${childGroup}");
		on("GET /children/{id}").id("child");
		on("GET /children/{id}/edit").id("child");
		on("GET /children/picker").params("q", "${childName}");
		on("POST /children").params("fullName", "", "communeCode", "03253");
		on("POST /children/{id}").id("child").params("version", "-1", "fullName", "", "communeCode", "03253");
		on("POST /children/{id}/move").id("child").params("version", "-1", "communeCode", "03295");
		on("POST /children/{id}/circumstances").id("child").params("groupCode", "ZZ", "from", "2020-01-01");
		on("POST /children/{id}/circumstances/{circumstanceId}/end").id("child")
			.with("circumstanceId", "childCircumstance").params("to", "1900-01-01");
		on("POST /children/{id}/supports").id("child").params("amountVnd", "1000");
		on("POST /children/{id}/assign").id("awaitingChild").params("communeCode", "ma-tran");
		// a file that is no register: the run is the uploader's own, and fails its check in the background
		on("POST /children/imports").file("file", "ma-tran.csv", "ma trận");
		on("GET /children/imports/{id}").id("childImport");
		on("GET /children/imports/{id}/progress").id("childImport");
		// the fixture's run is discarded: its file is no longer kept, so its uploader is answered 409
		on("GET /children/imports/{id}/rejected.xlsx").id("childImport");
		on("POST /children/imports/{id}/commit").id("childImport");
		on("POST /children/imports/{id}/discard").id("childImport");
	}

	private void childFriendly() {
		on("GET /api/v1/child-friendly/communes").params("year", "2022", "unit", "03253");
		on("GET /api/v1/child-friendly/recognised").params("year", "2024");
		on("GET /api/v1/child-friendly/criteria").params("year", "2022");
		// a start without the commune's kind: refused for its content once the caller may start one
		on("POST /api/v1/child-friendly/assessments").json("{\"unitCode\":\"03253\",\"year\":2022}");
		on("POST /child-friendly/assessments").params("unitCode", "03253", "year", "2022", "category", "");
		on("GET /api/v1/child-friendly/assessments/{id}").id("assessment");
		on("GET /api/v1/child-friendly/assessments/{id}", "xa.b").id("foreignAssessment");
		on("GET /child-friendly/assessments/{id}").id("assessment");
		on("GET /child-friendly/assessments/{id}/files/{fileId}").id("assessment").with("fileId", "assessmentFile");
		on("PUT /api/v1/child-friendly/assessments/{id}/scores").id("assessment").json(STALE);
		on("POST /child-friendly/assessments/{id}/scores").id("assessment").params("version", "-1");
		// a file of a type no office keeps as evidence
		on("POST /api/v1/child-friendly/assessments/{id}/files").id("assessment").file("file", "ma-tran.exe", "ma trận");
		on("POST /child-friendly/assessments/{id}/files").id("assessment").file("file", "ma-tran.exe", "ma trận");
		// the fixture's assessment is a draft: submitting it unscored, reviewing or deciding it are refused
		on("POST /api/v1/child-friendly/assessments/{id}/submit").id("assessment").json(STALE);
		on("POST /child-friendly/assessments/{id}/submit").id("assessment").params("version", "-1");
		on("POST /api/v1/child-friendly/assessments/{id}/review").id("assessment").json(STALE);
		on("POST /child-friendly/assessments/{id}/review").id("assessment").params("version", "-1");
		on("POST /api/v1/child-friendly/assessments/{id}/decision").id("assessment").json(STALE);
		on("POST /child-friendly/assessments/{id}/decision").id("assessment").params("version", "-1");
		on("PUT /api/v1/child-friendly/criteria/items/{id}").id("criterionItem").json(STALE);
		on("POST /child-friendly/criteria/items/{id}").id("criterionItem").params("version", "-1");
		on("PUT /api/v1/child-friendly/criteria/criteria/{id}").id("criterion").json(STALE);
		on("POST /child-friendly/criteria/criteria/{id}").id("criterion").params("version", "-1");
	}

	private void casework() {
		on("POST /api/v1/reports").json("{\"channel\":\"PHONE\",\"childUnitCode\":\"03253\"}");
		on("GET /api/v1/reports/{id}").id("report");
		on("GET /reports/{id}").id("report");
		on("POST /reports").params("channel", "PHONE", "childUnitCode", "03253");
		// the matrix's case by its number: other tests add cases to the commune, and lists show the next due first
		on("GET /cases").params("q", "${caseNumber}");
		on("GET /api/v1/cases").params("q", "${caseNumber}");
		on("GET /api/v1/cases/{id}").id("case");
		on("GET /api/v1/cases/{id}", "xa.b").id("foreignCase");
		on("GET /cases/{id}", "xa.b").id("foreignCase");
		on("GET /api/v1/cases/{id}/summary").id("case");
		on("GET /api/v1/cases/{id}/forms/{number}").id("case").with("number", "formNumber");
		on("GET /cases/{id}").id("case");
		on("GET /cases/{id}/forms/{number}").id("case").with("number", "formNumber");
		// a reason too short to break the glass: a supervisor who passes the check is told so, and gains nothing
		on("POST /api/v1/cases/{id}/break-glass").id("case").json("{\"text\":\"x\"}");
		on("POST /cases/{id}/break-glass").id("case").params("reason", "x");
		String text = "{\"version\":-1,\"text\":\"ma trận\"}";
		Map<String, String> steps = new LinkedHashMap<>();
		steps.put("verify", text);
		steps.put("dismiss", "{\"version\":-1,\"reason\":\"ma trận\"}");
		steps.put("initial-assessment", "{\"version\":-1,\"form\":{}}");
		steps.put("emergency-measures", "{\"version\":-1,\"form\":{}}");
		steps.put("detailed-assessment", "{\"version\":-1,\"form\":{}}");
		steps.put("close-without-plan", "{\"version\":-1,\"outcome\":\"SAFE_WITH_FAMILY\",\"reason\":\"ma trận\"}");
		steps.put("plan/submit", text);
		steps.put("plan/return", text);
		steps.put("plan/approve", "{\"version\":-1}");
		steps.put("review", "{\"version\":-1,\"form\":{\"close\":false,\"findings\":\"ma trận\",\"ratings\":{"
				+ "\"HARM_STILL_SERIOUS\":\"LOW\",\"ABUSER_ACCESS\":\"LOW\",\"CARE_ENVIRONMENT_OBSTACLES\":\"LOW\","
				+ "\"SELF_PROTECTION_AND_RECOVERY\":\"HIGH\"}}}");
		steps.put("reopen", text);
		steps.put("transfer", "{\"version\":-1,\"toCommuneCode\":\"03295\",\"reason\":\"ma trận\"}");
		steps.put("escalate", text);
		steps.put("referrals", "{\"version\":-1,\"form\":{\"shareName\":false,\"shareAddress\":false,"
				+ "\"shareCaregiver\":false}}");
		steps.forEach((step, json) -> {
			on("POST /api/v1/cases/{id}/" + step).id("case").json(json);
			// the page's fields for every step at once: each step reads its own, the others are ignored
			on("POST /cases/{id}/" + step).id("case").params("version", "-1", "reason", "ma trận", "comment", "ma trận",
					"toCommuneCode", "03295", "outcome", "SAFE_WITH_FAMILY", "findings", "ma trận",
					"rating-HARM_STILL_SERIOUS", "LOW", "rating-ABUSER_ACCESS", "LOW", "rating-CARE_ENVIRONMENT_OBSTACLES",
					"LOW", "rating-SELF_PROTECTION_AND_RECOVERY", "HIGH");
		});
		on("PUT /api/v1/cases/{id}/plan").id("case").json("{\"version\":-1,\"form\":{}}");
		on("POST /cases/{id}/plan").id("case").params("version", "-1");
		on("PUT /api/v1/cases/{id}/classification").id("case").json("{\"version\":-1,\"form\":{}}");
		on("POST /cases/{id}/classification").id("case").params("version", "-1");
		on("POST /api/v1/cases/{id}/assign").id("case").json("{\"version\":-1,\"caseWorkerId\":${caseWorkerAccount}}");
		on("POST /cases/{id}/assign").id("case").params("version", "-1", "caseWorkerId", "${caseWorkerAccount}");
		on("POST /api/v1/cases/{id}/child").id("case").json("{\"version\":-1,\"childId\":${child}}");
		on("POST /cases/{id}/child").id("case").params("version", "-1", "childId", "${child}");
		on("POST /api/v1/cases/{id}/plan/items/{item}").id("case").with("item", "casePlanItem")
			.json("{\"version\":-1,\"status\":\"DONE\"}");
		on("POST /cases/{id}/plan/items/{item}").id("case").with("item", "casePlanItem")
			.params("version", "-1", "status", "DONE");
		on("POST /cases/{id}/circumstance").id("case").params("group", "ZZ");
		on("POST /cases/{id}/referrals/{referral}/{answer}").id("case").with("referral", "referral")
			.with("answer", "referralAnswer").params("version", "-1", "text", "ma trận");
		on("GET /api/v1/referrals/{id}").id("referral");
		on("GET /referrals/{id}").id("referral");
		for (String answer : List.of("accept", "decline", "complete")) {
			on("POST /api/v1/referrals/{id}/" + answer).id("referral").json("{\"version\":-1,\"text\":\"ma trận\"}");
		}
		on("POST /referrals/{id}/{answer}").id("referral").with("answer", "referralAnswer")
			.params("version", "-1", "text", "ma trận");
		on("PUT /api/v1/casework/deadline-rules/{unitCode}").with("unitCode", "commune")
			.json("{\"version\":-1,\"emergencyHours\":-1,\"planWorkingDays\":-1}");
		on("POST /admin/case-deadlines").params("unitCode", "03253", "emergencyHours", "-1", "planWorkingDays", "-1");
		on("POST /admin/case-deadlines/remove").params("unitCode", "03295");
		// the public form with its robot trap filled: refused before anything is counted or stored
		on("POST /report").params("website", "ma-tran", "condition", "ma trận");
	}

	private void planning() {
		on("GET /api/v1/plans/{id}").id("plan");
		on("GET /api/v1/plans/{id}/document").id("plan");
		on("GET /plans/{id}").id("plan");
		on("GET /plans/{id}/export").id("plan");
		on("POST /api/v1/plans", "yaml").body("application/yaml", "ma: tran\n");
		on("POST /api/v1/plans", "file").file("file", "ma-tran.yaml", "ma: tran\n");
		on("POST /plans/import").file("file", "ma-tran.yaml", "ma: tran\n");
		on("POST /plans/{planId}/targets/{targetId}/achievements").with("planId", "plan").with("targetId", "target")
			.params("value", "1", "asOf", "2999-01-01");
		on("GET /api/v1/tasks/{id}/progress").id("task");
		on("POST /api/v1/tasks/{id}/progress").id("task")
			.json("{\"agencyId\":${taskAgency},\"period\":\"2199\",\"version\":-1}");
		on("GET /plans/tasks/{id}").id("task");
		on("POST /plans/tasks/{id}/progress").id("task")
			.params("agencyId", "${taskAgency}", "period", "2199", "version", "-1");
		on("GET /plans/evidence/{id}").id("evidence");
		// the task has an owner, and -1 is no agency: a manager of the plan is answered 409 or 422, nothing changes
		on("POST /api/v1/tasks/{id}/handover").id("task").json("{\"agencyId\":-1,\"version\":-1}");
		on("POST /plans/tasks/{id}/handover").id("task").params("agencyId", "-1", "version", "-1");
		on("POST /api/v1/tasks/{id}/close").id("task").json("{\"reason\":\"\",\"version\":-1}");
		on("POST /plans/tasks/{id}/close").id("task").params("reason", "", "version", "-1");
	}

	private void outreach() {
		on("GET /api/v1/outreach/activities/{id}").id("forum");
		on("GET /api/v1/outreach/activities/{id}/opinions").id("forum");
		on("GET /outreach/activities/{id}").id("forum");
		on("POST /api/v1/outreach/activities").json("{\"title\":\"\"}");
		on("POST /outreach/activities").params("title", "");
		on("POST /outreach/activities/{id}").id("forum").params("version", "-1", "title", "");
		on("POST /api/v1/outreach/activities/{id}/opinions").id("forum").json("{\"content\":\"\"}");
		on("POST /outreach/activities/{id}/opinions").id("forum").params("content", "");
		on("GET /outreach/materials/{id}").id("material");
		on("POST /api/v1/outreach/opinions/{id}/answer").id("opinion").json("{\"version\":-1,\"answer\":\"\"}");
		on("POST /outreach/opinions/{id}/answer").id("opinion").params("version", "-1", "answer", "");
		on("GET /api/v1/outreach/figures").params("unit", "03253");
		on("GET /outreach/coverage").params("unit", "03253");
	}

	private void prostitution() {
		on("GET /api/v1/prostitution/establishments/{id}").id("establishment");
		on("GET /prostitution/establishments/{id}").id("establishment");
		on("POST /api/v1/prostitution/establishments").json("{\"name\":\"\"}");
		on("POST /prostitution/establishments").params("name", "");
		on("POST /prostitution/establishments/{id}").id("establishment").params("version", "-1", "name", "");
		on("GET /api/v1/prostitution/figures").params("unit", "${preventionUnit}");
		on("GET /prostitution/figures").params("unit", "${preventionUnit}");
		on("GET /api/v1/prostitution/inspections/{id}").id("inspection");
		on("GET /prostitution/inspections/{id}").id("inspection");
		on("POST /api/v1/prostitution/inspections").json("{\"findings\":\"\"}");
		on("POST /prostitution/inspections").params("findings", "");
		on("POST /prostitution/inspections/{id}/follow-ups/{followUp}").id("inspection").with("followUp", "followUp")
			.params("doneOn", "1900-01-01");
		on("POST /api/v1/prostitution/teams").json("{\"name\":\"\"}");
		on("POST /prostitution/teams").params("name", "");
		on("GET /api/v1/prostitution/support-records/{id}").id("supportRecord");
		on("GET /prostitution/support/{id}").id("supportRecord");
		on("POST /prostitution/support").params("birthYear", "1800");
		on("POST /prostitution/support/{id}").id("supportRecord").params("version", "-1", "birthYear", "1800");
		on("POST /prostitution/support/{id}/services").id("supportRecord").params("service", "");
		on("GET /api/v1/prostitution/tip-offs/{id}").id("tipOff");
		on("GET /prostitution/tip-offs/{id}").id("tipOff");
		on("POST /api/v1/prostitution/tip-offs").json("{\"content\":\"\"}");
		on("POST /prostitution/tip-offs").params("content", "");
		on("POST /api/v1/prostitution/tip-offs/{id}/steps").id("tipOff").json(STALE);
		on("POST /prostitution/tip-offs/{id}/steps").id("tipOff").params("version", "-1");
	}

	private void reporting() {
		on("GET /api/v1/reporting/completeness").params("period", "${reportPeriod}");
		on("GET /reporting/completeness").params("period", "${reportPeriod}");
		on("GET /api/v1/reporting/obligations").params("unit", "03253");
		on("GET /api/v1/reporting/obligations/{id}").id("obligation");
		on("GET /reporting/obligations/{id}").id("obligation");
		// the obligation's report exists already: opening it again changes nothing
		on("POST /api/v1/reporting/obligations/{id}/report").id("obligation");
		on("POST /reporting/obligations/{id}/report").id("obligation");
		on("GET /api/v1/reporting/reports/{id}").id("periodicReport");
		on("GET /reporting/reports/{id}").id("periodicReport");
		on("GET /api/v1/reporting/reports/{id}/export.{format}").id("periodicReport").with("format", "exportFormat");
		on("GET /reporting/reports/{id}/export.{format}").id("periodicReport").with("format", "exportFormat");
		on("PUT /api/v1/reporting/reports/{id}").id("periodicReport").json(STALE);
		on("POST /reporting/reports/{id}").id("periodicReport").params("version", "-1");
		for (String step : List.of("submit", "return", "accept")) {
			on("POST /api/v1/reporting/reports/{id}/" + step).id("periodicReport").json(STALE);
			on("POST /reporting/reports/{id}/" + step).id("periodicReport").params("version", "-1");
		}
		on("POST /reporting/reports/{id}/refresh").id("periodicReport");
		// the due date left blank: refused for its content once the caller is known to receive the report
		on("PUT /api/v1/reporting/obligations/{id}/due").id("obligation").json(STALE);
		on("POST /reporting/obligations/{id}/due").id("obligation").params("version", "-1", "dueOn", "");
	}

	private void indicators() {
		on("GET /api/v1/indicators/{code}").with("code", "indicator");
		on("GET /api/v1/indicators/{code}/values").with("code", "indicator").params("unit", "03253", "period", "2026");
		on("GET /api/v1/indicators/{code}/dashboard").with("code", "indicator").params("unit", "03253", "period", "2026");
		on("GET /api/v1/indicators/entries").params("unit", "03253", "period", "2026");
		on("PUT /api/v1/indicators/{code}/values").with("code", "enteredIndicator")
			.params("unit", "03253", "period", "2026").json("{\"value\":\"ma trận\",\"version\":-1}");
		on("POST /api/v1/indicators/{code}/values").with("code", "enteredIndicator")
			.params("unit", "03253", "period", "2026").json("{\"value\":\"ma trận\",\"version\":-1}");
		// an official figure with neither value nor document: refused for its content once the caller may record it
		on("PUT /api/v1/indicators/{code}/official").with("code", "indicator").params("unit", "03253", "period", "2026")
			.json(STALE);
		on("GET /indicators/{code}").with("code", "indicator").params("unit", "03253", "period", "2026");
		on("GET /indicators/entry").params("unit", "03253", "period", "2026");
		on("POST /indicators/entry").params("unit", "03253", "period", "2026", "v:${enteredIndicator}", "ma trận");
		on("GET /admin/indicators/{code}/edit").with("code", "indicator");
		on("POST /admin/indicators").params("code", "", "version", "-1");
	}

	private void administration() {
		on("GET /api/v1/agencies").params("q", "Tuần Giáo");
		on("GET /admin/agencies").params("q", "Tuần Giáo");
		on("GET /api/v1/agencies/{id}").id("agency");
		on("GET /api/v1/agencies/{id}/succession").id("agency");
		on("GET /admin/agencies/{id}").id("agency");
		on("POST /admin/agencies").params("name", "", "unitCode", "03253");
		on("POST /admin/agencies/{id}").id("agency").params("version", "-1", "name", "", "unitCode", "03253");
		on("GET /api/v1/calendar/{year}").with("year", "calendarYear");
		on("GET /api/v1/calendar/working-days").params("from", "2026-12-01", "days", "5");
		on("POST /api/v1/calendar/overrides").json("{\"day\":\"ma-tran\"}");
		on("DELETE /api/v1/calendar/overrides/{id}").id("calendarOverride").params("version", "-1");
		on("POST /admin/calendar/overrides").params("day", "ma-tran");
		on("POST /admin/calendar/overrides/{id}/remove").id("calendarOverride").params("version", "-1");
		on("GET /api/v1/units/{code}").with("code", "commune");
		on("GET /api/v1/units/{code}/successors").with("code", "formerCommune");
		on("POST /admin/units/import").file("file", "ma-tran.csv", "ma trận").params("layout", "ma-tran");
		on("POST /notifications/{id}/open").id("notification");
	}
}
