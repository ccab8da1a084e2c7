package vn.vongtay.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * An imported plan's agencies are matched to the directory by unit, kind, date and name as officials write it, and a
 * person confirms the new ones (issue 18, section 2: imports created "Sở Y tế" beside "Sở Y tế tỉnh Cao Bằng" and two
 * Phòng LĐTBXH of Tuần Giáo).
 */
@IntegrationTest
@Transactional
class PlanAgencyMatchingTests extends DemoAccountTestSupport {

	@Autowired
	Plans plans;

	/** Seed 003 (Tuần Giáo) writes "Phòng Lao động Thương binh và Xã hội", without the dash of the directory's name. */
	@Test
	void tuanGiaoHasOneLabourOfficeAndItLeadsTheSeedPlansTasks() {
		assertThat(agencyNames("SOCIAL_AFFAIRS", "099")).containsExactly(
				"Phòng Lao động - Thương binh và Xã hội huyện Tuần Giáo");
		assertThat(agencyNames("PEOPLES_COMMITTEE", "870")).containsExactly("UBND huyện Hồng Ngự");
		assertThat(agencyNames("CULTURE", "395")).containsExactlyInAnyOrder(
				"Phòng Văn hóa và Thông tin huyện Thọ Xuân", "Trung tâm Văn hoá Thông tin - TT&DL");
	}

	/**
	 * Seed 001 (Cao Bằng 715/KH-UBND, 2022) names "Sở Y tế": the province's health department, which the directory
	 * keeps as "Sở Y tế tỉnh Cao Bằng" of the province that continues, under the same code, the Cao Bằng of 2022.
	 */
	@Test
	void caoBangsHealthDepartmentIsTheDirectorysAndNoSecondOne() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.kind = 'HEALTH_DEPARTMENT' AND u.code = '04'
				  AND daterange(u.valid_from, u.valid_to, '[]') @> DATE '2022-03-29'""").query(Long.class).single())
			.as("the province of the plan's date has one health department; the province of 01/07/2025 has its own")
			.isEqualTo(1);
		long caoBang = jdbc.sql("SELECT id FROM planning.plan WHERE key = 'cao-bang-2022'").query(Long.class).single();
		assertThat(as("admin", () -> plans.get(caoBang)).tasks()).flatExtracting(t -> t.partnerAgencies())
			.extracting(AgencyRef::name).contains("Sở Y tế tỉnh Cao Bằng").doesNotContain("Sở Y tế");
	}

	@Test
	void aPlanNamingAnAgencyTheDirectoryLacksWaitsForAPersonAndStoresNothing() throws Exception {
		String plan = PlanAccessTests.communePlan()
			.replace("- {key: tram-y-te, kind: HEALTH_FACILITY, name: \"Trạm Y tế xã Tuần Giáo\", unitCode: \"03253\"}",
					"- {key: tram-y-te, kind: HEALTH_FACILITY, name: \"Trạm Y tế xã Tuần Giáo\", unitCode: \"03253\"}\n"
							+ "  - {key: truong-thcs, kind: SCHOOL, name: \"Trường THCS xã Tuần Giáo\", unitCode: \"03253\"}\n"
							+ "  - {key: doan-xa, kind: WOMENS_UNION, name: \"Hội Phụ nữ xã\", unitCode: \"03253\"}")
			.replace("partners: [cong-an-xa, tram-y-te]", "partners: [cong-an-xa, tram-y-te, truong-thcs, doan-xa]");
		long plansBefore = count("planning.plan");
		long agenciesBefore = count("directory.agency");

		AgenciesToConfirm question = catchThrowableOfType(AgenciesToConfirm.class,
				() -> as("xa.a", () -> plans.importDocument(plan, AgencyChoices.NONE)));
		// the commune's police and health station are the directory's: only the school and the union are asked about
		assertThat(question.pending()).extracting(AgenciesToConfirm.Pending::key)
			.containsExactly("truong-thcs", "doan-xa");
		assertThat(question.pending().get(1).candidates()).extracting(c -> c.agency().name())
			.contains("Hội Liên hiệp Phụ nữ xã Tuần Giáo");
		assertThat(question.problems()).extracting(p -> p.messageKey())
			.containsExactly("error.plan.agency-new", "error.plan.agency-to-confirm");
		assertThat(count("planning.plan")).isEqualTo(plansBefore);
		assertThat(count("directory.agency")).isEqualTo(agenciesBefore);

		long union = question.pending().get(1).candidates().get(0).agency().id();
		long id = as("xa.a", () -> plans.importDocument(plan,
				AgencyChoices.parse(List.of("truong-thcs:new", "doan-xa:" + union))));
		PlanDetail.Task task = as("xa.a", () -> plans.get(id)).tasks().get(0);
		assertThat(task.partnerAgencies()).extracting(AgencyRef::name).containsExactly("Công an xã Tuần Giáo",
				"Trạm Y tế xã Tuần Giáo", "Trường THCS xã Tuần Giáo", "Hội Liên hiệp Phụ nữ xã Tuần Giáo");
		assertThat(count("directory.agency")).isEqualTo(agenciesBefore + 1);
	}

	@Test
	void theApiAnswersWithEveryAgencyToConfirmAndHowToConfirmIt() throws Exception {
		String plan = PlanAccessTests.communePlan().replace("name: \"Trạm Y tế xã Tuần Giáo\"",
				"name: \"Phòng khám đa khoa khu vực\"");
		long station = jdbc.sql("SELECT id FROM directory.agency WHERE name = 'Trạm Y tế xã Tuần Giáo'")
			.query(Long.class).single();
		mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + token("xa.a"))
			.contentType("application/yaml").content(plan))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].column").value("agencies[2]"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
					"Trạm Y tế xã Tuần Giáo (Xã Tuần Giáo): agency=tram-y-te:" + station)));
		mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + token("xa.a"))
			.contentType("application/yaml").content(plan).param("agency", "tram-y-te:" + station))
			.andExpect(status().isCreated());
	}

	private List<String> agencyNames(String kind, String unitCode) {
		return jdbc.sql("""
				SELECT a.name FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.kind = :kind AND u.code = :code AND u.valid_to = DATE '2025-06-30' ORDER BY a.name""")
			.param("kind", kind).param("code", unitCode).query(String.class).list();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
