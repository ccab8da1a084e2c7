package vn.vongtay.childfriendly;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.childfriendly.Assessment.ItemScores;
import vn.vongtay.childfriendly.Assessments.ItemEntry;
import vn.vongtay.childfriendly.Assessments.ReviewEntry;
import vn.vongtay.core.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A commune's yearly assessment against the criteria of QĐ 06/QĐ-TTg, from self-assessment to the recognition
 * decision (Điều 3: 13 criteria met, none at 0, 850 points for a commune that is neither a ward of a centrally-run city
 * nor a mountain commune), on PostgreSQL.
 */
@IntegrationTest
@Transactional
class ChildFriendlyAssessmentTests extends DemoAccountTestSupport {

	@Autowired
	Assessments assessments;

	@Autowired
	CriteriaSets criteria;

	private final int lastYear = LocalDate.now().getYear() - 1;

	private long started(String account, String communeCode, int year, CommuneCategory category) {
		return as(account, () -> assessments.start(communeCode, year, category));
	}

	private Assessment read(String account, long id) {
		return as(account, () -> assessments.get(id));
	}

	private static List<ItemScores> items(Assessment a) {
		return a.criteria().stream().flatMap(c -> c.items().stream()).toList();
	}

	/** Scores every item with the points given (none for {@code null}) and the same evidence. */
	private void scoreEveryItem(long id, Function<ItemScores, Integer> points) {
		Assessment a = read("xa.a", id);
		List<ItemEntry> entries = items(a).stream()
			.map(i -> new ItemEntry(i.itemId(), points.apply(i), "Biên bản họp ngày 15/11"))
			.toList();
		as("xa.a", () -> {
			assessments.score(id, a.version(), null, entries);
			return null;
		});
	}

	private void submit(long id) {
		as("xa.a", () -> {
			assessments.submit(id, read("xa.a", id).version());
			return null;
		});
	}

	private void review(long id, List<ReviewEntry> entries) {
		as("tinh.dienbien", () -> {
			assessments.review(id, read("tinh.dienbien", id).version(), entries, "Đã thẩm định tại xã", false);
			return null;
		});
	}

	private void decide(long id, boolean recognised, String reason) {
		as("tinh.dienbien", () -> {
			assessments.decide(id, read("tinh.dienbien", id).version(), recognised, "125/QĐ-UBND",
					LocalDate.now().minusDays(1), "Chủ tịch UBND tỉnh", reason);
			return null;
		});
	}

	@Test
	void aCommuneScoredInFullIsRecognisedAfterReviewAndListedForItsYear() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		assertThat(items(read("xa.a", id))).as("every item of the criteria in force").isNotEmpty();
		assertThat(read("xa.a", id).criteria()).hasSize(13);

		scoreEveryItem(id, ItemScores::maxPoints);
		submit(id);
		assertThat(read("xa.a", id).status()).isEqualTo(AssessmentStatus.SUBMITTED);
		review(id, List.of());
		Assessment reviewed = read("tinh.dienbien", id);
		assertThat(reviewed.reviewedOutcome().recognisable()).isTrue();
		assertThat(reviewed.reviewedOutcome().total()).isEqualTo(reviewed.maxTotal());
		decide(id, true, null);

		Assessment decided = read("xa.a", id);
		assertThat(decided.status()).isEqualTo(AssessmentStatus.RECOGNISED);
		assertThat(decided.decisionNumber()).isEqualTo("125/QĐ-UBND");
		assertThat(decided.steps()).extracting(Assessment.Step::action)
			.containsExactly("STARTED", "SCORED", "SUBMITTED", "REVIEWED", "RECOGNISED");
		assertThat(as("tinh.dienbien", () -> assessments.recognised(lastYear, "11")))
			.extracting(Assessments.Summary::unitCode).contains("03253");
		assertThat(auditCount("CHILD_FRIENDLY_RECOGNISED", id)).isEqualTo(1);
	}

	@Test
	void aReviewedTotalBelow850RefusesRecognitionButRecordsTheRefusalWithItsReason() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		scoreEveryItem(id, ItemScores::maxPoints);
		submit(id);
		Assessment submitted = read("tinh.dienbien", id);
		// the reviewer takes 151 points off the 1.000: 849 is one short of the 850 of an ordinary commune
		List<ReviewEntry> lower = new ArrayList<>();
		int taken = 0;
		for (ItemScores item : items(submitted)) {
			int off = Math.min(item.maxPoints() - 1, 151 - taken);
			if (off > 0) {
				lower.add(new ReviewEntry(item.itemId(), item.maxPoints() - off, "Thiếu biên bản"));
				taken += off;
			}
		}
		review(id, lower);
		assertThat(read("tinh.dienbien", id).reviewedOutcome().total()).isEqualTo(submitted.maxTotal() - 151);

		assertThatThrownBy(() -> decide(id, true, null)).isInstanceOfSatisfying(UserFacingException.class,
				e -> assertThat(e.problems()).singleElement()
					.satisfies(p -> assertThat(p.messageKey()).isEqualTo("error.child-friendly.not-recognisable")));
		assertThat(read("tinh.dienbien", id).status()).isEqualTo(AssessmentStatus.REVIEWED);

		decide(id, false, "Chưa đạt 850 điểm");
		assertThat(read("xa.a", id).status()).isEqualTo(AssessmentStatus.NOT_RECOGNISED);
		assertThat(read("xa.a", id).decisionReason()).isEqualTo("Chưa đạt 850 điểm");
	}

	@Test
	void aCriterionScoredZeroRefusesRecognitionWhateverTheTotal() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.MOUNTAIN_ISLAND_DISADVANTAGED);
		// criterion 13 (satisfaction) at 0, everything else full: well above 800, and still not recognisable
		scoreEveryItem(id, i -> i.code().equals("13") ? 0 : i.maxPoints());
		submit(id);
		review(id, List.of());
		Assessment reviewed = read("tinh.dienbien", id);
		assertThat(reviewed.reviewedOutcome().total()).isGreaterThan(800);
		assertThat(reviewed.reviewedOutcome().zero()).containsExactly(13);
		assertThatThrownBy(() -> decide(id, true, null)).isInstanceOf(UserFacingException.class);
	}

	@Test
	void anAssessmentWithAnItemNotScoredCannotBeSubmittedAndTheItemIsNamed() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		scoreEveryItem(id, i -> i.code().equals("1.2") || i.code().equals("9") ? null : i.maxPoints());
		assertThatThrownBy(() -> submit(id)).isInstanceOfSatisfying(UserFacingException.class,
				e -> assertThat(e.problems()).singleElement()
					.satisfies(p -> assertThat(p.arguments()).containsExactly("1.2, 9")));
		assertThat(read("xa.a", id).status()).isEqualTo(AssessmentStatus.DRAFT);
		assertThat(read("xa.a", id).selfOutcome().unscored()).containsExactly(1, 9);
	}

	@Test
	void pointsAboveAnItemsMostAreRefusedAndNothingIsSaved() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		Assessment a = read("xa.a", id);
		ItemScores first = items(a).get(0);
		ItemScores second = items(a).get(1);
		assertThatThrownBy(() -> as("xa.a", () -> {
			assessments.score(id, a.version(), null, List.of(new ItemEntry(second.itemId(), 1, null),
					new ItemEntry(first.itemId(), first.maxPoints() + 1, null)));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems()).singleElement()
			.satisfies(p -> assertThat(p.column()).isEqualTo("points-" + first.itemId())));
		assertThat(items(read("xa.a", id))).allSatisfy(i -> assertThat(i.selfPoints()).isNull());
		assertThat(read("xa.a", id).version()).isEqualTo(a.version());
	}

	@Test
	void theSameCommuneAndYearCannotBeAssessedTwice() {
		started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		assertThatThrownBy(() -> started("chutich.a", "03253", lastYear, CommuneCategory.OTHER))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(409));
	}

	@Test
	void anAssessmentOfAFormerCommuneStaysWithItAndTheNewCommuneStartsItsOwn() {
		// 2024: Quài Nưa (03274) still existed; it was merged into Xã Tuần Giáo (03253) on 01/07/2025
		long former = started("xa.a", "03274", 2024, CommuneCategory.MOUNTAIN_ISLAND_DISADVANTAGED);
		long current = started("xa.a", "03253", 2025, CommuneCategory.OTHER);
		assertThat(read("xa.a", former).unitName()).contains("Quài Nưa");
		long newCommune = read("xa.a", current).unitId();
		assertThat(as("xa.a", () -> assessments.history(newCommune))).extracting(Assessments.Summary::id)
			.contains(former, current);
		// a commune that did not exist on the last day of the year has no assessment of that year
		assertThatThrownBy(() -> started("xa.a", "03274", 2025, CommuneCategory.OTHER))
			.isInstanceOf(UserFacingException.class);
	}

	@Test
	void anotherCommuneSeesNeitherTheAssessmentNorItsEvidence() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		assertThatThrownBy(() -> read("xa.b", id)).isInstanceOfSatisfying(UserFacingException.class,
				e -> assertThat(e.status()).isEqualTo(404));
		assertThatThrownBy(() -> started("xa.b", "03253", lastYear - 1, CommuneCategory.OTHER))
			.isInstanceOf(UserFacingException.class);
	}

	@Test
	void onlyTheCommunesStaffScoreAndOnlyTheLevelAboveReviews() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		int version = read("xa.a", id).version();
		assertThatThrownBy(() -> started("cb.a", "03253", lastYear - 1, CommuneCategory.OTHER))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		assertThatThrownBy(() -> as("tinh.dienbien", () -> {
			assessments.score(id, version, null, List.of());
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		scoreEveryItem(id, ItemScores::maxPoints);
		submit(id);
		assertThatThrownBy(() -> as("xa.a", () -> {
			assessments.review(id, read("xa.a", id).version(), List.of(), null, false);
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		// the case worker and the viewer read it
		assertThat(read("cb.a", id).status()).isEqualTo(AssessmentStatus.SUBMITTED);
		assertThat(read("lanhdao.dienbien", id).status()).isEqualTo(AssessmentStatus.SUBMITTED);
		assertThatThrownBy(() -> read("ctv.a", id)).isInstanceOfSatisfying(UserFacingException.class,
				e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void aReturnedAssessmentGoesBackToTheCommuneWithTheComment() {
		long id = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		scoreEveryItem(id, ItemScores::maxPoints);
		submit(id);
		assertThatThrownBy(() -> as("tinh.dienbien", () -> {
			assessments.review(id, read("tinh.dienbien", id).version(), List.of(), " ", true);
			return null;
		})).isInstanceOf(UserFacingException.class);
		as("tinh.dienbien", () -> {
			assessments.review(id, read("tinh.dienbien", id).version(), List.of(), "Bổ sung biên bản tiêu chí 11", true);
			return null;
		});
		Assessment returned = read("xa.a", id);
		assertThat(returned.status()).isEqualTo(AssessmentStatus.RETURNED);
		assertThat(returned.reviewComment()).isEqualTo("Bổ sung biên bản tiêu chí 11");
		scoreEveryItem(id, ItemScores::maxPoints);
		submit(id);
		assertThat(read("xa.a", id).status()).isEqualTo(AssessmentStatus.SUBMITTED);
	}

	@Test
	void anAdministratorsCorrectionOfAnAssumedItemAppliesToAssessmentsStartedAfterIt() {
		long before = started("xa.a", "03253", lastYear, CommuneCategory.OTHER);
		ItemScores assumed = items(read("xa.a", before)).stream().filter(i -> !i.confirmed()).findFirst().orElseThrow();
		CriteriaSet set = as("admin", () -> criteria.forYear(lastYear));
		CriteriaSet.Item item = set.criteria().stream().flatMap(c -> c.items().stream())
			.filter(i -> i.id() == assumed.itemId()).findFirst().orElseThrow();
		assertThatThrownBy(() -> as("xa.a", () -> {
			criteria.correctItem(item.id(), item.version(), new CriteriaSets.Correction(10, null, true, null));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		as("admin", () -> {
			criteria.correctItem(item.id(), item.version(),
					new CriteriaSets.Correction(item.maxPoints() + 5, null, true, "Đối chiếu phụ lục"));
			return null;
		});
		assertThat(auditCount("CHILD_FRIENDLY_ITEM_CORRECTED", item.id())).isEqualTo(1);
		long after = started("xa.a", "03274", 2024, CommuneCategory.OTHER);
		assertThat(items(read("xa.a", before))).filteredOn(i -> i.itemId() == item.id())
			.singleElement().satisfies(i -> assertThat(i.maxPoints()).isEqualTo(item.maxPoints()));
		assertThat(items(read("xa.a", after))).filteredOn(i -> i.itemId() == item.id())
			.singleElement().satisfies(i -> {
				assertThat(i.maxPoints()).isEqualTo(item.maxPoints() + 5);
				assertThat(i.confirmed()).isTrue();
			});
	}

	@Test
	void pagesWalkAnAssessmentAndKeepWhatWasTypedWhenPointsAreRefused() throws Exception {
		String index = pageBody("xa.a", "/child-friendly?year=" + lastYear);
		assertThat(index).contains("Xã Tuần Giáo").contains("Bắt đầu tự đánh giá");
		String location = form("xa.a", "/child-friendly/assessments", "unitCode", "03253", "year",
				String.valueOf(lastYear), "category", "OTHER")
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ItemScores first = items(read("xa.a", id)).get(0);
		String refused = text(form("xa.a", "/child-friendly/assessments/" + id + "/scores", "version", "0",
				"points-" + first.itemId(), "abc", "evidence-" + first.itemId(), "Quyết định phân công số 12")
			.andExpect(status().is(422)));
		assertThat(refused).contains("abc");
		assertThat(items(read("xa.a", id)).get(0).selfPoints()).isNull();

		form("xa.a", "/child-friendly/assessments/" + id + "/scores", "version", "0", "points-" + first.itemId(),
				String.valueOf(first.maxPoints()), "evidence-" + first.itemId(), "Quyết định phân công số 12")
			.andExpect(status().is3xxRedirection());
		assertThat(pageBody("xa.a", "/child-friendly/assessments/" + id)).contains("Quyết định phân công số 12");

		mvc.perform(multipart("/child-friendly/assessments/" + id + "/files")
			.file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf",
					"%PDF-1.4 biên bản".getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().is3xxRedirection());
		assertThat(read("xa.a", id).files()).singleElement()
			.satisfies(f -> assertThat(f.fileName()).isEqualTo("bien-ban.pdf"));

		assertThat(pageBody("lanhdao.dienbien", "/child-friendly/assessments/" + id)).contains("Xã Tuần Giáo");
		page("xa.b", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/child-friendly/assessments/" + id)).andExpect(status().isNotFound());
		page("ctv.a", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/child-friendly"))
			.andExpect(status().isForbidden());
		assertThat(pageBody("admin", "/child-friendly/criteria")).contains("06/QĐ-TTg")
			.contains("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng").doesNotContain(">FULL_VACCINATION_U1<");
	}

	@Test
	void theApiRefusesAStartOutsideTheCallersJurisdictionInProblemDetails() throws Exception {
		var result = apiPost("xa.b", "/api/v1/child-friendly/assessments",
				"{\"unitCode\":\"03253\",\"year\":" + lastYear + ",\"category\":\"OTHER\"}")
			.andExpect(status().is(422));
		assertThat(text(result)).contains("03253");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM childfriendly.assessment a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.year = :y AND u.code = '03253'""").param("y", lastYear).query(Long.class).single()).isZero();
		apiGet("lanhdao.dienbien", "/api/v1/child-friendly/criteria?year=" + lastYear).andExpect(status().isOk());
	}

	@Test
	void theDemoShowsTheFormerCommuneRecognisedFor2024AndTheNewCommunesOwn2025AssessmentAwaitingReview() {
		List<Assessments.Summary> recognised = as("xa.b", () -> assessments.recognised(2024, null));
		assertThat(recognised).singleElement().satisfies(r -> {
			assertThat(r.unitName()).contains("Tỏa Tình");
			assertThat(r.reviewedTotal()).isEqualTo(930);
			assertThat(r.decisionNumber()).isEqualTo("215/QĐ-UBND");
		});
		Assessment demo = read("tinh.dienbien", recognised.get(0).id());
		assertThat(demo.reviewedOutcome().recognisable()).as("the demo's recognition meets QĐ 06/QĐ-TTg").isTrue();
		assertThat(as("tinh.dienbien", () -> assessments.communes(2025, "03295"))).singleElement()
			.satisfies(c -> assertThat(c.assessment().status()).isEqualTo(AssessmentStatus.SUBMITTED));
		assertThat(as("xa.a", () -> assessments.recognised(2024, null))).isEmpty();
	}
}
