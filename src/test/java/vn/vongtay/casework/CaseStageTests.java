package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vongtay.identity.Role;

/**
 * The stage machine of Nghị định 56/2017, Chapter III (Art. 21-32) and who takes each step, without Spring: a case
 * goes from the report through verification, the assessments, the plan and its approval to implementation and review;
 * emergency measures may be taken at any stage before closure; a closed case can only be reopened.
 */
class CaseStageTests {

	@Test
	void theStatutoryPathLeadsFromTheReportToClosureAndEveryStepOnlyWhereTheProcessAllowsIt() {
		CaseStage stage = CaseStage.OPENED;
		for (CaseAction action : List.of(CaseAction.VERIFY, CaseAction.ASSESS_INITIAL, CaseAction.ASSESS_DETAILED,
				CaseAction.DRAFT_PLAN, CaseAction.DRAFT_PLAN, CaseAction.SUBMIT_PLAN, CaseAction.RETURN_PLAN,
				CaseAction.SUBMIT_PLAN, CaseAction.APPROVE_PLAN, CaseAction.REVIEW_AND_REPLAN, CaseAction.DRAFT_PLAN,
				CaseAction.SUBMIT_PLAN, CaseAction.APPROVE_PLAN, CaseAction.REVIEW_AND_CLOSE, CaseAction.REOPEN)) {
			assertThat(stage.allows(action)).as("%s at %s", action, stage).isTrue();
			stage = stage.after(action).orElseThrow();
		}
		assertThat(stage).isEqualTo(CaseStage.VERIFIED);
	}

	@Test
	void aPlanIsApprovedOnlyOnceSubmittedAndAReviewOnlyDuringImplementation() {
		for (CaseStage stage : CaseStage.values()) {
			assertThat(stage.allows(CaseAction.APPROVE_PLAN)).as("approve at %s", stage)
				.isEqualTo(stage == CaseStage.AWAITING_APPROVAL);
			assertThat(stage.allows(CaseAction.REVIEW_AND_CLOSE)).as("review at %s", stage)
				.isEqualTo(stage == CaseStage.IN_PROGRESS);
			assertThat(stage.allows(CaseAction.DISMISS)).as("dismiss at %s", stage)
				.isEqualTo(stage == CaseStage.OPENED || stage == CaseStage.VERIFIED);
		}
	}

	@Test
	void emergencyMeasuresEscalationAndTransferAreOpenAtEveryStageBeforeClosureAndAClosedCaseOnlyReopens() {
		for (CaseStage stage : CaseStage.values()) {
			if (stage.isOpen()) {
				assertThat(stage.actions()).as("at %s", stage).contains(CaseAction.TAKE_EMERGENCY_MEASURE,
						CaseAction.ESCALATE, CaseAction.TRANSFER, CaseAction.ASSIGN, CaseAction.CLASSIFY)
					.doesNotContain(CaseAction.REOPEN);
				assertThat(stage.after(CaseAction.TAKE_EMERGENCY_MEASURE)).contains(stage);
			}
		}
		assertThat(CaseStage.CLOSED.actions()).containsExactly(CaseAction.REOPEN);
		assertThat(CaseStage.CLOSED.after(CaseAction.REOPEN)).as("a reopened case is verified again, not reported")
			.contains(CaseStage.VERIFIED);
	}

	@Test
	void theChairmanApprovesAndDecidesEmergencyMeasuresButDraftsNothingAndTheCaseWorkerApprovesNothing() {
		EnumSet<Role> chairman = EnumSet.of(Role.COMMUNE_CHAIRMAN);
		EnumSet<Role> worker = EnumSet.of(Role.CASE_WORKER);
		assertThat(CaseAction.APPROVE_PLAN.mayBeTakenBy(chairman)).isTrue();
		assertThat(CaseAction.TAKE_EMERGENCY_MEASURE.mayBeTakenBy(chairman)).isTrue();
		assertThat(CaseAction.DRAFT_PLAN.mayBeTakenBy(chairman)).isFalse();
		assertThat(CaseAction.REFER.mayBeTakenBy(chairman))
			.as("referrals are the casework of the case worker and the commune officer (0009: REFERRALS)").isFalse();
		assertThat(CaseAction.REFER.mayBeTakenBy(worker)).isTrue();
		assertThat(CaseAction.APPROVE_PLAN.mayBeTakenBy(worker)).isFalse();
		assertThat(CaseAction.RETURN_PLAN.mayBeTakenBy(worker)).isFalse();
		assertThat(CaseAction.ASSIGN.mayBeTakenBy(worker)).as("the commune's officers and chairman assign").isFalse();
		assertThat(CaseAction.TRANSFER.mayBeTakenBy(EnumSet.of(Role.PROVINCE_OFFICER))).isTrue();
		assertThat(CaseAction.VERIFY.mayBeTakenBy(EnumSet.of(Role.PROVINCE_OFFICER, Role.HOTLINE_OPERATOR))).isFalse();
		for (CaseAction action : CaseAction.values()) {
			assertThat(action.mayBeTakenBy(EnumSet.of(Role.VILLAGE_COLLABORATOR, Role.AGENCY_FOCAL_POINT, Role.VIEWER,
					Role.INSPECTOR, Role.SYSTEM_ADMIN, Role.HOTLINE_OPERATOR))).as(action.name()).isFalse();
		}
	}
}
