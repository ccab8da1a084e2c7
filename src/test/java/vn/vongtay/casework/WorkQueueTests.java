package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.casework.CaseQueues.Queue;
import vn.vongtay.core.UserFacingException;

/**
 * The casework of the home page's work queue (issue 17, item 1), as each commune role reads it: the commune officer
 * and case worker the reports to verify with the time left, the cases by deadline, plans returned or awaiting
 * approval and referrals waiting; the chairman the plans and emergency measures waiting for a decision (Nghị định
 * 56/2017, Art. 24 and 28). Nothing of one commune reaches another's queue.
 */
@IntegrationTest
class WorkQueueTests extends CaseworkTestSupport {

	@Autowired
	CaseQueues queues;

	/** How many items of a list the home page shows. */
	static final int HOME_SHOWN = 5;

	private List<Long> ids(String username, Queue queue) {
		return as(username, () -> queues.waiting(queue, 500)).first().stream().map(CaseSummary::id).toList();
	}

	@Test
	void aReportJustReceivedWaitsForTheCommuneToVerifyItWithTheTimeLeft() throws Exception {
		String child = "Lò Thị " + unique();
		long id = hotlineCase(child, null);

		assertThat(ids("xa.a", Queue.TO_VERIFY)).contains(id);
		assertThat(ids("cb.a", Queue.TO_VERIFY)).contains(id);
		// the page lists the first five, the nearest deadline first: this one among them unless five are nearer
		CaseQueues.Waiting waiting = as("xa.a", () -> queues.waiting(Queue.TO_VERIFY, HOME_SHOWN));
		String page = pageBody("xa.a", "/");
		assertThat(page).contains("Thông báo chờ xác minh", "Mới tiếp nhận, chờ xác minh");
		waiting.first().forEach(c -> assertThat(page).contains(c.number()));
		if (waiting.count() <= HOME_SHOWN) {
			assertThat(page).contains(number(id), child);
			// received 30 minutes ago: 11 hours 30 minutes (minus the seconds the test took) left of the 12
			assertThat(page).containsPattern("còn 11 giờ (29|30) phút");
		}
		else {
			assertThat(page).contains("Xem tất cả (" + waiting.count() + ")");
		}

		verify(id);
		assertThat(ids("xa.a", Queue.TO_VERIFY)).doesNotContain(id);
	}

	@Test
	void anotherCommunesOfficerSeesNoneOfTheCommunesWork() throws Exception {
		String child = "Quàng Thị " + unique();
		long id = hotlineCase(child, null);

		for (Queue queue : Queue.values()) {
			assertThat(ids("xa.b", queue)).as(queue.name()).doesNotContain(id);
		}
		String page = pageBody("xa.b", "/");
		assertThat(page).doesNotContain(number(id)).doesNotContain(child);
	}

	@Test
	void aPlanSubmittedWaitsForTheChairmanAndAReturnedOneForTheCaseWorker() throws Exception {
		long id = hotlineCase("Cà Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.MEDIUM);
		assessDetailed(id);
		draftPlan(id);
		submitPlan(id);

		assertThat(ids("chutich.a", Queue.PLAN_AWAITING_APPROVAL)).contains(id);
		assertThat(ids("cb.a", Queue.PLAN_AWAITING_APPROVAL)).contains(id);
		String chairman = pageBody("chutich.a", "/");
		assertThat(chairman).contains("Kế hoạch can thiệp chờ phê duyệt", number(id),
				"Chờ Chủ tịch phê duyệt kế hoạch");
		// the chairman decides; the casework of the commune is not theirs to do
		assertThat(chairman).doesNotContain("Thông báo chờ xác minh");

		as("chutich.a", () -> {
			process.returnPlan(id, version(id), "Bổ sung người phụ trách theo dõi sau can thiệp.");
			return null;
		});
		assertThat(ids("chutich.a", Queue.PLAN_AWAITING_APPROVAL)).doesNotContain(id);
		assertThat(ids("cb.a", Queue.PLAN_RETURNED)).contains(id);
		assertThat(pageBody("cb.a", "/")).contains("Kế hoạch can thiệp bị trả lại", number(id));
	}

	@Test
	void aChildInSeriousDangerWaitsForTheChairmansEmergencyMeasure() throws Exception {
		long id = hotlineCase("Lường Thị " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.SERIOUS);

		assertThat(ids("chutich.a", Queue.EMERGENCY_UNDECIDED)).contains(id);
		assertThat(pageBody("chutich.a", "/")).contains("Biện pháp khẩn cấp chờ quyết định", number(id));

		takeEmergencyMeasure(id);
		assertThat(ids("chutich.a", Queue.EMERGENCY_UNDECIDED)).doesNotContain(id);
	}

	@Test
	void aReferralWaitsInTheQueueUntilTheAgencyAnswers() throws Exception {
		long id = hotlineCase("Tòng Văn " + unique(), null);
		bringToImplementation(id);
		long referral = as("cb.a", () -> referrals.refer(id, version(id), new ReferralDraft(police().id(), null,
				ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã giám sát người cha dượng.", today().plusDays(3),
				false, false, false, "Trẻ bị bạo lực, đang ở với bà ngoại.")));

		assertThat(as("xa.a", () -> referrals.waitingForAgencies(500)).first()).extracting(Referral::id)
			.contains(referral);
		assertThat(as("xa.b", () -> referrals.waitingForAgencies(500)).first()).extracting(Referral::id)
			.doesNotContain(referral);
		assertThat(pageBody("congan.tuangiao", "/")).contains("Đề nghị hỗ trợ cần trả lời", "/referrals/" + referral);

		int version = jdbc.sql("SELECT version FROM casework.referral WHERE id = :id").param("id", referral)
			.query(Integer.class).single();
		as("congan.tuangiao", () -> {
			referrals.decline(referral, version, "Không thuộc thẩm quyền; đề nghị gửi Công an huyện.");
			return null;
		});
		assertThat(as("xa.a", () -> referrals.waitingForAgencies(500)).first()).extracting(Referral::id)
			.doesNotContain(referral);
	}

	@Test
	void whoWorksNoCasesHasNoCaseQueue() {
		for (String username : List.of("lanhdao.dienbien", "tongdai111", "congan.tuangiao")) {
			assertThat(refusal(() -> as(username, () -> queues.waiting(Queue.TO_VERIFY, 5))).status())
				.as(username).isEqualTo(403);
		}
		UserFacingException refused = refusal(() -> as("tongdai111", () -> referrals.waitingForAgencies(5)));
		assertThat(refused.status()).isEqualTo(403);
	}

	/**
	 * The province's officer, who reads the cases, counts them exactly; its leaders read aggregated figures only, so a
	 * commune with 1 to 4 overdue cases shows "&lt; 5" to them (decision 0009, as the indicators hide small counts).
	 */
	@Test
	void overdueCasesByCommuneAreExactForTheOfficerAndHideSmallCountsFromTheLeader() throws Exception {
		CaseQueues.CommuneCount quiet = as("tinh.dienbien", () -> queues.overdueByCommune()).communes().stream()
			.filter(c -> c.count() == 0).findFirst().orElseThrow();
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, now().minusHours(13),
				"Vì Thị " + unique(), quiet.unitCode(), null))).caseId();
		assertThat(id).isPositive();

		CaseQueues.ByCommune officer = as("tinh.dienbien", () -> queues.overdueByCommune());
		CaseQueues.ByCommune leader = as("lanhdao.dienbien", () -> queues.overdueByCommune());
		assertThat(officer.communes()).filteredOn(c -> c.unitCode().equals(quiet.unitCode()))
			.singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1L));
		assertThat(leader.communes()).filteredOn(c -> c.unitCode().equals(quiet.unitCode()))
			.singleElement().satisfies(c -> {
				assertThat(c.suppressed()).isTrue();
				assertThat(c.count()).isNull();
			});
		assertThat(officer.communes()).noneMatch(CaseQueues.CommuneCount::suppressed);
		for (CaseQueues.CommuneCount shown : leader.communes()) {
			long exact = officer.communes().stream().filter(c -> c.unitCode().equals(shown.unitCode())).findFirst()
				.orElseThrow().count();
			if (shown.suppressed()) {
				assertThat(exact).as(shown.unitName()).isPositive();
			}
			else {
				assertThat(shown.count()).as(shown.unitName()).isEqualTo(exact).matches(n -> n == 0 || n >= 5);
			}
		}
		if (!leader.totalSuppressed()) {
			assertThat(leader.communes()).as("one hidden count is never alone beside a shown total")
				.filteredOn(CaseQueues.CommuneCount::suppressed).hasSizeGreaterThanOrEqualTo(2);
		}
		String page = pageBody("lanhdao.dienbien", "/");
		assertThat(page).contains("Hồ sơ quá hạn theo xã", quiet.unitName(), "&lt; 5");
	}
}
