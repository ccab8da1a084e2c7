package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;
import vn.vongtay.children.Sex;

/**
 * Intake (step 1, Mẫu 01): a report goes to the child's commune, else to where it happened, joins the open case of
 * the same child, follows an abolished commune to its full successor and is refused for a split one; a retried call
 * records nothing twice; input that cannot be a child's case is refused with the field named and nothing stored; the
 * commune's staff are told; a double-click on the staff form stores one report; the public page takes reports without
 * an account and keeps robots and floods out, at 5 reports an hour per client however the client names itself in
 * {@code X-Forwarded-For} (only a configured proxy may, see {@code PublicReportProxyTests}) and however many it sends
 * at once: the count and the record are one step in the database, so several instances share the limit too.
 */
@IntegrationTest
class ReportIntakeTests extends CaseworkTestSupport {

	private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(TB-[0-9A-Z]{4}-[0-9A-Z]{4})<");

	@Autowired
	PublicIntake publicIntake;

	@Test
	void aReportAboutARegisterChildGoesToTheChildsCommuneWhereverItHappened() {
		long child = registerChild("xa.b", QUAI_TO, "Lò Thị " + unique());
		Reports.Receipt receipt = as("tongdai111", () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
				now().minusMinutes(10), null, child, null, null, null, null, null, null, "Chợ trung tâm Tuần Giáo",
				TUAN_GIAO, "Trẻ đi lang thang ở chợ, bị người lạ dụ dỗ.", null, null, null, null, Set.of(), null, null,
				null, null)));
		assertThat(unitCodeOf(receipt.caseId())).isEqualTo(QUAI_TO);
		assertThat(receipt.unitName()).isEqualTo("Xã Quài Tở");
		assertThat(receipt.joinedOpenCase()).isFalse();
		assertThat(as("xa.b", () -> cases.get(receipt.caseId())).childId()).isEqualTo(child);
	}

	@Test
	void aReportAboutAChildNotInTheRegisterGoesToTheCommuneNamedElseToWhereItHappened() {
		Reports.Receipt named = as("tongdai111", () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
				now().minusMinutes(10), null, null, "Cà Văn " + unique(), Sex.MALE, null, 7, null, QUAI_TO, "Chợ",
				TUAN_GIAO, "Trẻ bị đánh ở chợ.", null, null, null, null, Set.of(), null, null, null, null)));
		assertThat(unitCodeOf(named.caseId())).isEqualTo(QUAI_TO);

		Reports.Receipt where = as("tongdai111", () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
				now().minusMinutes(10), null, null, null, Sex.UNKNOWN, null, 5, null, null, "Bến xe Tuần Giáo",
				TUAN_GIAO, "Một em nhỏ khoảng 5 tuổi bị bỏ lại ở bến xe.", null, null, null, null, Set.of(), null, null,
				null, null)));
		assertThat(unitCodeOf(where.caseId())).isEqualTo(TUAN_GIAO);
		assertThat(where.unitName()).isEqualTo("Xã Tuần Giáo");
	}

	@Test
	void aSecondReportAboutAChildWithAnOpenCaseJoinsItAndTellsTheCaseWorker() {
		long child = registerChild("cb.a", TUAN_GIAO, "Quàng Thị " + unique());
		Reports.Receipt first = as("cb.a", () -> reports.receive(concernAbout(child, ReportChannel.SCHOOL,
				now().minusHours(2))));
		assertThat(first.joinedOpenCase()).isFalse();
		String link = "/cases/" + first.caseId();
		long told = notifications("cb.a", "casework.notify.report-joined", link);

		Reports.Receipt second = as("tongdai111", () -> reports.receive(concernAbout(child, ReportChannel.HOTLINE_111,
				now().minusMinutes(5))));

		assertThat(second.joinedOpenCase()).isTrue();
		assertThat(second.caseId()).isEqualTo(first.caseId());
		assertThat(second.caseNumber()).isEqualTo(first.caseNumber());
		ChildCase joined = asCaseWorker(first.caseId());
		assertThat(joined.reports()).extracting(Report::reference).containsExactly(first.reference(), second.reference());
		assertThat(joined.reports().get(1).joinedOpenCase()).isTrue();
		assertThat(joined.steps()).filteredOn(s -> s.step().equals("REPORT_JOINED")).singleElement()
			.satisfies(s -> assertThat(s.note()).isEqualTo(second.reference()));
		assertThat(notifications("cb.a", "casework.notify.report-joined", link)).isEqualTo(told + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.child_case WHERE child_id = :child").param("child", child)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCollaboratorsReportAboutAChildWithAnOpenCaseAnswersLikeOneAboutAChildWithoutAndNamesNoCase() throws Exception {
		long village = jdbc.sql("""
				SELECT uv.village_id FROM identity.user_village uv JOIN identity.app_user u ON u.id = uv.user_id
				WHERE u.username = 'ctv.a'""").query(Long.class).single();
		List<Long> villagers = jdbc.sql("""
				SELECT c.id FROM children.child c WHERE c.village_id = :village
				  AND c.birth_date > CAST(now() AS date) - INTERVAL '15 years'
				  AND NOT EXISTS (SELECT 1 FROM casework.child_case k WHERE k.child_id = c.id)
				ORDER BY c.id LIMIT 2""").param("village", village).query(Long.class).list();
		assertThat(villagers).hasSize(2);
		long withCase = villagers.get(0);
		long withoutCase = villagers.get(1);
		long openCase = as("cb.a", () -> reports.receive(concernAbout(withCase, ReportChannel.SCHOOL,
				now().minusHours(3)))).caseId();
		verify(openCase);
		assessInitial(openCase, RiskLevel.HIGH);

		Reports.Receipt aboutCase = as("ctv.a", () -> reports.receive(concernAbout(withCase, ReportChannel.IN_PERSON,
				now().minusMinutes(5))));
		Reports.Receipt aboutNone = as("ctv.a", () -> reports.receive(concernAbout(withoutCase,
				ReportChannel.IN_PERSON, now().minusMinutes(5))));

		for (Reports.Receipt receipt : List.of(aboutCase, aboutNone)) {
			assertThat(receipt).as("the receipt names the commune, not a case")
				.extracting(Reports.Receipt::caseId, Reports.Receipt::caseNumber, Reports.Receipt::joinedOpenCase)
				.containsOnlyNulls();
			assertThat(receipt.unitName()).isEqualTo("Xã Tuần Giáo");
			Report report = as("ctv.a", () -> reports.get(receipt.reportId()));
			assertThat(report).extracting(Report::caseId, Report::caseNumber, Report::caseStage, Report::joinedOpenCase)
				.containsOnlyNulls();
			JsonNode api = read(apiGet("ctv.a", "/api/v1/reports/" + receipt.reportId()).andExpect(status().isOk()));
			assertThat(api.get("caseNumber").isNull()).isTrue();
			assertThat(api.get("caseStage").isNull()).isTrue();
			assertThat(api.get("joinedOpenCase").isNull()).isTrue();
			assertThat(pageBody("ctv.a", "/reports/" + receipt.reportId())).contains(receipt.reference())
				.doesNotContain(number(openCase), "Đã đánh giá nguy cơ ban đầu");
		}
		assertThat(text(apiGet("ctv.a", "/api/v1/reports").andExpect(status().isOk()))).doesNotContain(number(openCase));
		assertThat(pageBody("ctv.a", "/reports")).doesNotContain(number(openCase));
		// the report still went where it belongs: the case worker sees it joined to the child's open case
		assertThat(asCaseWorker(openCase).reports()).extracting(Report::reference).contains(aboutCase.reference());
		assertThat(notifications("cb.a", "casework.notify.report-joined", "/cases/" + openCase)).isEqualTo(1);
	}

	@Test
	void aDoubleClickOnTheStaffFormStoresTheReportOnceAndAnswersBothClicksWithIt() throws Exception {
		MvcResult form = page("cb.a", get("/reports/new")).andExpect(status().isOk()).andReturn();
		Cookie session = form.getResponse().getCookie("SESSION");
		Matcher key = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"")
			.matcher(form.getResponse().getContentAsString(StandardCharsets.UTF_8));
		String child = child("Lò Văn ");
		Callable<MvcResult> click = () -> {
			MockHttpServletRequestBuilder post = post("/reports").with(csrf()).param("channel", "PHONE")
				.param("childName", child).param("childAgeYears", "9").param("childUnitCode", TUAN_GIAO)
				.param("condition", "Trẻ bị bỏ đói nhiều ngày.");
			if (session != null) {
				post.cookie(session);
			}
			if (key.find(0)) {
				post.param("submission", key.group(1));
			}
			return page("cb.a", post).andReturn();
		};
		ExecutorService clicks = Executors.newFixedThreadPool(2);
		List<Future<MvcResult>> answers;
		try {
			answers = clicks.invokeAll(List.of(click, click));
		}
		finally {
			clicks.shutdown();
		}
		List<String> shown = new ArrayList<>();
		for (Future<MvcResult> answer : answers) {
			assertThat(answer.get().getResponse().getStatus()).as("each click is answered with the report").isEqualTo(302);
			shown.add(answer.get().getResponse().getRedirectedUrl());
		}
		assertThat(reportsAbout(child)).as("stored once").isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM casework.report WHERE child_name = :name").param("name", child)
			.query(Long.class).single();
		assertThat(shown).allSatisfy(url -> assertThat(url).startsWith("/reports/" + id));
		assertThat(pageBody("cb.a", shown.get(0))).contains("Đã ghi nhận thông báo", child);
	}

	@Test
	void aReportWhoseCommuneNobodyKnowsGoesToTheProvinceEscalatedAndTheProvinceTransfersItToTheCommune() {
		String child = "Lò Văn " + unique();
		Reports.Receipt receipt = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111,
				now().minusMinutes(15), child, "11", null)));
		long id = receipt.caseId();
		assertThat(unitCodeOf(id)).isEqualTo("11");
		assertThat(receipt.unitName()).isEqualTo("Tỉnh Điện Biên");
		assertThat(notifications("tinh.dienbien", "casework.notify.report-routed", "/cases/" + id)).isEqualTo(1);
		ChildCase atProvince = as("tinh.dienbien", () -> cases.get(id));
		assertThat(atProvince.childName()).isEqualTo(child);
		assertThat(atProvince.escalationReason()).isEqualTo("casework.escalation.commune-unknown");
		assertThat(refusal(() -> as("xa.a", () -> cases.get(id))).status()).isEqualTo(404);

		as("tinh.dienbien", () -> {
			process.transfer(id, version(id), TUAN_GIAO, "Xác minh được trẻ sống ở bản Đông, xã Tuần Giáo.");
			return null;
		});

		ChildCase inCommune = asCaseWorker(id);
		assertThat(inCommune.unitCode()).isEqualTo(TUAN_GIAO);
		assertThat(inCommune.caseWorkerName()).isEqualTo(displayName("cb.a"));
		assertThat(notifications("xa.a", "casework.notify.transferred-in", "/cases/" + id)).isEqualTo(1);
		assertThat(as("tinh.dienbien", () -> cases.view(id))).as("no longer escalated").isEqualTo(Cases.View.SUMMARY);
	}

	@Test
	void aRetriedCallWithTheSameExternalReferenceRecordsNothingNewAndAnswersTheFirstReceipt() throws Exception {
		String ticket = "111-" + unique();
		String body = """
				{"channel":"HOTLINE_111","externalReference":"%s","childName":"Lò Văn %s","childSex":"MALE",
				 "childAgeYears":8,"childUnitCode":"03253","condition":"Trẻ bị bỏ đói nhiều ngày.",
				 "suspectedForms":["NEGLECT"]}""".formatted(ticket, unique());
		JsonNode first = read(apiPost("tongdai111", "/api/v1/reports", body).andExpect(status().isCreated()));
		long reportsBefore = count("casework.report");
		long casesBefore = count("casework.child_case");

		JsonNode again = read(apiPost("tongdai111", "/api/v1/reports", body).andExpect(status().isCreated()));

		assertThat(again.get("reportId").asLong()).isEqualTo(first.get("reportId").asLong());
		assertThat(again.get("reference").asString()).isEqualTo(first.get("reference").asString());
		assertThat(again.get("caseId").asLong()).isEqualTo(first.get("caseId").asLong());
		assertThat(count("casework.report")).isEqualTo(reportsBefore);
		assertThat(count("casework.child_case")).isEqualTo(casesBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.report WHERE external_reference = :ref").param("ref", ticket)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theHotlinesSystemRecordsAReportThroughTheApiAndGetsTheReceipt() throws Exception {
		String child = "Lò Thị " + unique();
		JsonNode receipt = read(apiPost("tongdai111", "/api/v1/reports", """
				{"channel":"HOTLINE_111","receivedAt":"%s","childName":"%s","childSex":"FEMALE","childAgeYears":11,
				 "childUnitCode":"03253","condition":"Trẻ bị cha đánh khi say rượu.","suspectedForms":["VIOLENCE"],
				 "informantName":"Người gọi giấu tên"}""".formatted(now().minusMinutes(3), child))
			.andExpect(status().isCreated()));
		assertThat(receipt.get("reference").asString()).matches("TB-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(receipt.get("caseNumber").asString()).startsWith("HS-03253-" + today().getYear() + "-");
		assertThat(receipt.get("unitName").asString()).isEqualTo("Xã Tuần Giáo");
		assertThat(receipt.get("joinedOpenCase").asBoolean()).isFalse();
		long caseId = receipt.get("caseId").asLong();
		assertThat(asCaseWorker(caseId).childName()).isEqualTo(child);
		assertThat(jdbc.sql("SELECT channel || ' ' || received_by_name FROM casework.report WHERE id = :id")
			.param("id", receipt.get("reportId").asLong()).query(String.class).single())
			.isEqualTo("HOTLINE_111 " + displayName("tongdai111"));
	}

	@Test
	void whoMayNotRecordAReportGetsNeitherTheFormNorThePostNorTheListOfReports() throws Exception {
		String body = """
				{"channel":"IN_PERSON","childName":"Lò Thị %s","childUnitCode":"03253",
				 "condition":"Trẻ bị cha đánh khi say rượu."}""".formatted(unique());
		// the need-to-know table gives agencies, viewers and inspectors no REPORTS (0009): they pass a concern on to
		// the 111 hotline, the commune or the public form, as anyone does
		for (String username : List.of("congan.tuangiao", "lanhdao.dienbien", "thanhtra.thoxuan")) {
			long before = jdbc.sql("SELECT count(*) FROM casework.report").query(Long.class).single();
			apiPost(username, "/api/v1/reports", body).andExpect(status().isForbidden());
			page(username, get("/reports/new")).andExpect(status().isForbidden());
			page(username, get("/reports")).andExpect(status().isForbidden());
			apiGet(username, "/api/v1/reports").andExpect(status().isForbidden());
			assertThat(jdbc.sql("SELECT count(*) FROM casework.report").query(Long.class).single()).as(username)
				.isEqualTo(before);
		}
		// the administrator records no report (no REPORTS at all: 0009)
		page("admin", get("/reports/new")).andExpect(status().isForbidden());
		page("ctv.a", get("/reports/new")).andExpect(status().isOk());
	}

	@Test
	void anAbolishedCommunesCodeRoutesToItsFullSuccessor() {
		// Xã Quài Nưa (03274) was merged wholly into Xã Tuần Giáo (03253) on 01/07/2025
		assertThat(jdbc.sql("""
				SELECT n.code || ' ' || s.kind FROM geography.succession s
				JOIN geography.unit o ON o.id = s.predecessor_id JOIN geography.unit n ON n.id = s.successor_id
				WHERE o.code = '03274' AND o.valid_to IS NOT NULL""").query(String.class).list())
			.containsExactly("03253 FULL");
		Reports.Receipt receipt = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111,
				now().minusMinutes(20), "Lò Văn " + unique(), "03274", null)));
		assertThat(unitCodeOf(receipt.caseId())).isEqualTo(TUAN_GIAO);
		assertThat(receipt.unitName()).isEqualTo("Xã Tuần Giáo");
	}

	@Test
	void aCommuneSplitBetweenSeveralIsRefusedWithItsSuccessorsNamed() throws Exception {
		Map<String, Object> split = jdbc.sql("""
				SELECT o.code, o.full_name, string_agg(n.full_name || ' (' || n.code || ')', '|' ORDER BY n.code) AS successors
				FROM geography.succession s
				JOIN geography.unit o ON o.id = s.predecessor_id JOIN geography.unit n ON n.id = s.successor_id
				WHERE o.level = 'COMMUNE' AND o.valid_to IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM geography.unit x WHERE x.code = o.code AND x.id <> o.id)
				GROUP BY o.id, o.code, o.full_name
				HAVING bool_and(s.kind = 'PARTIAL') AND count(*) >= 2
				ORDER BY o.code LIMIT 1""").query().singleRow();
		String code = (String) split.get("code");
		String name = child("Lò Thị ");
		long before = count("casework.report");

		JsonNode problem = read(apiPost("tongdai111", "/api/v1/reports", """
				{"channel":"HOTLINE_111","childName":"%s","childAgeYears":8,"childUnitCode":"%s",
				 "condition":"Trẻ bị bỏ mặc."}""".formatted(name, code)).andExpect(status().isUnprocessableEntity()));

		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("column").asString()).isEqualTo("childUnitCode");
		assertThat(error.get("message").asString()).startsWith(split.get("full_name") + " đã được chia cho nhiều xã mới:");
		for (String successor : ((String) split.get("successors")).split("\\|")) {
			assertThat(error.get("message").asString()).contains(successor);
			assertThat(error.get("messageEn").asString()).contains(successor);
		}
		assertThat(count("casework.report")).isEqualTo(before);
		assertThat(reportsAbout(name)).isZero();
	}

	@Test
	void whatCannotBeAChildsCaseIsRefusedWithTheFieldNamedInBothLanguagesAndNothingIsStored() throws Exception {
		record Case(String field, String json, String message) {
		}
		String future = now().plusDays(1).toString();
		List<Case> refusals = List.of(
				new Case("condition", "\"childAgeYears\":8", "Thiếu thông tin bắt buộc: condition."),
				new Case("childAgeYears", "\"childAgeYears\":16,\"condition\":\"Trẻ bị đánh.\"",
						"Trẻ em là người dưới 16 tuổi"),
				new Case("childBirthDate", "\"childBirthDate\":\"" + today().plusDays(3)
						+ "\",\"condition\":\"Trẻ bị đánh.\"", "Thời điểm không được sau thời điểm hiện tại."),
				new Case("receivedAt", "\"childAgeYears\":8,\"receivedAt\":\"" + future
						+ "\",\"condition\":\"Trẻ bị đánh.\"", "Thời điểm không được sau thời điểm hiện tại."));
		long before = count("casework.report");
		long casesBefore = count("casework.child_case");
		for (Case refused : refusals) {
			String name = child("Lò Văn ");
			ResultActions answer = apiPost("cb.a", "/api/v1/reports", """
					{"channel":"PHONE","childName":"%s","childUnitCode":"03253",%s}""".formatted(name, refused.json()))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			JsonNode problem = read(answer);
			assertThat(problem.get("detail").asString()).isEqualTo("Dữ liệu có 1 lỗi; không có gì được lưu.");
			assertThat(problem.get("detailEn").asString()).isEqualTo("The input has 1 problem(s); nothing was stored.");
			assertThat(problem.get("errors")).hasSize(1);
			JsonNode error = problem.get("errors").get(0);
			assertThat(error.get("column").asString()).as(refused.field()).isEqualTo(refused.field());
			assertThat(error.get("message").asString()).as(refused.field()).startsWith(refused.message());
			assertThat(error.get("messageEn").asString()).as(refused.field()).isNotBlank()
				.isNotEqualTo(error.get("message").asString());
			assertThat(reportsAbout(name)).isZero();
		}
		assertThat(count("casework.report")).isEqualTo(before);
		assertThat(count("casework.child_case")).isEqualTo(casesBefore);
	}

	@Test
	void theCommunesStaffAreToldWhenACaseIsOpenedThereAndNoOneElsewhere() {
		long id = hotlineCase("Lò Văn " + unique(), null);
		String link = "/cases/" + id;
		for (String staff : List.of("xa.a", "cb.a", "chutich.a")) {
			assertThat(notifications(staff, "casework.notify.report-routed", link)).as(staff).isEqualTo(1);
		}
		assertThat(notificationsAbout("xa.b", link)).isZero();
		assertThat(notificationsAbout("tongdai111", link)).isZero();
	}

	@Test
	void thePublicPageTakesAReportWithoutSignInAndKeepsRobotsAndFloodsOut() throws Exception {
		String page = new String(mvc.perform(get("/report")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(page).contains("Thông báo về trẻ em cần được bảo vệ", "Tổng đài quốc gia bảo vệ trẻ em 111",
				"name=\"token\"", "name=\"website\"");

		String address = PublicForms.clientIn("10.");
		long issuedAt = System.currentTimeMillis();
		String token = publicIntake.formToken();
		java.util.Deque<String> fresh = new java.util.ArrayDeque<>();
		for (int i = 0; i < 6; i++) {
			fresh.add(publicIntake.formToken());
		}

		String robot = child("Lò Thị ");
		String trapped = text(submit(address, token, robot, "https://spam.example").andExpect(status().isBadRequest()));
		assertThat(trapped).contains("Không nhận được thông báo.");
		String hasty = child("Lò Thị ");
		String tooFast = text(submit(address, token, hasty, null).andExpect(status().isBadRequest()));
		assertThat(tooFast).contains("Không nhận được thông báo.");
		submit(address, "1." + "0".repeat(64), child("Lò Thị "), null).andExpect(status().isBadRequest());
		assertThat(reportsAbout(robot) + reportsAbout(hasty)).isZero();

		Thread.sleep(Math.max(0, 3_100 - (System.currentTimeMillis() - issuedAt)));
		String child = child("Lò Thị ");
		String receipt = text(submit(address, token, child, null).andExpect(status().isOk()));
		assertThat(receipt).contains("Cảm ơn bạn đã thông báo");
		Matcher reference = REFERENCE.matcher(receipt);
		assertThat(reference.find()).as("the receipt shows a reference").isTrue();
		Map<String, Object> stored = jdbc.sql("""
				SELECT r.channel, r.from_public, r.received_by_id, r.informant_name, u.code, c.stage
				FROM casework.report r JOIN casework.child_case c ON c.id = r.case_id JOIN geography.unit u ON u.id = c.unit_id
				WHERE r.reference = :reference""").param("reference", reference.group(1)).query().singleRow();
		assertThat(stored).containsEntry("channel", "ONLINE").containsEntry("from_public", true)
			.containsEntry("code", QUAI_TO).containsEntry("stage", "OPENED")
			.containsEntry("informant_name", "Người báo tin trên mạng");
		assertThat(stored.get("received_by_id")).isNull();
		assertThat(reportsAbout(child)).isEqualTo(1);

		// a form is sent once: the same token again is refused
		String replayed = child("Lò Thị ");
		assertThat(text(submit(address, token, replayed, null).andExpect(status().isBadRequest())))
			.contains("Biểu mẫu này đã được gửi");
		assertThat(reportsAbout(replayed)).isZero();

		for (int i = 2; i <= 5; i++) {
			submit(address, fresh.pop(), child("Lò Thị "), null).andExpect(status().isOk());
		}
		String flooded = child("Lò Thị ");
		String limited = text(submit(address, fresh.peek(), flooded, null).andExpect(status().isTooManyRequests()));
		assertThat(limited).contains("Đã nhận nhiều thông báo từ máy của bạn");
		assertThat(reportsAbout(flooded)).isZero();
		// the limit is per client: another address is still heard
		submit(address.replaceFirst("^10\\.", "172."), fresh.pop(), child("Lò Thị "), null).andExpect(status().isOk());
	}

	@Test
	void aClientNamingOtherAddressesInXForwardedForStillGetsFiveReportsAnHourAndIsAuditedByItsOwnAddress()
			throws Exception {
		String address = PublicForms.clientIn("10.");
		List<String> tokens = PublicForms.filledIn(publicIntake, 6);
		List<String> children = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String child = "Lò Thị " + unique();
			children.add(child);
			int status = submit(address, tokens.get(i), child, null, "203.0.113." + (i + 1)).andReturn().getResponse()
				.getStatus();
			assertThat(status).as("report %d", i + 1).isEqualTo(i < 5 ? 200 : 429);
		}
		assertThat(jdbc.sql("""
				SELECT DISTINCT a.client_address FROM audit.entry a JOIN casework.report r ON r.id::text = a.subject_id
				WHERE a.action = 'REPORT_RECEIVED' AND r.child_name IN (:children)""").param("children", children)
			.query(String.class).list()).containsExactly(address);
	}

	@Test
	void eightReportsSentAtOnceFromOneClientAreFiveRecordedAndThreeRefused() throws Exception {
		String address = PublicForms.clientIn("10.");
		List<String> tokens = PublicForms.filledIn(publicIntake, 8);
		List<String> children = new ArrayList<>();
		List<Callable<Integer>> sends = new ArrayList<>();
		for (String token : tokens) {
			String child = "Lò Văn " + unique();
			children.add(child);
			sends.add(() -> submit(address, token, child, null, null).andReturn().getResponse().getStatus());
		}
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<Integer> answers = new ArrayList<>();
		try {
			for (Future<Integer> answer : clients.invokeAll(sends)) {
				answers.add(answer.get());
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(answers).filteredOn(s -> s == 200).hasSize(5);
		assertThat(answers).filteredOn(s -> s == 429).hasSize(3);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.report WHERE child_name IN (:children)")
			.param("children", children).query(Long.class).single()).isEqualTo(5);
	}

	private ResultActions submit(String address, String token, String childName, String trap) throws Exception {
		return submit(address, token, childName, trap, null);
	}

	/** A report from the public page, sent from the address given, naming another in X-Forwarded-For if given. */
	private ResultActions submit(String address, String token, String childName, String trap, String forwardedFor)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/report").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.param("token", token)
			.param("province", "11")
			.param("commune", QUAI_TO)
			.param("childName", childName)
			.param("childAgeYears", "10")
			.param("childSex", "FEMALE")
			.param("address", "Bản Chiềng, xã Quài Tở")
			.param("condition", "Em bé hàng xóm thường bị bố mẹ bỏ đói, đánh đập.")
			.param("reporterName", "Người báo tin trên mạng");
		if (trap != null) {
			request.param("website", trap);
		}
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return mvc.perform(request);
	}

	private static String child(String familyAndMiddle) {
		return familyAndMiddle + unique();
	}

	private long reportsAbout(String childName) {
		return jdbc.sql("SELECT count(*) FROM casework.report WHERE child_name = :name").param("name", childName)
			.query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
