package vn.vongtay.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;

/**
 * Materials are served with the type their checked file name gives, whatever the browser claimed when it sent them
 * (issue 16, item 13: a material stored with an invalid content type answered 500 on every download).
 */
@IntegrationTest
@Transactional
class OutreachMaterialTests extends OutreachTestSupport {

	@Autowired
	Clock clock;

	@Test
	void aMaterialStoredWithAnInvalidContentTypeIsStillDownloaded() throws Exception {
		LocalDate day = LocalDate.now(clock).minusDays(3);
		long id = as("xa.a", () -> activities.create(draft(ActivityKind.LEAFLETS, "Phát tờ rơi", agency("UBND xã Tuần Giáo"),
				List.of("03253"), day, Set.of(Topic.LIFE_SKILLS)), List.of(new Upload("to-roi.pdf", "application/pdf",
						new byte[] { 37, 80, 68, 70 }))));
		long material = jdbc.sql("SELECT id FROM outreach.material WHERE activity_id = :id").param("id", id)
			.query(Long.class).single();
		// as stored before the type was checked
		jdbc.sql("UPDATE outreach.material SET content_type = 'pdf, please' WHERE id = :id").param("id", material).update();

		page("xa.a", get("/outreach/materials/" + material)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
	}

	@Test
	void anUploadClaimingABogusTypeIsKeptWithTheTypeOfItsName() throws Exception {
		String day = LocalDate.now(clock).minusDays(2).toString();
		mvc.perform(multipart("/outreach/activities")
			.file(new MockMultipartFile("files", "anh.png", "image/png; charset===", new byte[] { 1, 2, 3 }))
			.param("kind", "LEAFLETS").param("title", "Tờ rơi có ảnh lạ").param("organiserAgencyId",
					String.valueOf(agency("UBND xã Tuần Giáo")))
			.param("unitCodes", "03253").param("startedOn", day).param("endedOn", day).param("topics", "LIFE_SKILLS")
			.with(csrf()).with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().is3xxRedirection());
		long material = jdbc.sql("""
				SELECT m.id FROM outreach.material m JOIN outreach.activity a ON a.id = m.activity_id
				WHERE a.title = 'Tờ rơi có ảnh lạ'""").query(Long.class).single();
		assertThat(jdbc.sql("SELECT content_type FROM outreach.material WHERE id = :id").param("id", material)
			.query(String.class).single()).isEqualTo("image/png");
		page("xa.a", get("/outreach/materials/" + material)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
	}
}
