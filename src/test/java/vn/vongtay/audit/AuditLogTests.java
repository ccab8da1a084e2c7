package vn.vongtay.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void entriesCanBeAddedButNeverChangedOrDeleted() {
		audit.recordAs("tester", "TEST_ACTION", "Thing", 42, null, "kept");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit.entry SET actor = 'someone else'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entry").update()).hasMessageContaining("append-only");
		assertThat(audit.search(new AuditLog.AuditQuery("tester", "TEST_ACTION", null, null, 0, 10)).entries())
			.extracting(AuditLog.AuditEntry::details).contains("kept");
	}

	@Test
	void onlyASystemAdministratorOpensTheAuditLogPage() throws Exception {
		audit.recordAs("tester", "TEST_PAGE", null, null, null, null);
		mvc.perform(get("/admin/audit").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk());
		mvc.perform(get("/admin/audit").with(user(users.loadUserByUsername("tinh.dienbien"))))
			.andExpect(status().isForbidden());
	}
}
