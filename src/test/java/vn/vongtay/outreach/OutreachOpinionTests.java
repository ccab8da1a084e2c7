package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Children's opinions at a forum in Quài Tở: unanswered ones past their due date come first, answers are versioned. */
@IntegrationTest
@Transactional
class OutreachOpinionTests extends OutreachTestSupport {

	@Test
	void overdueUnansweredOpinionsAreListedFirst() {
		LocalDate today = LocalDate.now();
		long quaiTo = unitId("03295", today);
		vn.vongtay.core.Period year = vn.vongtay.core.Period.year(today.minusDays(40).getYear());
		// other tests raise opinions in Quài Tở too: this test counts its own
		var before = as("xa.b", () -> figures.of(quaiTo, year, null));
		long committee = agency("UBND xã Quài Tở");
		long forum = as("xa.b", () -> activities.create(draft(ActivityKind.CHILDREN_FORUM, "Diễn đàn trẻ em Quài Tở",
				committee, List.of("03295"), today.minusDays(40), Set.of(Topic.CHILD_PARTICIPATION)), List.of()));
		long open = raise(forum, "Xin thêm sân chơi", today.plusDays(10));
		long answered = raise(forum, "Xin sửa cầu treo", today.minusDays(20));
		long overdue = raise(forum, "Xin đèn đường", today.minusDays(5));
		int version = as("xa.b", () -> opinions.get(answered)).version();
		as("xa.b", () -> {
			opinions.answer(answered, version, "Đã đưa vào kế hoạch sửa chữa.", today.minusDays(22));
			return null;
		});

		List<Long> order = as("xa.b", () -> opinions.list(false, 0, 100)).stream().map(Opinion::id)
			.filter(id -> id == open || id == answered || id == overdue).toList();
		assertThat(order).containsExactly(overdue, open, answered);
		assertThat(as("xa.b", () -> opinions.get(overdue)).overdue()).isTrue();
		assertThat(as("xa.b", () -> opinions.list(true, 0, 100))).extracting(Opinion::id).doesNotContain(answered);
		assertThat(as("xa.a", () -> opinions.list(false, 0, 100))).extracting(Opinion::id).doesNotContain(open, overdue);

		var coverage = as("xa.b", () -> figures.of(quaiTo, year, null));
		assertThat(coverage.opinionsRaised() - before.opinionsRaised()).isEqualTo(3);
		assertThat(coverage.opinionsAnswered() - before.opinionsAnswered()).isEqualTo(1);
		assertThat(coverage.opinionsByAge().getOrDefault(AgeGroup.AGE_11_15, 0L)
				- before.opinionsByAge().getOrDefault(AgeGroup.AGE_11_15, 0L)).isEqualTo(3);
	}

	@Test
	void anAnswerBasedOnAStaleVersionIsRefused() throws Exception {
		LocalDate today = LocalDate.now();
		long forum = as("xa.b", () -> activities.create(draft(ActivityKind.CHILDREN_FORUM, "Diễn đàn", agency("UBND xã Quài Tở"),
				List.of("03295"), today.minusDays(10), Set.of(Topic.CHILD_PARTICIPATION)), List.of()));
		long opinion = raise(forum, "Xin thư viện", today.plusDays(5));
		as("xa.b", () -> {
			opinions.answer(opinion, 0, "Đã có tủ sách.", today);
			return null;
		});
		assertThatThrownBy(() -> as("xa.b", () -> {
			opinions.answer(opinion, 0, "Trả lời khác.", today);
			return null;
		})).isInstanceOf(OptimisticLockingFailureException.class);
		form("xa.b", "/outreach/opinions/" + opinion + "/answer", "version", "0", "answer", "Lần nữa", "answeredOn",
				today.toString())
			.andExpect(status().isConflict());
	}

	@Test
	void opinionsAreRecordedOnlyAtForumsWithChildren() {
		LocalDate today = LocalDate.now();
		long meeting = as("xa.b", () -> activities.create(draft(ActivityKind.MEETING, "Họp dân", agency("UBND xã Quài Tở"),
				List.of("03295"), today.minusDays(2), Set.of(Topic.OTHER)), List.of()));
		assertThatThrownBy(() -> raise(meeting, "Ý kiến", today.plusDays(5)))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.not-a-forum")));
	}

	private long raise(long forum, String content, LocalDate due) {
		long agency = agency("UBND xã Quài Tở");
		return as("xa.b", () -> opinions.raise(forum, new OpinionDraft(content, AgeGroup.AGE_11_15, Sex.FEMALE, null,
				agency, due)));
	}
}
