package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.indicators.EnteredValues;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.outreach.OutreachFigures.Commune;
import vn.vongtay.outreach.OutreachFigures.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Coverage computed from known data in the former district of Hồng Ngự (ten communes) in 2023, where the demo has no
 * outreach: each test adds its activities and rolls them back.
 */
@IntegrationTest
@Transactional
class OutreachCoverageTests extends OutreachTestSupport {

	@Autowired
	EnteredValues entered;

	static final LocalDate DAY = LocalDate.of(2023, 5, 10);
	static final Period YEAR = Period.year(2023);

	@Test
	void theShareOfCommunesCountsCommunesWithAnActivityOfTheTopicOverAllCommunesOfTheUnit() {
		long organiser = agency("UBND huyện Hồng Ngự");
		as("huyen.hongngu", () -> {
			activities.create(draft(ActivityKind.LOUDSPEAKER_BROADCAST, "Phát thanh 1", organiser,
					List.of("29956", "29962"), DAY, Set.of(Topic.PROSTITUTION_PREVENTION)), List.of());
			activities.create(draft(ActivityKind.MEETING, "Họp dân", organiser, List.of("29962"), DAY.plusDays(3),
					Set.of(Topic.PROSTITUTION_PREVENTION, Topic.CHILD_RIGHTS)), List.of());
			activities.create(draft(ActivityKind.SCHOOL_SESSION, "Phòng đuối nước", organiser, List.of("29971"), DAY,
					Set.of(Topic.DROWNING_PREVENTION)), List.of());
			activities.create(draft(ActivityKind.MEETING, "Năm trước", organiser, List.of("29974"),
					LocalDate.of(2022, 12, 20), Set.of(Topic.PROSTITUTION_PREVENTION)), List.of());
			return null;
		});
		long district = unitId("870", DAY);
		Coverage prostitution = as("huyen.hongngu", () -> figures.of(district, YEAR, Topic.PROSTITUTION_PREVENTION));
		assertThat(prostitution.communes()).isEqualTo(10);
		assertThat(prostitution.communesReached()).isEqualTo(2);
		assertThat(prostitution.shareCommunesReached()).isEqualTo(20.0);
		Coverage any = as("huyen.hongngu", () -> figures.of(district, YEAR, null));
		assertThat(any.communesReached()).isEqualTo(3);
		List<Commune> without = as("huyen.hongngu",
				() -> figures.communesWithoutActivity(district, YEAR, Topic.PROSTITUTION_PREVENTION));
		assertThat(without).hasSize(8).extracting(Commune::code).doesNotContain("29956", "29962").contains("29971");
	}

	@Test
	void officialsTrainedCountEachPersonOnceAcrossTrainings() {
		long organiser = agency("UBND huyện Hồng Ngự");
		long district = unitId("870", DAY);
		as("huyen.hongngu", () -> {
			activities.create(training("Tập huấn đợt 1", organiser, DAY, List.of(
					new ParticipantDraft("Nguyễn Văn An", "Công chức", null, "29956"),
					new ParticipantDraft("Trần Thị Bình", "Công chức", null, "29962"),
					new ParticipantDraft("Lê Văn Cường", "Phó Chủ tịch", null, "29971"))), List.of());
			activities.create(training("Tập huấn đợt 2", organiser, DAY.plusMonths(2), List.of(
					new ParticipantDraft("Trần Thị Bình", "Công chức", null, "29962"),
					new ParticipantDraft("  lê văn  cường ", null, null, "29971"),
					new ParticipantDraft("Phạm Thị Dung", "Cộng tác viên", null, "29977"))), List.of());
			return null;
		});
		Coverage coverage = as("huyen.hongngu", () -> figures.of(district, YEAR, null));
		assertThat(coverage.officialsTrained()).isEqualTo(4);
	}

	@Test
	void familiesAndChildrenReachedAreSummedWithoutAShare() {
		long organiser = agency("UBND huyện Hồng Ngự");
		long district = unitId("870", DAY);
		as("huyen.hongngu", () -> activities.create(new ActivityDraft(ActivityKind.EVENT, "Tháng hành động", null,
				organiser, List.of("29956", "29980"), DAY, DAY.plusDays(2), Set.of(Topic.CHILD_ABUSE_PREVENTION), null,
				Map.of(AudienceKind.FAMILIES_WITH_CHILDREN, 320, AudienceKind.CHILDREN_6_10, 150,
						AudienceKind.CHILDREN_11_15, 90),
				List.of()), List.of()));
		Coverage coverage = as("huyen.hongngu", () -> figures.of(district, YEAR, null));
		assertThat(coverage.familiesReached()).isEqualTo(320);
		assertThat(coverage.childrenReached()).containsEntry(AgeGroup.AGE_6_10, 150L).containsEntry(AgeGroup.AGE_11_15, 90L);
		assertThat(coverage.childrenReachedInAll()).isEqualTo(240);
	}

	@Test
	void aTrainingReachingMoreOfficialsThanTheUnitHasIsRefused() {
		long organiser = agency("UBND huyện Hồng Ngự");
		long district = unitId("870", DAY);
		// the headcount is the one entered for the indicator, the denominator of the share trained (issue 18)
		as("huyen.hongngu", () -> {
			entered.enter(district, IndicatorPeriod.year(2023),
					new EnteredValues.Input("OFFICIALS_HEADCOUNT", null, null, "40", null, null));
			return null;
		});
		ActivityDraft tooMany = new ActivityDraft(ActivityKind.TRAINING_COURSE, "Tập huấn toàn huyện", null, organiser,
				List.of("870"), DAY, DAY, Set.of(Topic.CHILD_RIGHTS), null, Map.of(AudienceKind.OFFICIALS, 55), List.of());
		assertThatThrownBy(() -> as("huyen.hongngu", () -> activities.create(tooMany, List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.more-than-exist")));
	}

	@Test
	void anActivityReachingMoreChildrenThanTheRegisterHoldsIsRefused() {
		long organiser = agency("UBND xã Tuần Giáo");
		LocalDate day = LocalDate.now().minusDays(3);
		ActivityDraft tooMany = new ActivityDraft(ActivityKind.SCHOOL_SESSION, "Ngoại khóa phòng chống đuối nước", null,
				organiser, List.of("03253"), day, day, Set.of(Topic.DROWNING_PREVENTION), null,
				Map.of(AudienceKind.CHILDREN_11_15, 100_000), List.of());
		assertThatThrownBy(() -> as("xa.a", () -> activities.create(tooMany, List.of())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problems())
				.anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("outreach.error.more-than-registered")));
		ActivityDraft plausible = new ActivityDraft(ActivityKind.SCHOOL_SESSION, "Ngoại khóa phòng chống đuối nước", null,
				organiser, List.of("03253"), day, day, Set.of(Topic.DROWNING_PREVENTION), null,
				Map.of(AudienceKind.CHILDREN_11_15, 20), List.of());
		assertThat(as("xa.a", () -> activities.create(plausible, List.of()))).isPositive();
	}

	@Test
	void theThoXuanTargetsShowTheDemoCoverageAgainstEightyAndTwentyPercent() throws Exception {
		var json = read(apiGet("ldtbxh.thoxuan", "/api/v1/outreach/figures?unit=395&period=2024&topic=PROSTITUTION_PREVENTION")
			.andExpect(status().isOk()));
		assertThat(json.get("communes").asLong()).isEqualTo(30);
		assertThat(json.get("communesReached").asLong()).isEqualTo(20);
		assertThat(json.get("officialsTrained").asLong()).isEqualTo(13);
		// issue 18, section 4: 5.1-a is the plan's value, which is its indicator's (13/150), not a second computation
		// over a headcount of its own (13/130)
		String page = pageBody("ldtbxh.thoxuan", "/outreach/coverage?unit=395&period=2024&topic=PROSTITUTION_PREVENTION");
		assertThat(page).contains("1.1-a", "5.1-a", "66,67 %", "20/30", "8,67 %", "13/150", "Không đạt")
			.doesNotContain("13/130", "10 %");
	}

	private static ActivityDraft training(String title, long organiser, LocalDate on, List<ParticipantDraft> people) {
		return new ActivityDraft(ActivityKind.TRAINING_COURSE, title, null, organiser, List.of("29956"), on, on,
				Set.of(Topic.PROSTITUTION_PREVENTION), null, Map.of(), people);
	}
}
