package vn.vongtay.outreach;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Recording and changing activities: what is refused, and in which words. */
@IntegrationTest
@Transactional
class OutreachEditingTests extends OutreachTestSupport {

	@Test
	void aChangeBasedOnAStaleVersionIsRefused() throws Exception {
		long organiser = agency("UBND xã Tuần Giáo");
		ActivityDraft draft = draft(ActivityKind.MEETING, "Họp phụ huynh", organiser, List.of("03253"),
				LocalDate.now().minusDays(1), Set.of(Topic.ONLINE_SAFETY));
		long id = as("xa.a", () -> activities.create(draft, List.of()));
		as("xa.a", () -> {
			activities.update(id, 0, draft, List.of());
			return null;
		});
		assertThatThrownBy(() -> as("xa.a", () -> {
			activities.update(id, 0, draft, List.of());
			return null;
		})).isInstanceOf(OptimisticLockingFailureException.class);
		form("xa.a", "/outreach/activities/" + id, "version", "0", "kind", "MEETING", "title", "Họp phụ huynh",
				"organiserAgencyId", String.valueOf(organiser), "unitCodes", "03253", "startedOn",
				LocalDate.now().minusDays(1).toString(), "endedOn", LocalDate.now().minusDays(1).toString(), "topics",
				"ONLINE_SAFETY")
			.andExpect(status().isConflict());
	}

	@Test
	void aFileOfARefusedTypeIsRejectedInVietnamese() throws Exception {
		String day = LocalDate.now().minusDays(2).toString();
		var result = mvc.perform(multipart("/outreach/activities")
			.file(new MockMultipartFile("files", "chuong-trinh.exe", "application/octet-stream", new byte[] { 1, 2 }))
			.param("kind", "LEAFLETS").param("title", "Phát tờ rơi").param("organiserAgencyId",
					String.valueOf(agency("UBND xã Tuần Giáo")))
			.param("unitCodes", "03253").param("startedOn", day).param("endedOn", day).param("topics", "LIFE_SKILLS")
			.with(csrf()).with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().is(422));
		assertThat(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Không nhận tệp chuong-trinh.exe");
		assertThat(jdbc.sql("SELECT count(*) FROM outreach.activity WHERE title = 'Phát tờ rơi'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aPhotoIsKeptWithItsFingerprint() {
		long id = as("xa.a", () -> activities.create(draft(ActivityKind.LEAFLETS, "Phát tờ rơi có ảnh",
				agency("UBND xã Tuần Giáo"), List.of("03253"), LocalDate.now(), Set.of(Topic.LIFE_SKILLS)),
				List.of(new Upload("anh.jpg", "image/jpeg", new byte[] { 1, 2, 3 }))));
		Activity activity = as("xa.a", () -> activities.get(id));
		assertThat(activity.materials()).singleElement().satisfies(m -> assertThat(m.sizeBytes()).isEqualTo(3));
		assertThat(jdbc.sql("SELECT sha256 FROM outreach.material WHERE activity_id = :id").param("id", id)
			.query(String.class).single()).hasSize(64);
	}

	@Test
	void anActivityDatedInTheFutureIsRefused() {
		ActivityDraft future = draft(ActivityKind.MEETING, "Họp sắp tới", agency("UBND xã Tuần Giáo"), List.of("03253"),
				LocalDate.now().plusDays(3), Set.of(Topic.OTHER));
		assertThatThrownBy(() -> as("xa.a", () -> activities.create(future, List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.date-in-future")));
	}

	@Test
	void aPlanTaskOutsideTheCallersViewIsRefusedAndOneInViewIsAccepted() {
		long thoXuanTask = jdbc.sql("""
				SELECT t.id FROM planning.task t JOIN planning.plan p ON p.id = t.plan_id
				WHERE p.key = 'tho-xuan-2024' AND t.number = 'II.1.2.a'""").query(Long.class).single();
		ActivityDraft inTuanGiao = new ActivityDraft(ActivityKind.MEETING, "Họp", null, agency("UBND xã Tuần Giáo"),
				List.of("03253"), LocalDate.now(), LocalDate.now(), Set.of(Topic.OTHER), thoXuanTask, null, null);
		assertThatThrownBy(() -> as("xa.a", () -> activities.create(inTuanGiao, List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.task-not-visible")));

		long labour = agency("Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân");
		ActivityDraft inThoXuan = new ActivityDraft(ActivityKind.MEETING, "Họp", null, labour, List.of("15493"),
				LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 1), Set.of(Topic.PROSTITUTION_PREVENTION), thoXuanTask,
				null, null);
		long id = as("ldtbxh.thoxuan", () -> activities.create(inThoXuan, List.of()));
		assertThat(as("ldtbxh.thoxuan", () -> activities.get(id)).planTaskLabel()).startsWith("II.1.2.a");
	}

	@Test
	void namedParticipantsBelongToTrainingsOnly() {
		ActivityDraft meeting = new ActivityDraft(ActivityKind.MEETING, "Họp", null, agency("UBND xã Tuần Giáo"),
				List.of("03253"), LocalDate.now(), LocalDate.now(), Set.of(Topic.OTHER), null, null,
				List.of(new ParticipantDraft("Lò Văn Ánh", "Công chức", null, "03253")));
		assertThatThrownBy(() -> as("xa.a", () -> activities.create(meeting, List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.participants-only-for-training")));
	}
}
