package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

/**
 * The case page offers a form for exactly the steps of Nghị định 56/2017, Chapter III, that the case's stage allows
 * and the reader's role may take (CaseStage's table and CaseAction's roles), one fragment of
 * {@code templates/casework/case/} per step: what a commune's people are offered at each point of a case.
 */
@IntegrationTest
class CasePageTests extends CaseworkTestSupport {

	private static final Pattern ACTION = Pattern.compile("action=\"/cases/(\\d+)/([^\"?]+)\"");

	/** The steps the page posts to, by their path after the case's ("plan/items/{item}" for a service). */
	private Set<String> stepsOffered(String username, long caseId) throws Exception {
		String body = pageBody(username, "/cases/" + caseId);
		Set<String> steps = new TreeSet<>();
		Matcher form = ACTION.matcher(body);
		while (form.find()) {
			assertThat(Long.parseLong(form.group(1))).as("every form posts to the case shown").isEqualTo(caseId);
			steps.add(form.group(2).replaceFirst("^plan/items/\\d+$", "plan/items/{item}")
				.replaceFirst("^referrals/\\d+/", "referrals/{referral}/"));
		}
		return steps;
	}

	@Test
	void aReportedCaseOffersVerificationAndDismissalToTheCommuneEmergencyMeasuresToTheChairmanAndReferralsToCaseStaffOnly()
			throws Exception {
		long id = hotlineCase("Lò Thị " + unique(), null);
		assertThat(stepsOffered("xa.a", id)).containsExactly("assign", "child", "classification", "dismiss",
				"emergency-measures", "escalate", "referrals", "transfer", "verify");
		assertThat(stepsOffered("cb.a", id)).as("the case worker neither assigns nor transfers").containsExactly("child",
				"classification", "dismiss", "emergency-measures", "escalate", "referrals", "verify");
		assertThat(stepsOffered("chutich.a", id))
			.as("the chairman decides emergency measures (Art. 24) and sends no referral (0009: no REFERRALS)")
			.containsExactly("assign", "emergency-measures", "escalate", "transfer");
	}

	@Test
	void aSubmittedPlanIsOfferedForApprovalOrReturnToTheChairmanOnlyAndOnceApprovedItsServicesAndReviewToTheCaseWorker()
			throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.HIGH);
		assessDetailed(id);
		draftPlan(id);
		submitPlan(id);
		assertThat(stepsOffered("chutich.a", id)).as("Art. 28: the chairman approves the plan the case worker submits")
			.containsExactly("assign", "emergency-measures", "escalate", "plan/approve", "plan/return", "transfer");
		assertThat(stepsOffered("cb.a", id)).as("nothing of the plan while the chairman has it").containsExactly("child",
				"classification", "emergency-measures", "escalate", "referrals");

		approvePlan(id);
		assertThat(stepsOffered("cb.a", id)).containsExactly("child", "classification", "emergency-measures", "escalate",
				"plan/items/{item}", "referrals", "review");
		assertThat(stepsOffered("chutich.a", id)).containsExactly("assign", "emergency-measures", "escalate",
				"transfer");
	}

	@Test
	void aClosedCaseOffersOnlyReopening() throws Exception {
		long id = hotlineCase("Lò Văn " + unique(), null);
		verify(id);
		assessInitial(id, RiskLevel.LOW);
		as("cb.a", () -> {
			process.closeWithoutPlan(id, version(id), CaseOutcome.SAFE_WITH_FAMILY, "Gia đình bảo vệ được trẻ.");
			return null;
		});
		for (String username : new String[] { "xa.a", "chutich.a", "cb.a" }) {
			assertThat(stepsOffered(username, id)).as(username).containsExactly("reopen");
		}
	}
}
