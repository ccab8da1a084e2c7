package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;

/**
 * An agency focal point sees their tasks across plans, records progress with evidence, and the plan's tracking shows it;
 * those not responsible for a task cannot, and plans stay within the jurisdictions that may see them.
 */
@IntegrationTest
@Transactional
class TaskProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFocalPointRecordsProgressWithAnEvidenceFileAndThePlanTrackingShowsIt() throws Exception {
		long task = task("tho-xuan-2024", "II.1.2.a");
		long agency = leadOf(task);
		long plan = plan("tho-xuan-2024");
		int doneBefore = jdbc.sql("SELECT count(DISTINCT p.task_id) FROM planning.progress p JOIN planning.task t "
				+ "ON t.id = p.task_id WHERE t.plan_id = :plan AND p.status = 'DONE' AND p.role = 'LEAD'")
			.param("plan", plan).query(Integer.class).single();
		String myTasks = page("/my-tasks", "ldtbxh.thoxuan");
		assertThat(myTasks).contains("Nhiệm vụ của cơ quan tôi", "/plans/tasks/" + task);

		mvc.perform(multipart("/plans/tasks/" + task + "/progress")
			.file(new MockMultipartFile("files", "bien-ban-tuyen-truyen.pdf", "application/pdf",
					"%PDF-1.4 biên bản".getBytes(StandardCharsets.UTF_8)))
			.param("agencyId", String.valueOf(agency))
			.param("period", "2024-H1")
			.param("status", "DONE")
			.param("done", "Tổ chức 12 buổi tuyên truyền tại 8 xã, thị trấn")
			.param("figures", "1.250 lượt người tham dự")
			.with(as("ldtbxh.thoxuan")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/plans/tasks/" + task + "?saved"));

		String taskPage = page("/plans/tasks/" + task, "ldtbxh.thoxuan");
		assertThat(taskPage).contains("6 tháng đầu năm 2024", "Tổ chức 12 buổi tuyên truyền tại 8 xã, thị trấn",
				"1.250 lượt người tham dự", "bien-ban-tuyen-truyen.pdf", "Hoàn thành");
		assertThat(page("/plans/" + plan, "admin")).contains("id=\"task-" + task + "\"", "status-DONE");
		mvc.perform(get("/api/v1/plans/" + plan).with(as("admin")))
			.andExpect(jsonPath("$.tasksDone").value(doneBefore + 1))
			.andExpect(jsonPath("$.tasks[?(@.id == " + task + ")].status").value("DONE"));

		long evidence = jdbc.sql("SELECT e.id FROM planning.evidence e JOIN planning.progress p ON p.id = e.progress_id "
				+ "WHERE p.task_id = :task").param("task", task).query(Long.class).single();
		byte[] file = mvc.perform(get("/plans/evidence/" + evidence).with(as("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 biên bản");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'EVIDENCE_DOWNLOADED' AND subject_id = :id")
			.param("id", String.valueOf(evidence)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theHealthDepartmentSeesTheTasksOfTheLabourDepartmentWhoseChildAffairsItTookOver() throws Exception {
		long task = task("cao-bang-2022", "V.1.a");
		String myTasks = page("/my-tasks", "soyte.caobang");
		assertThat(myTasks).contains("/plans/tasks/" + task, "Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng",
				"nay là Sở Y tế tỉnh Cao Bằng");
		mvc.perform(post("/api/v1/tasks/" + task + "/progress").contentType("application/json")
			.content("""
					{"agencyId": %d, "period": "2022-H1", "status": "ON_TRACK", "done": "Đã ban hành văn bản hướng dẫn"}"""
				.formatted(leadOf(task)))
			.with(as("soyte.caobang")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/tasks/" + task + "/progress").with(as("soyte.caobang")))
			.andExpect(jsonPath("$[0].status").value("ON_TRACK"))
			.andExpect(jsonPath("$[0].agency.currentName").value("Sở Y tế tỉnh Cao Bằng"));
	}

	@Test
	void anAgencyNotNamedInTheTaskCannotRecordProgressOnIt() throws Exception {
		long task = task("cao-bang-2022", "V.1.a");
		mvc.perform(post("/api/v1/tasks/" + task + "/progress").contentType("application/json")
			.content("{\"agencyId\": %d, \"period\": \"2022-H1\", \"status\": \"DONE\"}".formatted(leadOf(task)))
			.with(as("ldtbxh.thoxuan")))
			.andExpect(status().isNotFound());
		long thoXuanTask = task("tho-xuan-2024", "II.3.2.b");
		mvc.perform(post("/api/v1/tasks/" + thoXuanTask + "/progress").contentType("application/json")
			.content("{\"agencyId\": %d, \"period\": \"2024-H1\", \"status\": \"DONE\"}".formatted(leadOf(thoXuanTask)))
			.with(as("ldtbxh.thoxuan")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Bạn không phụ trách nhiệm vụ hoặc chỉ tiêu này nên không thể cập nhật."));
	}

	@Test
	void aCorrectionBasedOnAnOutdatedReportIsRefusedInsteadOfOverwritingIt() throws Exception {
		long task = task("tho-xuan-2024", "II.1.2.c");
		String report = "{\"agencyId\": %d, \"period\": \"2024-Q1\", \"status\": \"ON_TRACK\", \"done\": \"%s\"%s}";
		mvc.perform(post("/api/v1/tasks/" + task + "/progress").contentType("application/json")
			.content(report.formatted(leadOf(task), "Lần đầu", "")).with(as("ldtbxh.thoxuan")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/tasks/" + task + "/progress").contentType("application/json")
			.content(report.formatted(leadOf(task), "Sửa lần 1", ", \"version\": 0")).with(as("ldtbxh.thoxuan")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/tasks/" + task + "/progress").contentType("application/json")
			.content(report.formatted(leadOf(task), "Sửa dựa trên bản cũ", ", \"version\": 0")).with(as("ldtbxh.thoxuan")))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT done FROM planning.progress WHERE task_id = :task").param("task", task)
			.query(String.class).single()).isEqualTo("Sửa lần 1");
	}

	@Test
	void aCommuneOfficerElsewhereNeitherListsNorOpensADistrictPlan() throws Exception {
		long plan = plan("tho-xuan-2024");
		mvc.perform(get("/api/v1/plans").with(as("xa.b")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + plan + ")]").isEmpty());
		mvc.perform(get("/api/v1/plans/" + plan).with(as("xa.b"))).andExpect(status().isNotFound());
		mvc.perform(get("/plans/tasks/" + task("tho-xuan-2024", "II.1.2.a")).with(as("xa.b")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/plans/" + plan).with(as("thanhtra.thoxuan"))).andExpect(status().isOk());
	}

	@Test
	void anOfficerOfTheIssuingUnitRecordsWhatATargetAchievedAndItsStatusFollows() throws Exception {
		long plan = plan("tho-xuan-2024");
		// 1.1-b is qualitative: a person assesses it; the measured targets take their indicator's value
		long target = jdbc.sql("SELECT id FROM planning.target WHERE plan_id = :plan AND code = '1.1-b'")
			.param("plan", plan).query(Long.class).single();
		mvc.perform(post("/plans/" + plan + "/targets/" + target + "/achievements")
			.param("asOf", "2024-12-31").param("assessment", "AT_RISK").param("note", "Tờ rơi chưa đến 6 xã")
			.with(as("ldtbxh.thoxuan")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/plans/" + plan).with(as("admin")))
			.andExpect(jsonPath("$.objectives[*].targets[?(@.code == '1.1-b')].latest.assessment").value("AT_RISK"))
			.andExpect(jsonPath("$.objectives[*].targets[?(@.code == '1.1-b')].status").value("AT_RISK"));
		assertThat(page("/plans/" + plan, "admin")).contains("Tờ rơi chưa đến 6 xã", "Có nguy cơ không đạt");

		long bound = jdbc.sql("SELECT id FROM planning.target WHERE plan_id = :plan AND code = '3.1-a'")
			.param("plan", plan).query(Long.class).single();
		mvc.perform(post("/plans/" + plan + "/targets/" + bound + "/achievements")
			.param("asOf", "2024-12-31").param("value", "92").param("note", "46/50 tin báo")
			.with(as("ldtbxh.thoxuan")).with(csrf()))
			.andExpect(status().is(422));
	}

	@Test
	void thePlanPagesRenderInVietnameseWithEveryTab() throws Exception {
		long plan = plan("binh-long-2022");
		assertThat(page("/plans", "admin")).contains("Kế hoạch, chỉ tiêu, nhiệm vụ", "thị xã Bình Long");
		assertThat(page("/plans/" + plan, "admin")).contains("Mục tiêu và chỉ tiêu", "Giảm còn tối đa", "2,5 %",
				"Chế độ báo cáo", "87/TTr-UBND");
		assertThat(page("/plans/" + plan + "?tab=agencies", "admin")).contains("Phòng Lao động - Thương binh và Xã hội thị xã Bình Long");
		assertThat(page("/plans/" + plan + "?tab=text", "admin")).contains("TỜ TRÌNH");
		assertThat(page("/plans/" + plan("cao-bang-2022") + "?tab=lower", "admin"))
			.contains("Chưa có kế hoạch cấp dưới nào thực hiện kế hoạch này");
		assertThat(page("/plans/tasks/" + task("binh-long-2022", firstLedTaskNumber("binh-long-2022")), "admin"))
			.contains("Báo cáo tiến độ", "6 tháng đầu năm");
	}

	private String page(String url, String username) throws Exception {
		return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String username) {
		UserDetails user = users.loadUserByUsername(username);
		return user(user);
	}

	private long plan(String key) {
		return jdbc.sql("SELECT id FROM planning.plan WHERE key = :key").param("key", key).query(Long.class).single();
	}

	private long task(String planKey, String number) {
		return jdbc.sql("SELECT t.id FROM planning.task t JOIN planning.plan p ON p.id = t.plan_id "
				+ "WHERE p.key = :key AND t.number = :number").param("key", planKey).param("number", number)
			.query(Long.class).single();
	}

	private String firstLedTaskNumber(String planKey) {
		return jdbc.sql("SELECT t.number FROM planning.task t JOIN planning.plan p ON p.id = t.plan_id "
				+ "WHERE p.key = :key AND t.lead_agency_id IS NOT NULL ORDER BY t.position LIMIT 1").param("key", planKey).query(String.class).single();
	}

	private long leadOf(long task) {
		return jdbc.sql("SELECT lead_agency_id FROM planning.task WHERE id = :id").param("id", task).query(Long.class)
			.single();
	}
}
