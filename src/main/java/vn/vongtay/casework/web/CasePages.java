package vn.vongtay.casework.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.AbuseSetting;
import vn.vongtay.casework.AbuseSubtype;
import vn.vongtay.casework.CaseAction;
import vn.vongtay.casework.CaseForms;
import vn.vongtay.casework.CaseOutcome;
import vn.vongtay.casework.CaseProcess;
import vn.vongtay.casework.CaseStage;
import vn.vongtay.casework.CaseSummary;
import vn.vongtay.casework.Cases;
import vn.vongtay.casework.ChildCase;
import vn.vongtay.casework.Classification;
import vn.vongtay.casework.DetailedAssessment;
import vn.vongtay.casework.EmergencyMeasure;
import vn.vongtay.casework.EmergencyMeasureKind;
import vn.vongtay.casework.InitialAssessment;
import vn.vongtay.casework.PerpetratorType;
import vn.vongtay.casework.PlanDraft;
import vn.vongtay.casework.PlanItemStatus;
import vn.vongtay.casework.Rating;
import vn.vongtay.casework.ReferralDraft;
import vn.vongtay.casework.Referrals;
import vn.vongtay.casework.Review;
import vn.vongtay.casework.ReviewCriterion;
import vn.vongtay.casework.RiskLevel;
import vn.vongtay.casework.ServiceKind;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.Downloads;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;

/** The case list, the deadlines due, and the case page with a form for each step the caller may take now. */
@Controller
class CasePages {

	static final int SIZE = 50;

	private final Cases cases;
	private final CaseProcess process;
	private final Referrals referrals;
	private final CaseForms forms;
	private final Agencies agencies;
	private final Staff staff;

	CasePages(Cases cases, CaseProcess process, Referrals referrals, CaseForms forms, Agencies agencies, Staff staff) {
		this.cases = cases;
		this.process = process;
		this.referrals = referrals;
		this.forms = forms;
		this.agencies = agencies;
		this.staff = staff;
	}

	/** What the case list is asked for; blank is the default (open cases, everyone's, the first page). */
	record ListQuery(String stage, Boolean open, Boolean mine, Boolean due, Boolean overdue, String q, Integer page) {

		boolean openOnly() {
			return open == null || open;
		}

		static boolean on(Boolean flag) {
			return Boolean.TRUE.equals(flag);
		}
	}

	@GetMapping("/cases")
	String list(@ModelAttribute("query") ListQuery query, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.CASE_WORKER, Role.PROVINCE_OFFICER,
				Role.DISTRICT_OFFICER).stream().anyMatch(user::has)) {
			// sent on to the work they do have; a role with neither cases nor reports is refused here rather than
			// sent to a page that refuses it
			if (user.has(Role.AGENCY_FOCAL_POINT)) {
				return "redirect:/referrals";
			}
			if (user.may(NeedToKnow.Data.REPORTS, NeedToKnow.Use.WRITE)) {
				return "redirect:/reports";
			}
			throw new UserFacingException(403, "error.access-denied");
		}
		int shown = query.page() == null ? 0 : Math.max(0, query.page());
		CaseStage chosen = FormValues.enumValue(CaseStage.class, query.stage());
		List<CaseSummary> found = cases.list(new Cases.Filter(chosen, query.openOnly(), ListQuery.on(query.mine()),
				ListQuery.on(query.due()), ListQuery.on(query.overdue()), null, query.q()), shown, SIZE + 1);
		model.addAttribute("cases", found.size() > SIZE ? found.subList(0, SIZE) : found);
		model.addAttribute("hasNext", found.size() > SIZE);
		model.addAttribute("page", shown);
		model.addAttribute("stage", chosen);
		model.addAttribute("open", query.openOnly());
		model.addAttribute("mine", ListQuery.on(query.mine()));
		model.addAttribute("due", ListQuery.on(query.due()));
		model.addAttribute("overdue", ListQuery.on(query.overdue()));
		model.addAttribute("q", query.q());
		model.addAttribute("stages", CaseStage.values());
		return "casework/cases";
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		if (cases.view(id) == Cases.View.SUMMARY) {
			model.addAttribute("summary", cases.summary(id));
			model.addAttribute("maySupervise", Jurisdictions.requireUser().has(Role.PROVINCE_OFFICER)
					|| Jurisdictions.requireUser().has(Role.DISTRICT_OFFICER));
			return "casework/case-summary";
		}
		ChildCase found = cases.get(id);
		SignedInUser user = Jurisdictions.requireUser();
		Map<String, Boolean> may = new java.util.HashMap<>();
		for (CaseAction action : CaseAction.values()) {
			may.put(action.name(), found.stage().allows(action) && action.mayBeTakenBy(user.roles()));
		}
		model.addAttribute("c", found);
		model.addAttribute("may", may);
		model.addAttribute("agencies", agencies.list(null, null, 0, 500));
		model.addAttribute("caseWorkers", may.get(CaseAction.ASSIGN.name())
				? staff.reaching(found.unitId(), Set.of(Role.CASE_WORKER), UnitLevel.COMMUNE) : List.of());
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("abuseForms", AbuseForm.values());
		model.addAttribute("subtypes", AbuseSubtype.values());
		model.addAttribute("settings", AbuseSetting.values());
		model.addAttribute("perpetrators", PerpetratorType.values());
		model.addAttribute("outcomes", CaseOutcome.values());
		model.addAttribute("measures", EmergencyMeasureKind.values());
		model.addAttribute("services", ServiceKind.values());
		model.addAttribute("itemStatuses", PlanItemStatus.values());
		model.addAttribute("criteria", ReviewCriterion.values());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("forms", CaseForms.Form.values());
		model.addAttribute("available", CaseForms.available(found));
		model.addAttribute("blankRows", List.of(1, 2, 3));
		return "casework/case";
	}

	@PostMapping("/cases/{id}/break-glass")
	String breakGlass(@PathVariable long id, @RequestParam(required = false) String reason) {
		cases.breakGlass(id, reason);
		return back(id);
	}

	@PostMapping("/cases/{id}/verify")
	String verify(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note) {
		process.verify(id, version, note);
		return back(id);
	}

	@PostMapping("/cases/{id}/dismiss")
	String dismiss(@PathVariable long id, @ModelAttribute ClosureForm form) {
		process.dismiss(id, version(form.version()), form.closedAs(), form.reason());
		return back(id);
	}

	@PostMapping("/cases/{id}/initial-assessment")
	String assessInitial(@PathVariable long id, @ModelAttribute InitialAssessmentForm form) {
		process.assessInitial(id, version(form.version()), form.assessment());
		return back(id);
	}

	@PostMapping("/cases/{id}/emergency-measures")
	String emergency(@PathVariable long id, @ModelAttribute EmergencyMeasureForm form) {
		process.takeEmergencyMeasure(id, version(form.version()), form.measure());
		return back(id);
	}

	@PostMapping("/cases/{id}/detailed-assessment")
	String assessDetailed(@PathVariable long id, @ModelAttribute DetailedAssessmentForm form) {
		process.assessDetailed(id, version(form.version()), form.assessment());
		return back(id);
	}

	@PostMapping("/cases/{id}/close-without-plan")
	String closeWithoutPlan(@PathVariable long id, @ModelAttribute ClosureForm form) {
		process.closeWithoutPlan(id, version(form.version()), form.closedAs(), form.reason());
		return back(id);
	}

	@PostMapping("/cases/{id}/plan")
	String draftPlan(@PathVariable long id, @ModelAttribute PlanForm form) {
		process.draftPlan(id, version(form.version()), form.plan());
		return back(id);
	}

	@PostMapping("/cases/{id}/plan/submit")
	String submitPlan(@PathVariable long id, @RequestParam int version) {
		process.submitPlan(id, version);
		return back(id);
	}

	@PostMapping("/cases/{id}/plan/return")
	String returnPlan(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String comment) {
		process.returnPlan(id, version, comment);
		return back(id);
	}

	@PostMapping("/cases/{id}/plan/approve")
	String approvePlan(@PathVariable long id, @ModelAttribute ApprovalForm form) {
		process.approvePlan(id, version(form.version()), form.decisionNumber(), form.note());
		return back(id);
	}

	@PostMapping("/cases/{id}/plan/items/{item}")
	String updateItem(@PathVariable long id, @PathVariable long item, @ModelAttribute ItemProgressForm form) {
		process.updatePlanItem(id, item, version(form.version()), FormValues.enumValue(PlanItemStatus.class,
				form.status()), form.result());
		return back(id);
	}

	@PostMapping("/cases/{id}/review")
	String review(@PathVariable long id, @ModelAttribute ReviewForm form) {
		process.review(id, version(form.version()), form.review());
		return back(id);
	}

	@PostMapping("/cases/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason) {
		process.reopen(id, version, reason);
		return back(id);
	}

	@PostMapping("/cases/{id}/assign")
	String assign(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String caseWorkerId) {
		Long worker = FormValues.wholeNumber(caseWorkerId);
		if (worker == null) {
			throw UserFacingException.invalid("error.field.required", "caseWorkerId");
		}
		process.assign(id, version, worker);
		return back(id);
	}

	@PostMapping("/cases/{id}/transfer")
	String transfer(@PathVariable long id, @ModelAttribute TransferForm form) {
		process.transfer(id, version(form.version()), form.toCommuneCode(), form.reason());
		return "redirect:/cases?transferred";
	}

	@PostMapping("/cases/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason) {
		process.escalate(id, version, reason);
		return back(id);
	}

	@PostMapping("/cases/{id}/classification")
	String classify(@PathVariable long id, @ModelAttribute ClassificationForm form) {
		process.classify(id, version(form.version()), form.classification());
		return back(id);
	}

	@PostMapping("/cases/{id}/child")
	String linkChild(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String childId) {
		Long child = FormValues.wholeNumber(childId);
		if (child == null) {
			throw UserFacingException.invalid("error.field.required", "childId");
		}
		process.linkChild(id, version, child);
		return back(id);
	}

	@PostMapping("/cases/{id}/circumstance")
	String recordCircumstance(@PathVariable long id, @RequestParam String group) {
		process.recordCircumstance(id, group);
		return back(id);
	}

	@PostMapping("/cases/{id}/referrals")
	String refer(@PathVariable long id, @ModelAttribute ReferralForm form) {
		referrals.refer(id, version(form.version()), form.referral());
		return back(id);
	}

	/** A case worker records an agency's answer given by phone. */
	@PostMapping("/cases/{id}/referrals/{referral}/{answer}")
	String answerReferral(@PathVariable long id, @PathVariable long referral, @PathVariable String answer,
			@RequestParam int version, @RequestParam(required = false) String text) {
		ReferralPages.answer(referrals, referral, answer, version, text);
		return back(id);
	}

	@GetMapping("/cases/{id}/forms/{number}")
	ResponseEntity<byte[]> form(@PathVariable long id, @PathVariable String number) {
		return docx(id, number, forms);
	}

	static ResponseEntity<byte[]> docx(long id, String number, CaseForms forms) {
		CaseForms.Form form = CaseForms.Form.of(number)
			.orElseThrow(() -> UserFacingException.notFound("casework.error.form-unknown", number));
		return Downloads.attachment("mau-" + form.number() + "-ho-so-" + id + ".docx", Downloads.DOCX,
				forms.generate(id, form));
	}

	/** The version of the case the form was shown with, which every step names. */
	static int version(Integer version) {
		if (version == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return version;
	}

	private static String back(long id) {
		return "redirect:/cases/" + id + "?saved";
	}

	// --- the forms of the case page, as the browser sends them (every field as typed) ---

	/** Dismissal or closure without a plan: the outcome and why. */
	record ClosureForm(Integer version, String outcome, String reason) {

		CaseOutcome closedAs() {
			return FormValues.enumValue(CaseOutcome.class, outcome);
		}
	}

	/** Mẫu 02. */
	record InitialAssessmentForm(Integer version, String assessedAt, String participants, String childCondition,
			String immediateSafety, String riskLevel, List<String> abuseIndicated, String immediateNeeds,
			String recommendation) {

		InitialAssessment assessment() {
			return new InitialAssessment(FormValues.dateTime(assessedAt), participants, childCondition, immediateSafety,
					FormValues.enumValue(RiskLevel.class, riskLevel), FormValues.enumValues(AbuseForm.class,
							abuseIndicated), immediateNeeds, recommendation);
		}
	}

	/** Mẫu 07. */
	record EmergencyMeasureForm(Integer version, String takenAt, List<String> measures, String decidedBy,
			String decisionNumber, String description, String careArrangement, String until) {

		EmergencyMeasure measure() {
			return new EmergencyMeasure(FormValues.dateTime(takenAt), FormValues.enumValues(EmergencyMeasureKind.class,
					measures), decidedBy, decisionNumber, description, careArrangement, FormValues.date(until));
		}
	}

	/** Mẫu 03. */
	record DetailedAssessmentForm(Integer version, String assessedAt, String participants, String physicalState,
			String psychologicalState, String emotionalState, String familySituation, String caregiverCapacity,
			String needs, String riskLevel) {

		DetailedAssessment assessment() {
			return new DetailedAssessment(FormValues.dateTime(assessedAt), participants, physicalState,
					psychologicalState, emotionalState, familySituation, caregiverCapacity, needs,
					FormValues.enumValue(RiskLevel.class, riskLevel));
		}
	}

	/**
	 * Mẫu 04. The services come as parallel lists, one entry per row of the form (the form always has several rows, so
	 * a value is never split at its commas); rows without a service are blank.
	 */
	record PlanForm(Integer version, String goals, String reviewOn, String notes, List<String> service,
			List<String> description, List<String> agencyId, List<String> providerName, List<String> dueOn) {

		PlanDraft plan() {
			List<PlanDraft.Item> items = new ArrayList<>();
			int rows = service == null ? 0 : service.size();
			for (int i = 0; i < rows; i++) {
				ServiceKind kind = FormValues.enumValue(ServiceKind.class, service.get(i));
				if (kind != null) {
					items.add(new PlanDraft.Item(kind, at(description, i), FormValues.wholeNumber(at(agencyId, i)),
							at(providerName, i), FormValues.date(at(dueOn, i))));
				}
			}
			return new PlanDraft(goals, items, FormValues.date(reviewOn), notes);
		}

		private static String at(List<String> values, int i) {
			return values == null || i >= values.size() ? null : values.get(i);
		}
	}

	/** Mẫu 05. */
	record ApprovalForm(Integer version, String decisionNumber, String note) {
	}

	/** The progress of a service of the plan, under the service's own version. */
	record ItemProgressForm(Integer version, String status, String result) {
	}

	/** Mẫu 06: every criterion rated ({@code ratings[CRITERION]}), and the decision to close or to plan anew. */
	record ReviewForm(Integer version, String reviewedAt, Map<String, String> ratings, String findings,
			String decision, String outcome, String nextSteps) {

		Review review() {
			Map<ReviewCriterion, Rating> rated = new EnumMap<>(ReviewCriterion.class);
			for (ReviewCriterion criterion : ReviewCriterion.values()) {
				Rating rating = ratings == null ? null : FormValues.enumValue(Rating.class, ratings.get(criterion.name()));
				if (rating != null) {
					rated.put(criterion, rating);
				}
			}
			return new Review(FormValues.dateTime(reviewedAt), rated, findings, "CLOSE".equals(decision),
					FormValues.enumValue(CaseOutcome.class, outcome), nextSteps);
		}
	}

	record TransferForm(Integer version, String toCommuneCode, String reason) {
	}

	record ClassificationForm(Integer version, String abuseConfirmed, List<String> forms, List<String> subtypes,
			String setting, String perpetratorType, String perpetratorRelationship) {

		Classification classification() {
			String confirmed = FormValues.blankToNull(abuseConfirmed);
			return new Classification(confirmed == null ? null : Boolean.valueOf(confirmed),
					FormValues.enumValues(AbuseForm.class, forms), FormValues.enumValues(AbuseSubtype.class, subtypes),
					FormValues.enumValue(AbuseSetting.class, setting),
					FormValues.enumValue(PerpetratorType.class, perpetratorType), perpetratorRelationship);
		}
	}

	/** A referral: what the agency is asked, and what of the child it may see (unticked boxes send nothing). */
	record ReferralForm(Integer version, String agencyId, String planItemId, String service, String request,
			String respondBy, Boolean shareName, Boolean shareAddress, Boolean shareCaregiver, String summary) {

		ReferralDraft referral() {
			return new ReferralDraft(FormValues.wholeNumber(agencyId), FormValues.wholeNumber(planItemId),
					FormValues.enumValue(ServiceKind.class, service), request, FormValues.date(respondBy),
					Boolean.TRUE.equals(shareName), Boolean.TRUE.equals(shareAddress), Boolean.TRUE.equals(shareCaregiver),
					summary);
		}
	}
}
