package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.internal.UserAccounts;

/**
 * Jurisdiction and need-to-know, for the Java API, the pages and the REST API alike: another commune finds a case
 * nowhere and is answered "not found"; within the commune, another case worker sees a case assigned to someone else
 * only in summary; a supervisor sees the details once the case is escalated, or after breaking the glass with a
 * written reason; every read is audited; the informant is seen only by whoever recorded the report and the case
 * worker; an agency sees what its referral shares and nothing of the case.
 */
@IntegrationTest
class CaseAccessTests extends CaseworkTestSupport {

	private static final String NEED_TO_KNOW = "Bạn chỉ được xem thông tin tóm tắt của hồ sơ này.";

	@Autowired
	UserAccounts accounts;

	@Test
	void anOfficerOfAnotherCommuneFindsTheCaseNowhereAndIsAlwaysAnsweredNotFound() throws Exception {
		String child = "Lò Thị " + unique();
		long id = hotlineCase(child, null);
		long report = reportOf(id);
		String number = number(id);

		assertThat(as("xa.b", () -> cases.list(new Cases.Filter(null, false, false, false, false, null, null), 0, 1000)))
			.extracting(CaseSummary::id).doesNotContain(id);
		assertThat(as("xa.b", () -> cases.list(new Cases.Filter(null, false, false, false, false, null, number), 0, 50)))
			.isEmpty();
		assertThat(as("xa.b", () -> cases.list(new Cases.Filter(null, false, false, false, false, null, child), 0, 50)))
			.isEmpty();
		assertThat(refusal(() -> as("xa.b", () -> cases.get(id))).status()).isEqualTo(404);
		assertThat(refusal(() -> as("xa.b", () -> cases.summary(id))).status()).isEqualTo(404);
		assertThat(refusal(() -> as("xa.b", () -> reports.get(report))).status()).isEqualTo(404);
		// the commune it belongs to finds it both ways, so the searches above are not empty for another reason
		assertThat(as("xa.a", () -> cases.list(new Cases.Filter(null, false, false, false, false, null, number), 0, 50)))
			.extracting(CaseSummary::id).containsExactly(id);
		assertThat(as("xa.a", () -> cases.list(new Cases.Filter(null, false, false, false, false, null, child), 0, 50)))
			.extracting(CaseSummary::id).containsExactly(id);

		assertThat(pageBody("xa.b", "/cases?open=false")).doesNotContain(number, child);
		// the search field shows what was searched: what matters is that no row links to the case
		String row = "href=\"/cases/" + id + "\"";
		assertThat(pageBody("xa.b", "/cases?q=" + number)).doesNotContain(row).contains("Không có dữ liệu");
		assertThat(pageBody("xa.b", "/cases?q=" + child)).doesNotContain(row, number);
		assertThat(pageBody("xa.a", "/cases?q=" + number)).contains(row, child);
		page("xa.b", get("/cases/" + id)).andExpect(status().isNotFound());
		page("xa.b", get("/cases/" + id + "/forms/01")).andExpect(status().isNotFound());
		page("xa.b", get("/reports/" + report)).andExpect(status().isNotFound());

		JsonNode notFound = read(apiGet("xa.b", "/api/v1/cases/" + id).andExpect(status().isNotFound()));
		assertThat(notFound.get("detail").asString()).contains("Không tìm thấy hồ sơ");
		apiGet("xa.b", "/api/v1/cases/" + id + "/summary").andExpect(status().isNotFound());
		apiGet("xa.b", "/api/v1/cases/" + id + "/forms/01").andExpect(status().isNotFound());
		apiGet("xa.b", "/api/v1/reports/" + report).andExpect(status().isNotFound());
		assertThat(text(apiGet("xa.b", "/api/v1/cases?open=false").andExpect(status().isOk())))
			.doesNotContain(number, child);
		assertThat(text(apiGet("xa.b", "/api/v1/cases?open=false&q=" + number).andExpect(status().isOk())))
			.isEqualTo("[]");
		assertThat(text(apiGet("xa.b", "/api/v1/cases?due=true&unit=" + TUAN_GIAO).andExpect(status().isOk())))
			.isEqualTo("[]");
		assertThat(text(apiGet("xa.a", "/api/v1/cases?due=true&unit=" + TUAN_GIAO + "&q=" + number)
			.andExpect(status().isOk()))).contains(number);
		assertThat(text(apiGet("xa.b", "/api/v1/reports").andExpect(status().isOk()))).doesNotContain(number);
		assertThat(text(apiGet("xa.a", "/api/v1/cases?q=" + number).andExpect(status().isOk()))).contains(number);
	}

	@Test
	void anotherCaseWorkerOfTheCommuneSeesACaseAssignedToCbaInSummaryButAnUnassignedCaseWhole() throws Exception {
		String assignedChild = "Quàng Thị " + unique();
		long assigned = hotlineCase(assignedChild, null);
		assertThat(asCaseWorker(assigned).caseWorkerName()).isEqualTo(displayName("cb.a"));

		String username = "cb2." + unique().toLowerCase();
		String hash = jdbc.sql("SELECT password_hash FROM identity.app_user WHERE username = 'cb.a'")
			.query(String.class).single();
		long secondId = accounts.create(username, "Người làm công tác BVTE thứ hai (kiểm thử)", null, hash,
				Set.of(Role.CASE_WORKER), List.of(units.byCode(TUAN_GIAO, today()).id()), null);
		try {
			// with two case workers in the commune a new case waits for the commune officer to assign it
			String unassignedChild = "Lường Văn " + unique();
			long unassigned = hotlineCase(unassignedChild, null);
			assertThat(jdbc.sql("SELECT case_worker_id FROM casework.child_case WHERE id = :id").param("id", unassigned)
				.query(Long.class).optional()).isEmpty();
			SignedInUser second = (SignedInUser) users.loadUserByUsername(username);
			assertThat(second.id()).isEqualTo(secondId);

			List<CaseSummary> rows = as(second, () -> cases.list(
					new Cases.Filter(null, true, false, false, false, null, number(assigned)), 0, 10));
			assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row.fullAccess()).isFalse();
				assertThat(row.childName()).isNull();
				assertThat(row.childSex()).isNull();
			});
			assertThat(as(second, () -> cases.list(new Cases.Filter(null, true, false, false, false, null, assignedChild),
					0, 10))).as("the name search does not reveal whom a summary-only case is about").isEmpty();
			UserFacingException refused = refusal(() -> as(second, () -> cases.get(assigned)));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(vietnamese(refused)).startsWith(NEED_TO_KNOW);

			String list = text(mvc.perform(get("/cases?q=" + number(assigned)).with(user(second)))
				.andExpect(status().isOk()));
			assertThat(list).contains("href=\"/cases/" + assigned + "\"").doesNotContain(assignedChild);
			String summaryPage = text(mvc.perform(get("/cases/" + assigned).with(user(second)))
				.andExpect(status().isOk()));
			assertThat(summaryPage).contains(number(assigned), "Bạn chỉ xem được thông tin tóm tắt").doesNotContain(assignedChild);
			JsonNode forbidden = read(apiGet(username, "/api/v1/cases/" + assigned).andExpect(status().isForbidden())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
			assertThat(forbidden.get("detail").asString()).startsWith(NEED_TO_KNOW);
			assertThat(forbidden.get("detailEn").asString()).startsWith("You can see only a summary of this case.");
			assertThat(text(apiGet(username, "/api/v1/cases/" + assigned + "/summary").andExpect(status().isOk())))
				.contains(number(assigned)).doesNotContain(assignedChild);

			JsonNode whole = read(apiGet(username, "/api/v1/cases/" + unassigned).andExpect(status().isOk()));
			assertThat(whole.get("childName").asString()).isEqualTo(unassignedChild);
			assertThat(as(second, () -> cases.list(new Cases.Filter(null, true, false, false, false, null,
					unassignedChild), 0, 10))).singleElement()
				.satisfies(row -> assertThat(row.childName()).isEqualTo(unassignedChild));
		}
		finally {
			jdbc.sql("DELETE FROM identity.app_user WHERE id = :id").param("id", secondId).update();
		}
		assertThat(hotlineCase("Lò Văn " + unique(), null)).as("cb.a is again the only case worker")
			.satisfies(id -> assertThat(asCaseWorker(id).caseWorkerName()).isEqualTo(displayName("cb.a")));
	}

	@Test
	void theProvinceOfficerSeesTheSummaryUntilTheCaseWorkerEscalatesTheCaseThenTheWholeCase() throws Exception {
		String child = "Cà Thị " + unique();
		long id = hotlineCase(child, null);

		assertThat(as("tinh.dienbien", () -> cases.view(id))).isEqualTo(Cases.View.SUMMARY);
		assertThat(as("tinh.dienbien", () -> cases.summary(id)).childName()).isNull();
		assertThat(refusal(() -> as("tinh.dienbien", () -> cases.get(id))).status()).isEqualTo(403);
		apiGet("tinh.dienbien", "/api/v1/cases/" + id).andExpect(status().isForbidden());
		assertThat(pageBody("tinh.dienbien", "/cases/" + id)).contains(number(id)).doesNotContain(child);

		as("cb.a", () -> {
			process.escalate(id, version(id), "Nghi có đường dây bóc lột, cần tỉnh chỉ đạo.");
			return null;
		});

		assertThat(as("tinh.dienbien", () -> cases.view(id))).isEqualTo(Cases.View.FULL);
		assertThat(as("tinh.dienbien", () -> cases.get(id)).childName()).isEqualTo(child);
		assertThat(read(apiGet("tinh.dienbien", "/api/v1/cases/" + id).andExpect(status().isOk())).get("childName")
			.asString()).isEqualTo(child);
		assertThat(pageBody("tinh.dienbien", "/cases/" + id)).contains(child);
		assertThat(notifications("tinh.dienbien", "casework.notify.escalated", "/cases/" + id)).isEqualTo(1);
	}

	@Test
	void breakingTheGlassNeedsAWrittenReasonAndASupervisorAndIsAuditedAndToldToTheCaseWorker() throws Exception {
		String child = "Vì Thị " + unique();
		long id = hotlineCase(child, null);
		String link = "/cases/" + id;

		JsonNode tooShort = read(apiPost("tinh.dienbien", "/api/v1/cases/" + id + "/break-glass", "{\"text\":\"Cần xem\"}")
			.andExpect(status().isUnprocessableEntity()));
		assertThat(tooShort.get("errors").get(0).get("column").asString()).isEqualTo("reason");
		assertThat(tooShort.get("errors").get(0).get("message").asString()).contains("ít nhất 15 ký tự");
		assertThat(refusal(() -> as("tinh.dienbien", () -> {
			cases.breakGlass(id, null);
			return null;
		})).status()).isEqualTo(422);
		UserFacingException worker = refusal(() -> as("cb.a", () -> {
			cases.breakGlass(id, "Tôi cần xem lại hồ sơ này gấp.");
			return null;
		}));
		assertThat(worker.status()).isEqualTo(403);
		assertThat(vietnamese(worker)).isEqualTo("Chỉ cán bộ cấp huyện, cấp tỉnh được mở hồ sơ trong trường hợp cần thiết.");
		assertThat(auditCount("CASE_BREAK_GLASS", id)).isZero();
		assertThat(refusal(() -> as("tinh.dienbien", () -> cases.get(id))).status()).isEqualTo(403);

		String reason = "Công an tỉnh đề nghị phối hợp khẩn cấp trong đêm.";
		JsonNode opened = read(apiPost("tinh.dienbien", "/api/v1/cases/" + id + "/break-glass",
				"{\"text\":\"" + reason + "\"}").andExpect(status().isOk()));
		assertThat(opened.get("childName").asString()).isEqualTo(child);
		assertThat(as("tinh.dienbien", () -> cases.get(id)).childName()).isEqualTo(child);
		assertThat(auditCount("CASE_BREAK_GLASS", id)).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT details FROM audit.entry WHERE action = 'CASE_BREAK_GLASS' AND subject_id = :id AND actor = 'tinh.dienbien'""")
			.param("id", String.valueOf(id)).query(String.class).single()).isEqualTo(reason);
		assertThat(notifications("cb.a", "casework.notify.break-glass", link)).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT arguments FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = 'cb.a' AND n.message_key = 'casework.notify.break-glass' AND n.link = :link""")
			.param("link", link).query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single())
			.containsExactly(number(id), displayName("tinh.dienbien"), reason);
	}

	@Test
	void everyReadOfTheDetailsIsAuditedAsViewedAndEveryReadOfTheSummaryAsSummaryViewed() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		long viewed = auditCount("CASE_VIEWED", id);
		long summaries = auditCount("CASE_SUMMARY_VIEWED", id);

		asCaseWorker(id);
		assertThat(auditCount("CASE_VIEWED", id)).isEqualTo(viewed + 1);
		pageBody("cb.a", "/cases/" + id);
		assertThat(auditCount("CASE_VIEWED", id)).isEqualTo(viewed + 2);
		apiGet("chutich.a", "/api/v1/cases/" + id).andExpect(status().isOk());
		assertThat(auditCount("CASE_VIEWED", id)).isEqualTo(viewed + 3);
		page("cb.a", get("/cases/" + id + "/forms/01")).andExpect(status().isOk());
		assertThat(auditCount("CASE_VIEWED", id)).isEqualTo(viewed + 4);
		assertThat(jdbc.sql("SELECT actor FROM audit.entry WHERE action = 'CASE_VIEWED' AND subject_id = :id ORDER BY id")
			.param("id", String.valueOf(id)).query(String.class).list()).endsWith("cb.a", "cb.a", "chutich.a", "cb.a");
		assertThat(auditCount("CASE_SUMMARY_VIEWED", id)).isEqualTo(summaries);

		as("tinh.dienbien", () -> cases.summary(id));
		pageBody("tinh.dienbien", "/cases/" + id);
		apiGet("xa.a", "/api/v1/cases/" + id + "/summary").andExpect(status().isOk());
		assertThat(auditCount("CASE_SUMMARY_VIEWED", id)).isEqualTo(summaries + 3);
		assertThat(auditCount("CASE_VIEWED", id)).as("a summary is not the details").isEqualTo(viewed + 4);
	}

	@Test
	void theInformantIsSeenByTheHotlineThatRecordedItAndTheCaseWorkerButNeverByTheChairman() throws Exception {
		String child = "Lò Thị " + unique();
		String informant = "Người báo tin " + unique();
		long id = hotlineCase(child, informant);
		long report = reportOf(id);

		Report recorded = as("tongdai111", () -> reports.get(report));
		assertThat(recorded.informant().name()).isEqualTo(informant);
		assertThat(text(apiGet("tongdai111", "/api/v1/reports/" + report).andExpect(status().isOk()))).contains(informant);
		assertThat(pageBody("tongdai111", "/reports/" + report)).contains(informant);
		assertThat(refusal(() -> as("tongdai111", () -> cases.get(id))).status()).isEqualTo(404);
		apiGet("tongdai111", "/api/v1/cases/" + id).andExpect(status().isNotFound());
		page("tongdai111", get("/cases/" + id)).andExpect(status().isNotFound());

		ChildCase chairmansView = as("chutich.a", () -> cases.get(id));
		assertThat(chairmansView.childName()).isEqualTo(child);
		assertThat(chairmansView.reports()).singleElement().satisfies(r -> {
			assertThat(r.informant()).isNull();
			assertThat(r.informantWithheld()).isTrue();
		});
		Report chairmansReport = as("chutich.a", () -> reports.get(report));
		assertThat(chairmansReport.informant()).isNull();
		assertThat(chairmansReport.informantWithheld()).isTrue();
		String api = text(apiGet("chutich.a", "/api/v1/cases/" + id).andExpect(status().isOk()));
		assertThat(api).contains(child, "\"informantWithheld\":true").doesNotContain(informant, "0912345678");
		assertThat(text(apiGet("chutich.a", "/api/v1/reports/" + report).andExpect(status().isOk())))
			.doesNotContain(informant);
		assertThat(pageBody("chutich.a", "/cases/" + id)).contains(child).doesNotContain(informant);
		assertThat(pageBody("chutich.a", "/reports/" + report)).contains("Được giữ bí mật").doesNotContain(informant);

		Report caseWorkersReport = as("cb.a", () -> reports.get(report));
		assertThat(caseWorkersReport.informant().name()).isEqualTo(informant);
		assertThat(asCaseWorker(id).reports().get(0).informant().phone()).isEqualTo("0912345678");

		for (String reader : List.of("cb.a", "chutich.a")) {
			assertThat(pageBody(reader, "/cases?q=" + child)).contains("href=\"/cases/" + id + "\"")
				.doesNotContain(informant);
		}
		for (String reader : List.of("cb.a", "chutich.a")) {
			byte[] docx = page(reader, get("/cases/" + id + "/forms/01")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray();
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
					XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				assertThat(extractor.getText()).contains(child).doesNotContain(informant, "0912345678");
			}
		}
	}

	@Test
	void theFocalPointSeesWhatItsReferralSharesAndNeverTheCaseNorReferralsToOtherAgencies() throws Exception {
		String child = "Lò Thị " + unique();
		long id = hotlineCase(child, null);
		verify(id);
		long withoutName = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(), null,
				ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã răn đe người cha dượng.", today().plusDays(3), false,
				false, false, "Trẻ 9 tuổi bị cha dượng đánh.")));
		long withName = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(), null,
				ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã lấy lời khai.", null, true, false, false, null)));
		long elsewhere = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(anotherAgency().id(), null,
				ServiceKind.MEDICAL_CARE, "Đề nghị khám sức khỏe cho trẻ.", null, true, true, true, null)));

		Referral shared = as("congan.tuangiao", () -> referrals.get(withoutName));
		assertThat(shared.shared().childName()).isNull();
		assertThat(shared.shared().childAge()).isEqualTo(9);
		assertThat(shared.shared().childSex()).isEqualTo("FEMALE");
		assertThat(shared.shared().address()).isNull();
		assertThat(shared.shared().summary()).isEqualTo("Trẻ 9 tuổi bị cha dượng đánh.");
		assertThat(text(apiGet("congan.tuangiao", "/api/v1/referrals/" + withoutName).andExpect(status().isOk())))
			.contains("Đề nghị Công an xã răn đe").doesNotContain(child, "Bản Đông");
		assertThat(pageBody("congan.tuangiao", "/referrals/" + withoutName)).contains("Đề nghị Công an xã răn đe")
			.doesNotContain(child);
		assertThat(as("congan.tuangiao", () -> referrals.get(withName)).shared().childName()).isEqualTo(child);

		assertThat(refusal(() -> as("congan.tuangiao", () -> cases.get(id))).status()).isEqualTo(404);
		apiGet("congan.tuangiao", "/api/v1/cases/" + id).andExpect(status().isNotFound());
		apiGet("congan.tuangiao", "/api/v1/cases/" + id + "/summary").andExpect(status().isNotFound());
		page("congan.tuangiao", get("/cases/" + id)).andExpect(status().isNotFound());
		page("congan.tuangiao", get("/cases/" + id + "/forms/01")).andExpect(status().isNotFound());

		assertThat(refusal(() -> as("congan.tuangiao", () -> referrals.get(elsewhere))).status()).isEqualTo(404);
		apiGet("congan.tuangiao", "/api/v1/referrals/" + elsewhere).andExpect(status().isNotFound());
		JsonNode mine = read(apiGet("congan.tuangiao", "/api/v1/referrals").andExpect(status().isOk()));
		List<Long> listed = new java.util.ArrayList<>();
		mine.forEach(r -> listed.add(r.get("id").asLong()));
		assertThat(listed).contains(withoutName, withName).doesNotContain(elsewhere);
	}

	@Test
	void theChairmanReadsTheReferralsOfHisCommunesCaseButSendsAndAnswersNone() throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		verify(id);
		long sent = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(), null,
				ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã răn đe người cha dượng.", null, false, false, false,
				null)));
		assertThat(as("chutich.a", () -> referrals.get(sent)).request())
			.isEqualTo("Đề nghị Công an xã răn đe người cha dượng.");
		// referrals are the casework of the case worker and the commune officer: REFERRALS is not the chairman's (0009)
		assertThat(refusal(() -> as("chutich.a", () -> referrals.refer(id, version(id), new ReferralDraft(
				police().id(), null, ServiceKind.MEDICAL_CARE, "Đề nghị khám sức khỏe cho trẻ.", null, false, false,
				false, null)))).status()).isEqualTo(403);
		int version = as("cb.a", () -> referrals.get(sent)).version();
		assertThat(refusal(() -> as("chutich.a", () -> {
			referrals.accept(sent, version, "Công an xã đã nhận.");
			return null;
		})).status()).isEqualTo(403);
		assertThat(as("cb.a", () -> referrals.get(sent)).status()).isEqualTo(ReferralStatus.SENT);
		assertThat(pageBody("chutich.a", "/referrals/" + sent)).contains("Đề nghị Công an xã răn đe")
			.doesNotContain("id=\"accept\"", "id=\"decline\"");
		assertThat(pageBody("cb.a", "/referrals/" + sent)).contains("id=\"accept\"", "id=\"decline\"");
	}

	@Test
	void viewersInspectorsAndVillageCollaboratorsWorkWithNoCase() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		for (String username : List.of("lanhdao.dienbien", "thanhtra.thoxuan", "ctv.a")) {
			// the collaborator, who reports children at risk, is sent on to its reports; the viewer and the inspector,
			// who have neither cases nor reports (decision 0009), are refused (matrix.txt, GET /cases)
			page(username, get("/cases")).andExpect(username.equals("ctv.a") ? status().is3xxRedirection()
					: status().isForbidden());
			page(username, get("/cases/" + id)).andExpect(status().isNotFound());
			apiGet(username, "/api/v1/cases").andExpect(status().isForbidden());
			apiGet(username, "/api/v1/cases/" + id).andExpect(status().isNotFound());
			assertThat(refusal(() -> as(username, () -> cases.list(Cases.Filter.open(), 0, 10))).status())
				.isEqualTo(403);
		}
		String redirected = page("ctv.a", get("/cases")).andReturn().getResponse().getRedirectedUrl();
		assertThat(redirected).isEqualTo("/reports");
		assertThat(new String(page("lanhdao.dienbien", get("/reports")).andReturn().getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8)).doesNotContain(number(id));
	}
}
