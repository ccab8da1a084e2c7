package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;

/**
 * xa.a (Xã Tuần Giáo) finds none of the children of xa.b (Xã Quài Tở) by search, list, id, export or count, through
 * pages or the API; viewers and agency focal points see no child at all; a village collaborator sees their village only.
 */
@IntegrationTest
@Transactional
class ChildJurisdictionTests {

	private static final String NAME = "Quàng Thị Riêng Tư";

	@Autowired
	MockMvc mvc;

	@Autowired
	Children children;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	long childOfQuaiTo;

	@BeforeEach
	void registerAChildInQuaiTo() {
		var xaB = users.loadUserByUsername("xa.b");
		TestSecurityContextHolder.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(xaB, null, xaB.getAuthorities()));
		childOfQuaiTo = children.register(new ChildDraft(NAME, Sex.FEMALE, LocalDate.of(2014, 3, 3), false, "03",
				"011314777001", true, "03295", "Bản Quài Tở", null, null, null, false, null, null, null, null, null, null,
				null));
		TestSecurityContextHolder.clearContext();
	}

	@Test
	void theOwnCommuneFindsTheChildByEveryPath() throws Exception {
		mvc.perform(get("/api/v1/children").param("q", "quang thi rieng tu").with(as("xa.b")))
			.andExpect(jsonPath("$[?(@.id == " + childOfQuaiTo + ")].communeCode").value("03295"));
		mvc.perform(get("/api/v1/children/" + childOfQuaiTo).with(as("xa.b"))).andExpect(status().isOk());
	}

	@Test
	void anotherCommuneCannotSearchListOpenCountOrExportTheChild() throws Exception {
		mvc.perform(get("/api/v1/children").param("q", "quang thi rieng tu").with(as("xa.a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + childOfQuaiTo + ")]").isEmpty());
		mvc.perform(get("/api/v1/children").param("q", "011314777001").with(as("xa.a")))
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/v1/children").param("unit", "03295").with(as("xa.a")))
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/v1/children/count").param("unit", "03295").with(as("xa.a")))
			.andExpect(jsonPath("$.count").value(0));
		mvc.perform(get("/api/v1/children/" + childOfQuaiTo).with(as("xa.a"))).andExpect(status().isNotFound());
		mvc.perform(get("/children/" + childOfQuaiTo).with(as("xa.a"))).andExpect(status().isNotFound());
		String page = mvc.perform(get("/children").param("q", NAME).with(as("xa.a"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("/children/" + childOfQuaiTo + "\"").contains("Không tìm thấy trẻ nào.");
		byte[] export = mvc.perform(get("/children/export.xlsx").param("unit", "03295").with(as("xa.a")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(export))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
		byte[] ownExport = mvc.perform(get("/children/export.xlsx").with(as("xa.a")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(ownExport))) {
			for (var row : workbook.getSheetAt(0)) {
				assertThat(row.getCell(0).getStringCellValue()).isNotEqualTo(NAME);
				if (row.getRowNum() > 0) {
					assertThat(row.getCell(5).getStringCellValue()).isEqualTo("03253");
				}
			}
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isPositive();
		}
	}

	@Test
	void theProvinceSeesBothCommunesAndViewersOrFocalPointsSeeNoChild() throws Exception {
		mvc.perform(get("/api/v1/children/" + childOfQuaiTo).with(as("tinh.dienbien"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/children").param("q", "quang thi rieng tu").with(as("lanhdao.dienbien")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/children/" + childOfQuaiTo).with(as("lanhdao.dienbien")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/children").with(as("soyte.caobang"))).andExpect(status().isForbidden());
	}

	@Test
	void aVillageCollaboratorSeesOnlyTheChildrenOfTheirVillageAndOnlyWhatRegistrationNeeds() throws Exception {
		long village = jdbc.sql("SELECT village_id FROM identity.user_village uv JOIN identity.app_user u ON u.id = uv.user_id "
				+ "WHERE u.username = 'ctv.a'").query(Long.class).single();
		long inVillage = jdbc.sql("SELECT c.id FROM children.child c WHERE c.village_id = :v AND c.birth_date > now() - INTERVAL '15 years' "
				+ "ORDER BY c.id LIMIT 1").param("v", village).query(Long.class).single();
		long elsewhere = jdbc.sql("""
				SELECT c.id FROM children.child c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.code = '03253' AND u.valid_to IS NULL AND c.village_id <> :v ORDER BY c.id LIMIT 1""")
			.param("v", village).query(Long.class).single();
		String list = mvc.perform(get("/api/v1/children").param("unit", "03253").with(as("ctv.a")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).doesNotContain("\"id\":" + elsewhere + ",");
		long ofTheVillage = jdbc.sql("SELECT count(*) FROM children.child WHERE village_id = :v "
				+ "AND birth_date > CAST(now() AS date) - INTERVAL '16 years'").param("v", village).query(Long.class).single();
		mvc.perform(get("/api/v1/children/count").param("unit", "03253").with(as("ctv.a")))
			.andExpect(jsonPath("$.count").value(ofTheVillage));
		mvc.perform(get("/api/v1/children/" + inVillage).with(as("ctv.a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.circumstances").isEmpty())
			.andExpect(jsonPath("$.supports").isEmpty());
		mvc.perform(get("/api/v1/children/" + elsewhere).with(as("ctv.a"))).andExpect(status().isNotFound());
		mvc.perform(get("/children/export.xlsx").with(as("ctv.a"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/children/" + inVillage).with(as("xa.a")))
			.andExpect(jsonPath("$.circumstances").isArray());
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
