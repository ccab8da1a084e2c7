package vn.vongtay.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Child affairs in the 2025 reforms, as the demo directory holds them (issue 18 §2). From 01/03/2025 the Ministry of
 * Health took child affairs from the Ministry of Labour, Invalids and Social Affairs (Nghị định 42/2025/NĐ-CP), and in
 * each province and district the health office took them from the labour office (Nghị định 45/2025/NĐ-CP and the local
 * decisions); from 01/07/2025 the bodies of the tree of that day carry them. Nobody is ever without them, and every
 * former office reads "nay là …".
 */
@IntegrationTest
class ChildAffairsHandoverTests extends DemoAccountTestSupport {

	@Test
	void everyFormerChildAffairsOfficeHandsOverOnTheDayAfterItEnds() {
		List<String> gaps = jdbc.sql("""
				SELECT a.name || ' (ends ' || a.valid_to || ')' FROM directory.agency a
				LEFT JOIN directory.agency s ON s.id = a.replaced_by_id
				WHERE a.kind IN ('SOCIAL_AFFAIRS', 'HEALTH_DEPARTMENT') AND a.valid_to IS NOT NULL
				  -- the directory's own offices; one a plan import added beside them is matched to them by that import
				  -- (issue 18 §2, third point)
				  AND NOT EXISTS (SELECT 1 FROM audit.entry e WHERE e.action = 'AGENCY_CREATED'
				                  AND e.subject_id = CAST(a.id AS text))
				  AND (s.id IS NULL OR NOT daterange(s.valid_from, s.valid_to, '[]') @> a.valid_to + 1
				       OR a.transfer_basis IS NULL)""")
			.query(String.class).list();
		assertThat(gaps).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM directory.agency WHERE kind = 'SOCIAL_AFFAIRS' AND valid_to = DATE '2025-02-28'")
			.query(Long.class).single()).as("the labour offices of the ministry, the five former provinces and four districts")
			.isEqualTo(10);
	}

	@Test
	void theLabourDepartmentOfCaoBangIsNowTheHealthDepartmentByDecree45Of2025() {
		long labour = id("Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng");
		List<Handover> handovers = as("admin", () -> directory.successionOf(labour));
		assertThat(handovers).extracting(h -> h.to().name() + " " + h.on())
			.containsExactly("Sở Y tế tỉnh Cao Bằng 2025-03-01", "Sở Y tế tỉnh Cao Bằng 2025-07-01");
		assertThat(handovers.get(0).basis()).contains("Nghị định 45/2025/NĐ-CP").contains("chưa đối chiếu");
		assertThat(handovers.get(0).duties()).contains("trẻ em");
		assertThat(handovers.get(1).to().validTo()).isNull();
		assertThat(as("admin", () -> directory.get(labour)).currentName()).isEqualTo("Sở Y tế tỉnh Cao Bằng");
	}

	@Test
	void theMinistryAndTheDistrictOfficeHandOverToo() {
		List<Handover> ministry = as("admin", () -> directory.successionOf(id("Bộ Lao động - Thương binh và Xã hội (Cục Trẻ em)")));
		assertThat(ministry).extracting(h -> h.to().name()).containsExactly("Bộ Y tế (Cục Bà mẹ và Trẻ em)");
		assertThat(ministry.get(0).basis()).contains("Nghị định 42/2025/NĐ-CP");
		List<Handover> district = as("admin",
				() -> directory.successionOf(id("Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân")));
		assertThat(district).extracting(h -> h.to().name() + " " + h.on())
			.containsExactly("Phòng Y tế huyện Thọ Xuân 2025-03-01", "Sở Y tế tỉnh Thanh Hoá 2025-07-01");
	}

	@Test
	void theDirectoryShowsWhatAFormerOfficeIsNow() throws Exception {
		long labour = id("Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên");
		assertThat(pageBody("tinh.dienbien", "/admin/agencies?q=binh")).contains("(nay là Sở Y tế tỉnh Điện Biên)");
		assertThat(pageBody("tinh.dienbien", "/admin/agencies/" + labour)).contains("nay là Sở Y tế tỉnh Điện Biên")
			.contains("01/03/2025").contains("01/07/2025").contains("Nghị định 45/2025/NĐ-CP");
		assertThat(pageBody("tinh.dienbien", "/admin/agencies/" + labour + "?lang=en")).contains("Duties handed over");
		mvc.perform(get("/api/v1/agencies/" + labour + "/succession")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername("tinh.dienbien"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].on").value("2025-03-01"))
			.andExpect(jsonPath("$[1].to.name").value("Sở Y tế tỉnh Điện Biên"));
		// a commune officer of today does not answer for the former province's offices
		mvc.perform(get("/api/v1/agencies/" + labour + "/succession")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().isNotFound());
	}

	@org.springframework.beans.factory.annotation.Autowired
	Agencies directory;

	private long id(String name) {
		return jdbc.sql("SELECT id FROM directory.agency WHERE name = :name").param("name", name).query(Long.class).single();
	}
}
