package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * Who may do what with plans, decided by the need-to-know table (decision 0009, {@code Data.PLANS}) in the module's
 * API, so that a page and the API cannot disagree.
 */
@IntegrationTest
@Transactional
class PlanAccessTests extends DemoAccountTestSupport {

	/** Issue 16, item 7: a viewer and a police focal point imported plans through the API; the page refused them. */
	@Test
	void aViewerAndAnAgencyFocalPointImportNoPlanThroughTheApiOrThePage() throws Exception {
		long before = plans();
		apiPostYaml("lanhdao.dienbien", communePlan()).andExpect(status().isForbidden());
		apiPostYaml("congan.tuangiao", communePlan()).andExpect(status().isForbidden());
		assertThat(plans()).isEqualTo(before);
		page("lanhdao.dienbien", get("/plans/import")).andExpect(status().isForbidden());
		page("congan.tuangiao", get("/plans/import")).andExpect(status().isForbidden());

		apiPostYaml("xa.a", communePlan()).andExpect(status().isCreated());
		assertThat(plans()).isEqualTo(before + 1);
	}

	@Test
	void theHotlineAndAVillageCollaboratorReadNoPlanWhileAViewerAndAnInspectorDo() throws Exception {
		apiGet("tongdai111", "/api/v1/plans").andExpect(status().isForbidden());
		page("ctv.a", get("/plans")).andExpect(status().isForbidden());
		apiGet("lanhdao.dienbien", "/api/v1/plans").andExpect(status().isOk());
		// the Thọ Xuân plan is the district's prostitution-prevention plan: the inspection teams carry out its tasks
		long thoXuan = jdbc.sql("SELECT id FROM planning.plan WHERE key = 'tho-xuan-2024'").query(Long.class).single();
		apiGet("thanhtra.thoxuan", "/api/v1/plans/" + thoXuan).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions apiPostYaml(String username, String yaml)
			throws Exception {
		return mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + token(username))
			.contentType("application/yaml").content(yaml));
	}

	private long plans() {
		return jdbc.sql("SELECT count(*) FROM planning.plan").query(Long.class).single();
	}

	static String communePlan() throws IOException {
		return new ClassPathResource("planning/xa-tuan-giao-2026.yaml").getContentAsString(StandardCharsets.UTF_8);
	}
}
