package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;

/**
 * The deadline watch (its schedule does not run in tests; each test calls it): a missed emergency deadline alerts the
 * case worker and the commune's officers, escalates the case so that the province sees it and is told, and is alerted
 * once however often the watch runs; a plan deadline drawing near is announced to the case worker once.
 */
@IntegrationTest
class DeadlineWatchTests extends CaseworkTestSupport {

	private static final List<String> EVERYONE = List.of("cb.a", "xa.a", "chutich.a", "tinh.dienbien", "xa.b");

	@Autowired
	DeadlineWatch watch;

	@Autowired
	CaseFiles files;

	@Test
	void anEmergencyDeadlinePassedWithoutMeasuresAlertsTheCommuneAndEscalatesTheCaseOnce() throws Exception {
		String child = "Lò Thị " + unique();
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, now().minusHours(13), child,
				TUAN_GIAO, null))).caseId();
		String link = "/cases/" + id;
		assertThat(asCaseWorker(id).deadline(DeadlineKind.EMERGENCY).orElseThrow().status())
			.isEqualTo(DeadlineStatus.MISSED);
		assertThat(as("tinh.dienbien", () -> cases.view(id))).isEqualTo(Cases.View.SUMMARY);
		Map<String, Long> before = told(link);

		assertThat(watch.alert()).isPositive();

		for (String commune : List.of("cb.a", "xa.a", "chutich.a")) {
			assertThat(notifications(commune, "casework.notify.deadline-missed.EMERGENCY", link)).as(commune)
				.isEqualTo(1);
		}
		assertThat(notifications("tinh.dienbien", "casework.notify.escalated-deadline.EMERGENCY", link)).isEqualTo(1);
		assertThat(notificationsAbout("xa.b", link)).isZero();
		ChildCase escalated = as("tinh.dienbien", () -> cases.get(id));
		assertThat(escalated.childName()).isEqualTo(child);
		assertThat(escalated.escalatedAt()).isNotNull();
		assertThat(escalated.escalationReason()).isEqualTo("casework.escalation.deadline-missed.EMERGENCY");
		assertThat(pageBody("tinh.dienbien", link)).contains(child, "Quá hạn áp dụng biện pháp khẩn cấp");
		Map<String, Long> after = told(link);
		assertThat(after.get("cb.a") - before.get("cb.a")).isEqualTo(1);
		assertThat(after.get("tinh.dienbien") - before.get("tinh.dienbien")).isEqualTo(1);

		watch.alert();

		assertThat(told(link)).as("an alert is sent once").isEqualTo(after);
		assertThat(jdbc.sql("SELECT deadline || ' ' || kind FROM casework.deadline_alert WHERE case_id = :id")
			.param("id", id).query(String.class).list()).containsExactly("EMERGENCY BREACHED");
	}

	@Test
	void anApproachingPlanDeadlineSendsTheCaseWorkerOneApproachingNotificationAndEscalatesNothing() {
		long id = hotlineCase("Lò Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.MEDIUM);
		// the plan is due within the day's notice: which receipt time makes it so depends on today's place in the
		// working week, so the test moves the deadline itself, and has the file stored again with what follows from it
		jdbc.sql("UPDATE casework.child_case SET plan_due_at = now() + INTERVAL '2 hours' WHERE id = :id")
			.param("id", id).update();
		files.save(files.load(new CaseId(id)));
		String link = "/cases/" + id;
		Map<String, Long> before = told(link);

		watch.alert();

		assertThat(notifications("cb.a", "casework.notify.deadline-approaching.PLAN", link)).isEqualTo(1);
		Map<String, Long> after = told(link);
		assertThat(after.get("cb.a") - before.get("cb.a")).isEqualTo(1);
		assertThat(after).as("only the case worker is told").containsEntry("xa.a", before.get("xa.a"))
			.containsEntry("chutich.a", before.get("chutich.a"))
			.containsEntry("tinh.dienbien", before.get("tinh.dienbien"));
		assertThat(as("tinh.dienbien", () -> cases.view(id))).isEqualTo(Cases.View.SUMMARY);
		assertThat(asCaseWorker(id).deadline(DeadlineKind.PLAN).orElseThrow().status())
			.isEqualTo(DeadlineStatus.PENDING);

		watch.alert();

		assertThat(told(link)).isEqualTo(after);
		assertThat(jdbc.sql("SELECT deadline || ' ' || kind FROM casework.deadline_alert WHERE case_id = :id")
			.param("id", id).query(String.class).list()).containsExactly("PLAN APPROACHING");
	}

	private Map<String, Long> told(String link) {
		return EVERYONE.stream().collect(Collectors.toMap(Function.identity(), u -> notificationsAbout(u, link)));
	}
}
