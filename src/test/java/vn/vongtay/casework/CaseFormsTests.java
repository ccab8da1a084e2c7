package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;

/**
 * The forms of Nghị định 56/2017 (Mẫu 01-07) filled from a case taken through every step read back as Word documents
 * with the national heading, the issuing commune, the child and what each form is for; a form the case has not
 * reached is refused; every download is audited.
 */
@IntegrationTest
class CaseFormsTests extends CaseworkTestSupport {

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@Test
	void everyFormOfACaseTakenThroughAllStepsReadsBackWithItsHeadingCommuneChildAndContent() throws Exception {
		String child = "Lò Thị " + unique();
		long id = as("cb.a", () -> reports.receive(concern(ReportChannel.PHONE, now().minusHours(3), child, TUAN_GIAO,
				"Người báo tin " + unique()))).caseId();
		verify(id);
		assessInitial(id, RiskLevel.SERIOUS);
		takeEmergencyMeasure(id);
		assessDetailed(id);
		draftPlan(id);
		submitPlan(id);
		approvePlan(id);
		reviewCase(id, true);
		assertThat(CaseForms.available(asCaseWorker(id))).containsExactlyInAnyOrder(CaseForms.Form.values());
		String number = number(id);
		String chairman = displayName("chutich.a");

		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("01", List.of("BÁO CÁO", "TIẾP NHẬN THÔNG TIN TRẺ EM BỊ XÂM HẠI",
				"Trẻ bị cha dượng đánh nhiều lần, có vết bầm ở lưng và tay.", "Mẫu số 01"));
		expected.put("02", List.of("BẢN ĐÁNH GIÁ", "Nguy cơ ban đầu",
				"Trẻ có vết bầm ở lưng, sợ hãi khi nhắc đến cha dượng.", number));
		expected.put("03", List.of("BẢN ĐÁNH GIÁ", "Nguy cơ cụ thể", "Trẻ lo âu, ngủ không yên.",
				"Tư vấn tâm lý; giám sát của Công an xã."));
		expected.put("04", List.of("KẾ HOẠCH", PLAN_GOALS, "Hỗ trợ tâm lý", PLAN_COUNSELLING,
				"Trung tâm Công tác xã hội tỉnh Điện Biên", "Công an bảo vệ", PLAN_POLICE, "Công an xã Tuần Giáo",
				// Art. 27-28: the minutes of the meeting that agreed the plan are printed with it
				"BIÊN BẢN CUỘC HỌP XÂY DỰNG KẾ HOẠCH", "Chủ trì: Lò Văn Cán bộ", PLAN_MEETING_CONCLUSIONS, chairman));
		expected.put("05", List.of("QUYẾT ĐỊNH", "15/QĐ-UBND", "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em",
				"hồ sơ số " + number, "gồm 2 hoạt động", chairman));
		expected.put("06", List.of("RÀ SOÁT, ĐÁNH GIÁ", "Mức độ tổn hại của trẻ em có còn nghiêm trọng không",
				"Khả năng tiếp cận trẻ em của đối tượng xâm hại",
				"Những trở ngại trong môi trường chăm sóc trẻ em đối với việc bảo đảm an toàn cho trẻ em",
				"Khả năng tự bảo vệ, phục hồi của trẻ em", "Trung bình", "Cao: 0; Trung bình: 1; Thấp: 2",
				"Trẻ an toàn, đi học đều; cha dượng đã chuyển đi nơi khác."));
		expected.put("07", List.of("QUYẾT ĐỊNH", "07/QĐ-UBND", "Bố trí nơi tạm trú an toàn",
				"Chăm sóc y tế khẩn cấp", "Nhà bà ngoại của trẻ, bản Đông", "Chủ tịch UBND xã Tuần Giáo"));

		long downloads = auditCount("CASE_FORM_DOWNLOADED", id);
		for (Map.Entry<String, List<String>> form : expected.entrySet()) {
			byte[] docx = page("cb.a", get("/cases/" + id + "/forms/" + form.getKey())).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", DOCX))
				.andExpect(header().string("Content-Disposition",
						org.hamcrest.Matchers.containsString("mau-" + form.getKey() + "-ho-so-" + id + ".docx")))
				.andReturn().getResponse().getContentAsByteArray();
			String text = read(docx);
			assertThat(text).as("Mẫu " + form.getKey()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "XÃ TUẦN GIÁO", "Tuần Giáo, ngày", child);
			assertThat(text).as("Mẫu " + form.getKey()).contains(form.getValue());
			assertThat(text).as("Mẫu " + form.getKey() + " never prints the informant").doesNotContain("Người báo tin",
					"0912345678");
		}
		assertThat(auditCount("CASE_FORM_DOWNLOADED", id)).isEqualTo(downloads + 7);
		assertThat(jdbc.sql("""
				SELECT details FROM audit.entry WHERE action = 'CASE_FORM_DOWNLOADED' AND subject_id = :id AND actor = 'cb.a'
				ORDER BY id""").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("Mẫu 01", "Mẫu 02", "Mẫu 03", "Mẫu 04", "Mẫu 05", "Mẫu 06", "Mẫu 07");

		byte[] viaApi = apiGet("chutich.a", "/api/v1/cases/" + id + "/forms/05").andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		assertThat(read(viaApi)).contains("QUYẾT ĐỊNH", chairman, child);
		assertThat(auditCount("CASE_FORM_DOWNLOADED", id)).isEqualTo(downloads + 8);
	}

	@Test
	void theCasePageOffersTheFormsTheCaseReachedAtEveryStageInBothLanguages() throws Exception {
		String child = "Lò Văn " + unique();
		long id = as("cb.a", () -> reports.receive(concern(ReportChannel.IN_PERSON, now().minusHours(2), child,
				TUAN_GIAO, null))).caseId();
		List<Runnable> steps = List.of(() -> verify(id), () -> assessInitial(id, RiskLevel.SERIOUS),
				() -> takeEmergencyMeasure(id), () -> assessDetailed(id), () -> draftPlan(id), () -> submitPlan(id),
				() -> approvePlan(id), () -> {
					long referral = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(),
							null, ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã giám sát.", null, true, false, false,
							null)));
					as("congan.tuangiao", () -> {
						referrals.accept(referral, 0, "Đã nhận.");
						return null;
					});
				}, () -> reviewCase(id, false), () -> draftPlan(id), () -> submitPlan(id), () -> approvePlan(id),
				() -> reviewCase(id, true), () -> as("cb.a", () -> {
					process.reopen(id, version(id), "Trẻ lại bị đánh.");
					return null;
				}));
		assertPages(id, child);
		for (Runnable step : steps) {
			step.run();
			assertPages(id, child);
		}
		assertThat(pageBody("cb.a", "/cases/" + id)).contains("id=\"form-01\"", "id=\"form-04\"", "id=\"form-07\"");
	}

	private void assertPages(long id, String child) throws Exception {
		CaseStage stage = stage(id);
		Set<CaseForms.Form> reached = CaseForms.available(asCaseWorker(id));
		for (String reader : List.of("cb.a", "chutich.a", "xa.a")) {
			for (String url : List.of("/cases/" + id, "/cases/" + id + "?lang=en")) {
				String body = pageBody(reader, url);
				assertThat(body).as(reader + " " + url + " at " + stage).contains(child, number(id));
				assertThat(body).as(reader + " " + url + " at " + stage).doesNotContain("??", "casework.")
					.contains(url.endsWith("en") ? "Forms (Decree 56/2017/ND-CP)" : "Biểu mẫu (Nghị định 56/2017/NĐ-CP)");
				for (CaseForms.Form form : CaseForms.Form.values()) {
					assertThat(body.contains("id=\"form-" + form.number() + "\""))
						.as("Mẫu " + form.number() + " offered at " + stage).isEqualTo(reached.contains(form));
				}
			}
		}
	}

	@Test
	void aFormTheCaseHasNotReachedIsRefusedAndNotAudited() throws Exception {
		String child = "Lò Văn " + unique();
		long id = hotlineCase(child, null);
		long downloads = auditCount("CASE_FORM_DOWNLOADED", id);

		List<String> refused = new ArrayList<>();
		for (String number : List.of("02", "03", "04", "05", "06", "07")) {
			JsonNode problem = read(apiGet("cb.a", "/api/v1/cases/" + id + "/forms/" + number)
				.andExpect(status().isConflict()));
			refused.add(problem.get("detail").asString());
			page("cb.a", get("/cases/" + id + "/forms/" + number)).andExpect(status().isConflict());
		}
		assertThat(refused).containsExactly("Hồ sơ chưa có nội dung cho Mẫu số 02.", "Hồ sơ chưa có nội dung cho Mẫu số 03.",
				"Hồ sơ chưa có nội dung cho Mẫu số 04.", "Hồ sơ chưa có nội dung cho Mẫu số 05.",
				"Hồ sơ chưa có nội dung cho Mẫu số 06.", "Hồ sơ chưa có nội dung cho Mẫu số 07.");
		apiGet("cb.a", "/api/v1/cases/" + id + "/forms/09").andExpect(status().isNotFound());
		assertThat(auditCount("CASE_FORM_DOWNLOADED", id)).isEqualTo(downloads);

		// a report from the hotline is issued by the hotline, as the decree's Mẫu 01 has it
		String intake = read(page("cb.a", get("/cases/" + id + "/forms/01")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray());
		assertThat(intake).contains("TỔNG ĐÀI ĐIỆN THOẠI QUỐC GIA", "BẢO VỆ TRẺ EM 111", child);
		assertThat(auditCount("CASE_FORM_DOWNLOADED", id)).isEqualTo(downloads + 1);
	}

	private static String read(byte[] docx) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}
}
