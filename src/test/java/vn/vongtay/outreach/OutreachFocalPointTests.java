package vn.vongtay.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

/**
 * An agency's focal point works on what is addressed to or organised by its own agency (decision 0009; issue 16,
 * item 6): the opinions children addressed to it, the activities it organised. The commune police's focal point of
 * Tuần Giáo is the demo's.
 */
@IntegrationTest
@Transactional
class OutreachFocalPointTests extends OutreachTestSupport {

	@Autowired
	Clock clock;

	LocalDate today;
	long police;
	long committee;
	long forum;
	long toPolice;
	long toCommittee;

	@BeforeEach
	void aForumInTuanGiaoWithOneOpinionForThePoliceAndOneForTheCommittee() {
		today = LocalDate.now(clock);
		police = agency("Công an xã Tuần Giáo");
		committee = agency("UBND xã Tuần Giáo");
		forum = as("xa.a", () -> activities.create(draft(ActivityKind.CHILDREN_FORUM, "Diễn đàn trẻ em xã Tuần Giáo",
				committee, List.of("03253"), today.minusDays(15), Set.of(Topic.CHILD_PARTICIPATION)), List.of()));
		toPolice = as("xa.a", () -> opinions.raise(forum, new OpinionDraft("Xin lắp đèn ở đường đến trường",
				AgeGroup.AGE_11_15, Sex.FEMALE, null, police, today.plusDays(20))));
		toCommittee = as("xa.a", () -> opinions.raise(forum, new OpinionDraft("Xin thêm sân chơi", AgeGroup.AGE_6_10,
				Sex.MALE, null, committee, today.plusDays(20))));
	}

	@Test
	void aFocalPointReadsOnlyTheOpinionsAddressedToItsAgency() throws Exception {
		assertThat(as("congan.tuangiao", () -> opinions.list(false, 0, 500))).extracting(Opinion::id)
			.contains(toPolice).doesNotContain(toCommittee);
		assertThatThrownBy(() -> as("congan.tuangiao", () -> opinions.get(toCommittee)))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(404));
		assertThat(text(apiGet("congan.tuangiao", "/api/v1/outreach/opinions").andExpect(status().isOk())))
			.contains("Xin lắp đèn").doesNotContain("Xin thêm sân chơi");
		// the commune's officer reads both
		assertThat(as("xa.a", () -> opinions.list(false, 0, 500))).extracting(Opinion::id)
			.contains(toPolice, toCommittee);
	}

	@Test
	void aFocalPointAnswersTheOpinionsAddressedToItsAgencyAndNoOther() throws Exception {
		as("congan.tuangiao", () -> {
			opinions.answer(toPolice, 0, "Công an xã đã đề nghị lắp đèn.", today);
			return null;
		});
		assertThat(as("xa.a", () -> opinions.get(toPolice)).answered()).isTrue();
		assertThatThrownBy(() -> as("congan.tuangiao", () -> {
			opinions.answer(toCommittee, 0, "Trả lời thay.", today);
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(404));
		apiPost("congan.tuangiao", "/api/v1/outreach/opinions/" + toCommittee + "/answer",
				"{\"version\":0,\"answer\":\"Trả lời thay\",\"answeredOn\":\"" + today + "\"}")
			.andExpect(status().isNotFound());
		assertThat(as("xa.a", () -> opinions.get(toCommittee)).answered()).isFalse();
	}

	@Test
	void aFocalPointChangesOnlyTheActivitiesItsAgencyOrganised() {
		assertThat(as("congan.tuangiao", () -> activities.mayEdit(forum))).isFalse();
		ActivityDraft changed = draft(ActivityKind.CHILDREN_FORUM, "Đổi tên diễn đàn", committee, List.of("03253"),
				today.minusDays(15), Set.of(Topic.CHILD_PARTICIPATION));
		assertThatThrownBy(() -> as("congan.tuangiao", () -> {
			activities.update(forum, 0, changed, List.of());
			return null;
		})).isInstanceOf(UserFacingException.class);
		assertThatThrownBy(() -> as("congan.tuangiao", () -> opinions.raise(forum, new OpinionDraft("Ý kiến thêm",
				AgeGroup.AGE_11_15, Sex.MALE, null, police, today.plusDays(5)))))
			.isInstanceOf(UserFacingException.class);
		// nor records one in another agency's name
		assertThatThrownBy(() -> as("congan.tuangiao", () -> activities.create(draft(ActivityKind.MEETING,
				"Họp thay Ủy ban", committee, List.of("03253"), today.minusDays(1), Set.of(Topic.OTHER)), List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.column()).isEqualTo("organiserAgencyId")));

		long own = as("congan.tuangiao", () -> activities.create(draft(ActivityKind.SCHOOL_SESSION,
				"Nói chuyện pháp luật ở trường", police, List.of("03253"), today.minusDays(2),
				Set.of(Topic.CHILD_ABUSE_PREVENTION)), List.of()));
		assertThat(as("congan.tuangiao", () -> activities.mayEdit(own))).isTrue();
		assertThat(as("congan.tuangiao", () -> activities.list(Activities.Filter.ALL, 0, 500)))
			.extracting(ActivitySummary::id).contains(own).doesNotContain(forum);
		assertThat(as("xa.a", () -> activities.list(Activities.Filter.ALL, 0, 500))).extracting(ActivitySummary::id)
			.contains(own, forum);
	}
}
