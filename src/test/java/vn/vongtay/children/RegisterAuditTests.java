package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * A search or a list page that answers children's names is a read of personal data (issue 16, item 15): it is written
 * to the audit log once per request, with what was asked and how many children it answered, never their names. A count
 * answers no name and is not written.
 */
@IntegrationTest
@Transactional
class RegisterAuditTests extends DemoAccountTestSupport {

	@Autowired
	Children children;

	@Test
	void aSearchThatAnswersNamesIsAuditedOnceWithItsQueryAndHowManyItFoundButNoName() throws Exception {
		as("xa.a", () -> children.register(new ChildDraft("Giàng Thị Kiểm Toán", Sex.FEMALE, LocalDate.of(2014, 2, 2),
				false, "08", null, true, "03253", "Bản Đông", null, null, null, false, null, null, null, null, null, null,
				null)));

		long before = searches();
		page("xa.a", get("/api/v1/children").param("q", "kiem toan")).andExpect(status().isOk());
		assertThat(searches()).isEqualTo(before + 1);
		String details = lastSearch();
		assertThat(details).contains("kiem toan", "1").doesNotContain("Giàng", "Kiểm Toán");

		page("xa.a", get("/children").param("q", "kiem toan")).andExpect(status().isOk());
		assertThat(searches()).as("the list page searches and counts: one entry").isEqualTo(before + 2);

		page("xa.a", get("/api/v1/children/count").param("q", "kiem toan")).andExpect(status().isOk());
		assertThat(searches()).as("a count answers no name").isEqualTo(before + 2);
	}

	private long searches() {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = 'xa.a' AND action = 'CHILDREN_SEARCHED'")
			.query(Long.class).single();
	}

	private String lastSearch() {
		List<String> details = jdbc.sql("""
				SELECT details FROM audit.entry WHERE actor = 'xa.a' AND action = 'CHILDREN_SEARCHED'
				ORDER BY id DESC LIMIT 1""").query(String.class).list();
		return details.isEmpty() ? "" : details.get(0);
	}
}
