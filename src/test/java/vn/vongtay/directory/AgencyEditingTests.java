package vn.vongtay.directory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AgencyEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecondEditFromAStaleFormIsRefusedAndDoesNotOverwriteTheFirst() throws Exception {
		long id = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'Trạm Y tế xã Quài Tở'").query(Long.class).single();
		int version = jdbc.sql("SELECT version FROM directory.agency WHERE id = :id").param("id", id).query(Integer.class).single();
		edit(id, version, "0215 3862 001").andExpect(status().is3xxRedirection());
		edit(id, version, "0999 999 999")
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("đã được người khác thay đổi")));
		assertThat(jdbc.sql("SELECT phone FROM directory.agency WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("0215 3862 001");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'AGENCY_UPDATED' AND subject_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCommuneOfficerCannotChangeAnAgency() throws Exception {
		long id = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'Công an xã Tuần Giáo'").query(Long.class).single();
		mvc.perform(post("/admin/agencies/" + id).with(user(users.loadUserByUsername("xa.a"))).with(csrf())
			.param("version", "0").param("kind", "POLICE").param("name", "Đổi tên").param("unitCode", "03253"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT name FROM directory.agency WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("Công an xã Tuần Giáo");
	}

	private org.springframework.test.web.servlet.ResultActions edit(long id, int version, String phone) throws Exception {
		return mvc.perform(post("/admin/agencies/" + id).with(user(users.loadUserByUsername("tinh.dienbien"))).with(csrf())
			.param("version", String.valueOf(version))
			.param("kind", "HEALTH_FACILITY")
			.param("name", "Trạm Y tế xã Quài Tở")
			.param("unitCode", "03295")
			.param("phone", phone));
	}
}
