package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.casework.PublicIntake;

/**
 * A citizen's report on the public page is never lost to a typing slip (issue 17 §2): "khoảng 8" in the age field
 * brings the same page back, in place, with the report as typed and the age field saying what it wants; a form open
 * too long comes back too, with a new form token, so pressing "Gửi thông báo" again sends it.
 */
@IntegrationTest
class PublicReportFormTests extends DemoAccountTestSupport {

	private static final String CONDITION = "Cháu bé nhà bên cạnh thường bị bỏ đói, đêm qua khóc rất lâu.";

	@Autowired
	PublicIntake intake;

	@Test
	void anAgeInWordsBringsTheReportBackInPlaceWithEverythingTyped() throws Exception {
		String child = "Lò Thị " + ThreadLocalRandom.current().nextInt(100_000);
		RefusedForm page = RefusedForm.of(report(intake.formToken(), child, "khoảng 8"));

		page.says("childAgeYears", "Tuổi của trẻ (ước lượng)", "khoảng 8", "chữ số")
			.keeps("childAgeYears", "khoảng 8")
			.keeps("childName", child)
			.keeps("condition", CONDITION)
			.keeps("address", "Bản Chiềng, xã Quài Tở")
			.keeps("reporterPhone", "0912 345 678")
			.keepsChosen("province", "11")
			.keepsChosen("commune", "03295")
			.keepsChosen("childSex", "FEMALE")
			.keepsChosen("inDanger", "true");
		assertThat(page.summary()).containsExactly(
				"Tuổi của trẻ (ước lượng): \"khoảng 8\" không phải là một số. Hãy nhập bằng chữ số, ví dụ 8.");
		assertThat(page.page().select("input[name=token]").attr("value")).as("a new form to send").isNotBlank();
		assertThat(reportsAbout(child)).isZero();
	}

	@Test
	void whatTheModuleRefusesIsSaidUnderTheFieldWithItsLabel() throws Exception {
		String child = "Lò Văn " + ThreadLocalRandom.current().nextInt(100_000);
		String token = intake.formToken();
		Thread.sleep(3_100); // a form sent within 3 s of being shown is a robot's (PublicIntake)
		RefusedForm page = RefusedForm.of(submit(token, child, "17", "", ""));

		page.says("childAgeYears", "Tuổi của trẻ (ước lượng)", "dưới 16 tuổi")
			.says("condition", "Điều gì đang xảy ra với trẻ?", "chưa nhập")
			.says("province", "Tỉnh, thành phố nơi trẻ sống")
			.keeps("childAgeYears", "17")
			.keeps("childName", child);
		assertThat(page.summary()).hasSize(3).noneMatch(s -> s.contains("condition") || s.contains("childUnitCode"));
	}

	@Test
	void aFormOpenTooLongComesBackWithTheReportAndANewToken() throws Exception {
		String child = "Quàng Thị " + ThreadLocalRandom.current().nextInt(100_000);
		String stale = "1." + "0".repeat(18) + ".ab";
		RefusedForm page = RefusedForm.of(report(stale, child, "8"), 400);

		assertThat(page.summary()).containsExactly(
				"Trang đã mở quá lâu nên thông báo chưa được gửi. Hãy bấm “Gửi thông báo” lần nữa, hoặc gọi Tổng đài 111.");
		page.keeps("childName", child).keeps("childAgeYears", "8").keeps("condition", CONDITION);
		assertThat(page.page().select("input[name=token]").attr("value")).isNotEqualTo(stale);
	}

	private ResultActions report(String token, String child, String age) throws Exception {
		return submit(token, child, age, "11", CONDITION);
	}

	private ResultActions submit(String token, String child, String age, String province, String condition)
			throws Exception {
		String address = "10." + ThreadLocalRandom.current().nextInt(1, 255) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
		MockHttpServletRequestBuilder request = post("/report").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})
			.param("token", token)
			.param("province", province)
			.param("commune", province.isEmpty() ? "" : "03295")
			.param("address", "Bản Chiềng, xã Quài Tở")
			.param("childName", child)
			.param("childAgeYears", age)
			.param("childSex", "FEMALE")
			.param("condition", condition)
			.param("inDanger", "true")
			.param("reporterPhone", "0912 345 678");
		return mvc.perform(request);
	}

	private long reportsAbout(String childName) {
		return jdbc.sql("SELECT count(*) FROM casework.report WHERE child_name = :name").param("name", childName)
			.query(Long.class).single();
	}
}
