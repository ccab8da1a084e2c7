package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

/**
 * Who administers whom (issue 16, item 8; docs/decisions/0009-need-to-know.md): an administrator changes only accounts
 * lying wholly within their jurisdiction, never one holding a role above their own, never their own.
 */
@IntegrationTest
class AccountAdministrationTests extends AccountTestSupport {

	@Test
	void aProvinceOfficerCannotDisableASystemAdministratorOfTheirProvince() throws Exception {
		long id = account("qt.dienbien.a", Role.SYSTEM_ADMIN, "11");
		administer("tinh.dienbien", id, List.of("SYSTEM_ADMIN"), "11", false).andExpect(status().isForbidden());
		assertThat(enabled(id)).isTrue();
	}

	@Test
	void aProvinceOfficerCannotDemoteASystemAdministratorOfTheirProvince() throws Exception {
		long id = account("qt.dienbien.b", Role.SYSTEM_ADMIN, "11");
		administer("tinh.dienbien", id, List.of("COMMUNE_OFFICER"), "11", true).andExpect(status().isForbidden());
		assertThat(roles(id)).containsExactly("SYSTEM_ADMIN");
	}

	@Test
	void aProvinceOfficerCannotStripAnotherProvinceFromAnAccountCoveringTwo() throws Exception {
		long id = account("hai.tinh", Role.PROVINCE_OFFICER, "11", "04");
		administer("tinh.dienbien", id, List.of("PROVINCE_OFFICER"), "11", true).andExpect(status().isForbidden());
		assertThat(unitCodes(id)).containsExactlyInAnyOrder("11", "04");
		form("tinh.dienbien", "/admin/users/" + id + "/unlock").andExpect(status().isForbidden());
	}

	@Test
	void aProvinceOfficerChangesAnAccountWhollyWithinTheirProvince() throws Exception {
		long id = account("trong.tinh", Role.COMMUNE_OFFICER, "03253");
		administer("tinh.dienbien", id, List.of("CASE_WORKER"), "03253, 03295", true)
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(roles(id)).containsExactly("CASE_WORKER");
		assertThat(unitCodes(id)).containsExactlyInAnyOrder("03253", "03295");
	}

	@Test
	void aProvinceOfficerAdministersAnotherProvinceOfficerOfTheProvinceButGrantsNothingAbove() throws Exception {
		long id = account("tinh.dienbien.2", Role.PROVINCE_OFFICER, "11");
		administer("tinh.dienbien", id, List.of("PROVINCE_OFFICER", "SYSTEM_ADMIN"), "11", true)
			.andExpect(status().is(422));
		administer("tinh.dienbien", id, List.of("PROVINCE_OFFICER"), "11", false).andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(enabled(id)).isFalse();
	}

	@Test
	void nobodyChangesTheirOwnAccountThroughAdministration() throws Exception {
		long self = jdbc.sql("SELECT id FROM identity.app_user WHERE username = 'tinh.dienbien'").query(Long.class)
			.single();
		administer("tinh.dienbien", self, List.of("PROVINCE_OFFICER"), "11, 04", true).andExpect(status().isForbidden());
		assertThat(unitCodes(self)).containsExactly("11");
	}

	@Test
	void theAccountPageOffersNoChangeTheCallerMayNotMake() throws Exception {
		long admin = account("qt.dienbien.c", Role.SYSTEM_ADMIN, "11");
		long officer = account("xa.trong.tinh", Role.COMMUNE_OFFICER, "03253");
		assertThat(pageBody("tinh.dienbien", "/admin/users/" + admin))
			.doesNotContain("action=\"/admin/users/" + admin + "\"")
			.contains("Chỉ người có vai trò ngang hoặc cao hơn");
		assertThat(pageBody("tinh.dienbien", "/admin/users/" + officer))
			.contains("action=\"/admin/users/" + officer + "\"");
	}

	@Test
	void aCollaboratorAViewerOrTheHotlineCannotListAccounts() throws Exception {
		page("ctv.a", get("/admin/users")).andExpect(status().isForbidden());
		page("lanhdao.dienbien", get("/admin/users")).andExpect(status().isForbidden());
		apiGet("tongdai111", "/api/v1/users").andExpect(status().isForbidden());
		apiGet("lanhdao.dienbien", "/api/v1/users").andExpect(status().isForbidden());
		apiGet("cb.a", "/api/v1/users").andExpect(status().isOk());
	}

	boolean enabled(long id) {
		return jdbc.sql("SELECT enabled FROM identity.app_user WHERE id = :id").param("id", id).query(Boolean.class)
			.single();
	}

	List<String> roles(long id) {
		return jdbc.sql("SELECT role FROM identity.user_role WHERE user_id = :id ORDER BY role").param("id", id)
			.query(String.class).list();
	}

	List<String> unitCodes(long id) {
		return jdbc.sql("SELECT g.code FROM identity.user_unit uu JOIN geography.unit g ON g.id = uu.unit_id WHERE uu.user_id = :id")
			.param("id", id).query(String.class).list();
	}
}
