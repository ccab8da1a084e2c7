package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import vn.vongtay.IntegrationTest;

/**
 * The events a case publishes, awaited with Spring Modulith's {@link Scenario} rather than polled for: the deadline
 * watch, run at the application clock's time, reports a missed emergency deadline and escalates the case; the
 * chairman's approval publishes whether the plan met its deadline. Times come from the injected clock.
 */
@IntegrationTest
@EnableScenarios
class CaseEventScenarioTests extends CaseworkTestSupport {

	@Autowired
	DeadlineWatch watch;

	@Test
	void theWatchReportsAnEmergencyDeadlinePassedWithoutMeasuresAsMissedAndEscalatesTheCase(Scenario scenario) {
		LocalDateTime received = now().minusHours(13);
		long id = as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, received,
				"Lò Thị " + unique(), TUAN_GIAO, null))).caseId();

		scenario.stimulate(() -> watch.alert())
			.andWaitForEventOfType(DeadlineMissed.class)
			.matching(missed -> missed.caseId() == id)
			.toArriveAndVerify(missed -> {
				assertThat(missed.deadline()).isEqualTo(DeadlineKind.EMERGENCY);
				assertThat(missed.dueAt()).isEqualTo(received.plusHours(12));
				assertThat(missed.cycle()).isEqualTo(1);
			});

		ChildCase escalated = as("tinh.dienbien", () -> cases.get(id));
		assertThat(escalated.escalationReason()).isEqualTo(CaseFile.DEADLINE_MISSED + "EMERGENCY");
		assertThat(escalated.nextDeadline()).get().extracting(Deadline::kind, Deadline::status)
			.containsExactly(DeadlineKind.EMERGENCY, DeadlineStatus.MISSED);
	}

	@Test
	void theChairmansApprovalWithinFiveWorkingDaysIsPublishedAsOnTime(Scenario scenario) {
		long id = hotlineCase("Lò Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.HIGH);
		assessDetailed(id);
		draftPlan(id);
		submitPlan(id);

		scenario.stimulate(() -> approvePlan(id))
			.andWaitForEventOfType(PlanApproved.class)
			.matching(approved -> approved.caseId() == id)
			.toArriveAndVerify(approved -> {
				assertThat(approved.onTime()).isTrue();
				assertThat(approved.cycle()).isEqualTo(1);
				assertThat(approved.approvedAt()).isBetween(now().minusMinutes(1), now());
			});

		assertThat(stage(id)).isEqualTo(CaseStage.IN_PROGRESS);
	}
}
