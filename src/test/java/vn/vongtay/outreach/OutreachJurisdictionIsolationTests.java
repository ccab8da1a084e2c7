package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer of Xã Tuần Giáo (xa.a) reaches nothing of Xã Quài Tở (xa.b): not its activities by page or API, by list,
 * id or material, not its coverage figures; and a viewer sees figures but no activity.
 */
@IntegrationTest
class OutreachJurisdictionIsolationTests extends OutreachTestSupport {

	long activity;
	String title;

	@BeforeEach
	void quaiToHasItsOwnActivity() {
		title = "Truyền thông Quài Tở " + Long.toString(System.nanoTime(), 36);
		long organiser = agency("UBND xã Quài Tở");
		activity = as("xa.b", () -> activities.create(draft(ActivityKind.MEETING, title, organiser, List.of("03295"),
				LocalDate.now().minusDays(3), Set.of(Topic.CHILD_ABUSE_PREVENTION)),
				List.of(new Upload("bien-ban.pdf", "application/pdf", "%PDF-1.4".getBytes()))));
	}

	@Test
	void aCommuneOfficerNeitherListsNorOpensTheActivitiesOfAnotherCommune() throws Exception {
		assertThat(pageBody("xa.b", "/outreach")).contains(title);
		assertThat(pageBody("xa.a", "/outreach")).doesNotContain(title);
		assertThat(pageBody("xa.a", "/outreach?unit=03295")).doesNotContain(title);
		assertThat(text(apiGet("xa.a", "/api/v1/outreach/activities").andExpect(status().isOk()))).doesNotContain(title);
		assertThat(text(apiGet("xa.a", "/api/v1/outreach/activities?unit=03295").andExpect(status().isOk())))
			.doesNotContain(title);
		page("xa.a", get("/outreach/activities/" + activity)).andExpect(status().isNotFound());
		apiGet("xa.a", "/api/v1/outreach/activities/" + activity).andExpect(status().isNotFound());
		apiGet("xa.b", "/api/v1/outreach/activities/" + activity).andExpect(status().isOk());
		long material = jdbc.sql("SELECT id FROM outreach.material WHERE activity_id = :id").param("id", activity)
			.query(Long.class).single();
		page("xa.a", get("/outreach/materials/" + material)).andExpect(status().isNotFound());
		page("xa.b", get("/outreach/materials/" + material)).andExpect(status().isOk());
	}

	@Test
	void aCommuneOfficerCannotCountAnotherCommune() throws Exception {
		apiGet("xa.a", "/api/v1/outreach/figures?unit=03295").andExpect(status().isNotFound());
		page("xa.a", get("/outreach/coverage?unit=03295")).andExpect(status().isNotFound());
		long quaiTo = unitId("03295", LocalDate.now());
		assertThatThrownBy(() -> as("xa.a", () -> figures.of(quaiTo, Period.year(LocalDate.now().getYear()), null)))
			.isInstanceOf(UserFacingException.class);
		assertThat(read(apiGet("xa.b", "/api/v1/outreach/figures?unit=03295").andExpect(status().isOk()))
			.get("communesReached").asLong()).isEqualTo(1);
	}

	@Test
	void aCommuneOfficerCannotRecordAnActivityInAnotherCommune() throws Exception {
		form("xa.a", "/outreach/activities", "kind", "MEETING", "title", "Lấn sân", "organiserAgencyId",
				String.valueOf(agency("UBND xã Tuần Giáo")), "unitCodes", "03295", "startedOn", "2026-01-05",
				"endedOn", "2026-01-05", "topics", "OTHER")
			.andExpect(status().is(422));
		apiPost("xa.a", "/api/v1/outreach/activities", """
				{"kind":"MEETING","title":"Lấn sân","organiserAgencyId":%d,"unitCodes":["03253","03295"],
				 "startedOn":"2026-01-05","endedOn":"2026-01-05","topics":["OTHER"]}"""
			.formatted(agency("UBND xã Tuần Giáo")))
			.andExpect(status().is(422));
	}

	@Test
	void aViewerSeesCoverageButNoActivity() throws Exception {
		page("lanhdao.dienbien", get("/outreach")).andExpect(redirectedUrl("/outreach/coverage"));
		page("lanhdao.dienbien", get("/outreach/activities/" + activity)).andExpect(status().isForbidden());
		apiGet("lanhdao.dienbien", "/api/v1/outreach/activities").andExpect(status().isForbidden());
		assertThat(pageBody("lanhdao.dienbien", "/outreach/coverage")).contains("Xã, thị trấn chưa có hoạt động");
	}
}
