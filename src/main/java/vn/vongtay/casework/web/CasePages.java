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

	@GetMapping("/cases")
	String list(@RequestParam(required = false) String stage, @RequestParam(defaultValue = "true") boolean open,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean due,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.CASE_WORKER, Role.PROVINCE_OFFICER,
				Role.DISTRICT_OFFICER).stream().anyMatch(user::has)) {
			return user.has(Role.AGENCY_FOCAL_POINT) ? "redirect:/referrals" : "redirect:/reports";
		}
		int shown = Math.max(0, page);
		CaseStage chosen = FormValues.enumValue(CaseStage.class, stage);
		List<CaseSummary> found = cases.list(new Cases.Filter(chosen, open, mine, due, overdue, null, q), shown,
				SIZE + 1);
		model.addAttribute("cases", found.size() > SIZE ? found.subList(0, SIZE) : found);
		model.addAttribute("hasNext", found.size() > SIZE);
		model.addAttribute("page", shown);
		model.addAttribute("stage", chosen);
		model.addAttribute("open", open);
		model.addAttribute("mine", mine);
		model.addAttribute("due", due);
		model.addAttribute("overdue", overdue);
		model.addAttribute("q", q);
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
	String dismiss(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String reason) {
		process.dismiss(id, version, FormValues.enumValue(CaseOutcome.class, outcome), reason);
		return back(id);
	}

	@PostMapping("/cases/{id}/initial-assessment")
	String assessInitial(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String assessedAt, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String childCondition,
			@RequestParam(required = false) String immediateSafety, @RequestParam(required = false) String riskLevel,
			@RequestParam(required = false) List<String> abuseIndicated,
			@RequestParam(required = false) String immediateNeeds,
			@RequestParam(required = false) String recommendation) {
		process.assessInitial(id, version, new InitialAssessment(FormValues.dateTime(assessedAt), participants,
				childCondition, immediateSafety, FormValues.enumValue(RiskLevel.class, riskLevel),
				FormValues.enumValues(AbuseForm.class, abuseIndicated), immediateNeeds, recommendation));
		return back(id);
	}

	@PostMapping("/cases/{id}/emergency-measures")
	String emergency(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String takenAt,
			@RequestParam(required = false) List<String> measures, @RequestParam(required = false) String decidedBy,
			@RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String description,
			@RequestParam(required = false) String careArrangement, @RequestParam(required = false) String until) {
		process.takeEmergencyMeasure(id, version, new EmergencyMeasure(FormValues.dateTime(takenAt),
				FormValues.enumValues(EmergencyMeasureKind.class, measures), decidedBy, decisionNumber, description,
				careArrangement, FormValues.date(until)));
		return back(id);
	}

	@PostMapping("/cases/{id}/detailed-assessment")
	String assessDetailed(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String assessedAt, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String physicalState,
			@RequestParam(required = false) String psychologicalState,
			@RequestParam(required = false) String emotionalState,
			@RequestParam(required = false) String familySituation,
			@RequestParam(required = false) String caregiverCapacity, @RequestParam(required = false) String needs,
			@RequestParam(required = false) String riskLevel) {
		process.assessDetailed(id, version, new DetailedAssessment(FormValues.dateTime(assessedAt), participants,
				physicalState, psychologicalState, emotionalState, familySituation, caregiverCapacity, needs,
				FormValues.enumValue(RiskLevel.class, riskLevel)));
		return back(id);
	}

	@PostMapping("/cases/{id}/close-without-plan")
	String closeWithoutPlan(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String reason) {
		process.closeWithoutPlan(id, version, FormValues.enumValue(CaseOutcome.class, outcome), reason);
		return back(id);
	}

	/** The plan's services come as parallel lists, one entry per row of the form; rows without a service are blank. */
	@PostMapping("/cases/{id}/plan")
	String draftPlan(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String goals,
			@RequestParam(required = false) String reviewOn, @RequestParam(required = false) String notes,
			@RequestParam(required = false) List<String> service,
			@RequestParam(required = false) List<String> description,
			@RequestParam(required = false) List<String> agencyId,
			@RequestParam(required = false) List<String> providerName,
			@RequestParam(required = false) List<String> dueOn) {
		List<PlanDraft.Item> items = new ArrayList<>();
		int rows = service == null ? 0 : service.size();
		for (int i = 0; i < rows; i++) {
			ServiceKind kind = FormValues.enumValue(ServiceKind.class, service.get(i));
			if (kind == null) {
				continue;
			}
			items.add(new PlanDraft.Item(kind, at(description, i), FormValues.wholeNumber(at(agencyId, i)),
					at(providerName, i), FormValues.date(at(dueOn, i))));
		}
		process.draftPlan(id, version, new PlanDraft(goals, items, FormValues.date(reviewOn), notes));
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
	String approvePlan(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String note) {
		process.approvePlan(id, version, decisionNumber, note);
		return back(id);
	}

	@PostMapping("/cases/{id}/plan/items/{item}")
	String updateItem(@PathVariable long id, @PathVariable long item, @RequestParam int version,
			@RequestParam(required = false) String status, @RequestParam(required = false) String result) {
		process.updatePlanItem(id, item, version, FormValues.enumValue(PlanItemStatus.class, status), result);
		return back(id);
	}

	@PostMapping("/cases/{id}/review")
	String review(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> fields) {
		Map<ReviewCriterion, Rating> ratings = new EnumMap<>(ReviewCriterion.class);
		for (ReviewCriterion criterion : ReviewCriterion.values()) {
			Rating rating = FormValues.enumValue(Rating.class, fields.get("rating-" + criterion.name()));
			if (rating != null) {
				ratings.put(criterion, rating);
			}
		}
		boolean close = "CLOSE".equals(fields.get("decision"));
		process.review(id, version, new Review(FormValues.dateTime(fields.get("reviewedAt")), ratings,
				fields.get("findings"), close, FormValues.enumValue(CaseOutcome.class, fields.get("outcome")),
				fields.get("nextSteps")));
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
	String transfer(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String toCommuneCode, @RequestParam(required = false) String reason) {
		process.transfer(id, version, toCommuneCode, reason);
		return "redirect:/cases?transferred";
	}

	@PostMapping("/cases/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason) {
		process.escalate(id, version, reason);
		return back(id);
	}

	@PostMapping("/cases/{id}/classification")
	String classify(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String abuseConfirmed, @RequestParam(required = false) List<String> forms,
			@RequestParam(required = false) List<String> subtypes, @RequestParam(required = false) String setting,
			@RequestParam(required = false) String perpetratorType,
			@RequestParam(required = false) String perpetratorRelationship) {
		Boolean confirmed = FormValues.blankToNull(abuseConfirmed) == null ? null : Boolean.valueOf(abuseConfirmed);
		process.classify(id, version, new Classification(confirmed, FormValues.enumValues(AbuseForm.class, forms),
				FormValues.enumValues(AbuseSubtype.class, subtypes), FormValues.enumValue(AbuseSetting.class, setting),
				FormValues.enumValue(PerpetratorType.class, perpetratorType), perpetratorRelationship));
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
	String refer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String agencyId,
			@RequestParam(required = false) String planItemId, @RequestParam(required = false) String service,
			@RequestParam(required = false) String request, @RequestParam(required = false) String respondBy,
			@RequestParam(defaultValue = "false") boolean shareName,
			@RequestParam(defaultValue = "false") boolean shareAddress,
			@RequestParam(defaultValue = "false") boolean shareCaregiver,
			@RequestParam(required = false) String summary) {
		referrals.refer(id, version, new ReferralDraft(FormValues.wholeNumber(agencyId),
				FormValues.wholeNumber(planItemId), FormValues.enumValue(ServiceKind.class, service), request,
				FormValues.date(respondBy), shareName, shareAddress, shareCaregiver, summary));
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

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() ? null : values.get(i);
	}

	private static String back(long id) {
		return "redirect:/cases/" + id + "?saved";
	}
}
