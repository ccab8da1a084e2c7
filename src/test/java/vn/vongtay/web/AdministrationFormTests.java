package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * The administrators' forms (accounts and agencies) come back in place when refused (issue 17 §2, decision 0013): a
 * date typed wrong, a choice left out, a code out of reach are each said under their field with its label, what was
 * typed is kept (the password excepted), and nothing is stored.
 */
@IntegrationTest
class AdministrationFormTests extends DemoAccountTestSupport {

	private static final String ADMIN = "tinh.dienbien";

	@Test
	void aNewAgencyWithADayThatDoesNotExistComesBackWithEverythingTypedAndEveryProblemAtOnce() throws Exception {
		String name = "Trung tâm thử " + ThreadLocalRandom.current().nextInt(100_000);
		RefusedForm page = RefusedForm.of(send(post("/admin/agencies"), "kind", "", "name", name, "unitCode", "03253",
				"phone", "0215 3862 111", "validFrom", "31/02/2026", "validTo", ""));

		page.says("validFrom", "Hoạt động từ ngày", "31/02/2026", "dd/mm/yyyy")
			.says("kind", "Loại cơ quan", "chưa nhập")
			.keeps("name", name)
			.keeps("unitCode", "03253")
			.keeps("phone", "0215 3862 111")
			.keeps("validFrom", "31/02/2026");
		assertThat(page.summary()).hasSize(2);
		assertThat(agenciesNamed(name)).isZero();
	}

	@Test
	void anAgencyChangedWithItsDatesReversedIsRefusedUnderTheEndDateAndStaysAsItWas() throws Exception {
		String name = "Sở Y tế thử " + ThreadLocalRandom.current().nextInt(100_000);
		send(post("/admin/agencies"), "kind", "SOCIAL_AFFAIRS", "name", name, "unitCode", "11", "validFrom",
				"01/07/2025").andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM directory.agency WHERE name = :name").param("name", name)
			.query(Long.class).single();

		RefusedForm page = RefusedForm.of(send(post("/admin/agencies/" + id), "kind", "SOCIAL_AFFAIRS", "name",
				name + " (đổi tên)", "unitCode", "11", "validFrom", "01/07/2025", "validTo", "30/06/2025", "version",
				"0"));

		page.says("validTo", "Hoạt động đến ngày", "sau ngày bắt đầu")
			.keeps("name", name + " (đổi tên)")
			.keeps("validTo", "30/06/2025")
			.keeps("version", "0");
		assertThat(agenciesNamed(name)).as("unchanged").isOne();
		assertThat(agenciesNamed(name + " (đổi tên)")).isZero();
	}

	@Test
	void aNewAccountRefusedForItsNameRolesAndUnitComesBackWithoutThePassword() throws Exception {
		String password = "Cay tre lang Quai Nua 7";
		RefusedForm page = RefusedForm.of(send(post("/admin/users"), "username", "Lò Mai", "displayName",
				"Lò Thị Mai", "email", "mai@example.vn", "password", password, "unitCodes", "03253, 99999",
				"enabled", "true", "version", "0"));

		page.says("username", "Tên đăng nhập", "3-60 ký tự")
			.says("roles", "Vai trò", "ít nhất một vai trò")
			.says("unitCodes", "Đơn vị phụ trách", "99999")
			.keeps("username", "Lò Mai")
			.keeps("displayName", "Lò Thị Mai")
			.keeps("email", "mai@example.vn")
			.keeps("unitCodes", "03253, 99999")
			.keeps("password", "");
		assertThat(page.page().outerHtml()).doesNotContain(password);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.app_user WHERE display_name = 'Lò Thị Mai'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDeadlineRuleWithItsHoursInWordsComesBackInPlaceAndNoRuleIsSet() throws Exception {
		RefusedForm page = RefusedForm.of(send(post("/admin/case-deadlines"), "unitCode", "03295", "emergencyHours",
				"mười hai", "planWorkingDays", "", "basis", "Quyết định thử"));

		page.says("emergencyHours", "Số giờ áp dụng biện pháp khẩn cấp", "mười hai", "chữ số")
			.says("planWorkingDays", "Số ngày làm việc phê duyệt kế hoạch", "chưa nhập")
			.keeps("unitCode", "03295")
			.keeps("emergencyHours", "mười hai")
			.keeps("basis", "Quyết định thử");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM casework.deadline_rule d JOIN geography.unit u ON u.id = d.unit_id
				WHERE u.code = '03295'""").query(Long.class).single()).isZero();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String... fields) throws Exception {
		request.with(user(users.loadUserByUsername(ADMIN))).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request);
	}

	private long agenciesNamed(String name) {
		return jdbc.sql("SELECT count(*) FROM directory.agency WHERE name = :name").param("name", name)
			.query(Long.class).single();
	}
}
