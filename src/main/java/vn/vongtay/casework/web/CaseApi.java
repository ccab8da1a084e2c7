package vn.vongtay.casework.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.casework.CaseForms;
import vn.vongtay.casework.CaseOutcome;
import vn.vongtay.casework.CaseProcess;
import vn.vongtay.casework.CaseStage;
import vn.vongtay.casework.CaseSummary;
import vn.vongtay.casework.Cases;
import vn.vongtay.casework.ChildCase;
import vn.vongtay.casework.Classification;
import vn.vongtay.casework.DeadlineRules;
import vn.vongtay.casework.DetailedAssessment;
import vn.vongtay.casework.EmergencyMeasure;
import vn.vongtay.casework.InitialAssessment;
import vn.vongtay.casework.PlanDraft;
import vn.vongtay.casework.PlanItemStatus;
import vn.vongtay.casework.Referral;
import vn.vongtay.casework.ReferralDraft;
import vn.vongtay.casework.Referrals;
import vn.vongtay.casework.Report;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.casework.Review;
import vn.vongtay.core.UserFacingException;

/**
 * The casework API: reports from the 111 hotline's system, cases with their deadlines ({@code dueAt} in Vietnam's time
 * and whether each was met), the steps of the process, referrals, forms. Every step names the case's {@code version}
 * the caller read; a step on a case changed since is refused (409).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Hồ sơ trẻ em / Cases")
class CaseApi {

	private static final int SIZE = 50;

	private final Reports reports;
	private final Cases cases;
	private final CaseProcess process;
	private final Referrals referrals;
	private final CaseForms forms;
	private final DeadlineRules rules;

	CaseApi(Reports reports, Cases cases, CaseProcess process, Referrals referrals, CaseForms forms,
			DeadlineRules rules) {
		this.reports = reports;
		this.cases = cases;
		this.process = process;
		this.referrals = referrals;
		this.forms = forms;
		this.rules = rules;
	}

	@PostMapping("/reports")
	@Operation(summary = "Records a report (Mẫu 01); a repeated externalReference answers the first receipt")
	ResponseEntity<Reports.Receipt> receive(@RequestBody ReportDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(reports.receive(draft));
	}

	@GetMapping("/reports")
	List<Report> received(@RequestParam(defaultValue = "0") int page) {
		return reports.received(Math.max(0, page), SIZE);
	}

	@GetMapping("/reports/{id}")
	Report report(@PathVariable long id) {
		return reports.get(id);
	}

	@GetMapping("/cases")
	List<CaseSummary> list(@RequestParam(required = false) CaseStage stage,
			@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean due, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page) {
		return cases.list(new Cases.Filter(stage, open, mine, due, overdue, unit, q), Math.max(0, page), SIZE);
	}

	@GetMapping("/cases/{id}")
	@Operation(summary = "The whole case, for those who need to know it (403 for a summary-only caller)")
	ChildCase get(@PathVariable long id) {
		return cases.get(id);
	}

	@GetMapping("/cases/{id}/summary")
	CaseSummary summary(@PathVariable long id) {
		return cases.summary(id);
	}

	@PostMapping("/cases/{id}/break-glass")
	ChildCase breakGlass(@PathVariable long id, @RequestBody Text request) {
		cases.breakGlass(id, request.text());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/verify")
	ChildCase verify(@PathVariable long id, @RequestBody Text request) {
		process.verify(id, version(request.version()), request.text());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/dismiss")
	ChildCase dismiss(@PathVariable long id, @RequestBody Closure request) {
		process.dismiss(id, version(request.version()), request.outcome(), request.reason());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/initial-assessment")
	ChildCase assessInitial(@PathVariable long id, @RequestBody Versioned<InitialAssessment> request) {
		process.assessInitial(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	/** The case worker proposes emergency measures (Mẫu 07) for the chairman to decide. */
	@PostMapping("/cases/{id}/emergency-measures/proposal")
	ChildCase proposeEmergency(@PathVariable long id, @RequestBody Versioned<EmergencyMeasure> request) {
		process.proposeEmergencyMeasure(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	/** The commune chairman decides emergency measures (Mẫu 07). */
	@PostMapping("/cases/{id}/emergency-measures")
	ChildCase emergency(@PathVariable long id, @RequestBody Versioned<EmergencyMeasure> request) {
		process.takeEmergencyMeasure(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/detailed-assessment")
	ChildCase assessDetailed(@PathVariable long id, @RequestBody Versioned<DetailedAssessment> request) {
		process.assessDetailed(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/close-without-plan")
	ChildCase closeWithoutPlan(@PathVariable long id, @RequestBody Closure request) {
		process.closeWithoutPlan(id, version(request.version()), request.outcome(), request.reason());
		return cases.get(id);
	}

	@PutMapping("/cases/{id}/plan")
	ChildCase draftPlan(@PathVariable long id, @RequestBody Versioned<PlanDraft> request) {
		process.draftPlan(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/plan/submit")
	ChildCase submitPlan(@PathVariable long id, @RequestBody Text request) {
		process.submitPlan(id, version(request.version()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/plan/return")
	ChildCase returnPlan(@PathVariable long id, @RequestBody Text request) {
		process.returnPlan(id, version(request.version()), request.text());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/plan/approve")
	ChildCase approvePlan(@PathVariable long id, @RequestBody Approval request) {
		process.approvePlan(id, version(request.version()), request.decisionNumber(), request.note());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/plan/items/{item}")
	ChildCase updateItem(@PathVariable long id, @PathVariable long item, @RequestBody ItemProgress request) {
		process.updatePlanItem(id, item, version(request.version()), request.status(), request.result());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/review")
	ChildCase review(@PathVariable long id, @RequestBody Versioned<Review> request) {
		process.review(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/reopen")
	ChildCase reopen(@PathVariable long id, @RequestBody Text request) {
		process.reopen(id, version(request.version()), request.text());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/assign")
	ChildCase assign(@PathVariable long id, @RequestBody Assignment request) {
		if (request.caseWorkerId() == null) {
			throw UserFacingException.invalid("error.field.required", "caseWorkerId");
		}
		process.assign(id, version(request.version()), request.caseWorkerId());
		return cases.get(id);
	}

	/** Transfers the case; the caller may no longer see it afterwards, so nothing is answered but 204. */
	@PostMapping("/cases/{id}/transfer")
	ResponseEntity<Void> transfer(@PathVariable long id, @RequestBody Transfer request) {
		process.transfer(id, version(request.version()), request.toCommuneCode(), request.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/cases/{id}/escalate")
	ChildCase escalate(@PathVariable long id, @RequestBody Text request) {
		process.escalate(id, version(request.version()), request.text());
		return cases.get(id);
	}

	@PutMapping("/cases/{id}/classification")
	ChildCase classify(@PathVariable long id, @RequestBody Versioned<Classification> request) {
		process.classify(id, version(request.version()), body(request.form()));
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/child")
	ChildCase linkChild(@PathVariable long id, @RequestBody ChildLink request) {
		if (request.childId() == null) {
			throw UserFacingException.invalid("error.field.required", "childId");
		}
		process.linkChild(id, version(request.version()), request.childId());
		return cases.get(id);
	}

	@PostMapping("/cases/{id}/referrals")
	ResponseEntity<Referral> refer(@PathVariable long id, @RequestBody Versioned<ReferralDraft> request) {
		long referral = referrals.refer(id, version(request.version()), body(request.form()));
		return ResponseEntity.status(HttpStatus.CREATED).body(referrals.get(referral));
	}

	@GetMapping("/cases/{id}/forms/{number}")
	ResponseEntity<byte[]> form(@PathVariable long id, @PathVariable String number) {
		return CasePages.docx(id, number, forms);
	}

	@GetMapping("/referrals")
	@Operation(summary = "The referrals sent to the caller's agency, those awaiting an answer first")
	List<Referral> referrals(@RequestParam(defaultValue = "0") int page) {
		return referrals.forMyAgency(Math.max(0, page), SIZE);
	}

	@GetMapping("/referrals/{id}")
	Referral referral(@PathVariable long id) {
		return referrals.get(id);
	}

	@PostMapping("/referrals/{id}/accept")
	Referral accept(@PathVariable long id, @RequestBody Text request) {
		referrals.accept(id, version(request.version()), request.text());
		return referrals.get(id);
	}

	@PostMapping("/referrals/{id}/decline")
	Referral decline(@PathVariable long id, @RequestBody Text request) {
		referrals.decline(id, version(request.version()), request.text());
		return referrals.get(id);
	}

	@PostMapping("/referrals/{id}/complete")
	Referral complete(@PathVariable long id, @RequestBody Text request) {
		referrals.complete(id, version(request.version()), request.text());
		return referrals.get(id);
	}

	@GetMapping("/casework/deadline-rules")
	List<DeadlineRules.Rule> deadlineRules() {
		return rules.list();
	}

	@PutMapping("/casework/deadline-rules/{unitCode}")
	List<DeadlineRules.Rule> setDeadlineRule(@PathVariable String unitCode, @RequestBody RuleRequest request) {
		// a client written before the approval's own deadline existed leaves it out: the national assumption applies
		int approvalDays = request.approvalWorkingDays() == null ? rules.national().approvalWorkingDays()
				: request.approvalWorkingDays();
		rules.set(unitCode, request.emergencyHours(), request.planWorkingDays(), approvalDays, request.basis(),
				request.version());
		return rules.list();
	}

	private static int version(Integer version) {
		if (version == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return version;
	}

	private static <T> T body(T form) {
		if (form == null) {
			throw UserFacingException.invalid("error.field.required", "form");
		}
		return form;
	}

	/** A step with the version read and its form's content. */
	record Versioned<T>(Integer version, T form) {
	}

	/** A step with the version read and a text (a note, reason or comment). */
	record Text(Integer version, String text) {
	}

	record Closure(Integer version, CaseOutcome outcome, String reason) {
	}

	record Approval(Integer version, String decisionNumber, String note) {
	}

	record ItemProgress(Integer version, PlanItemStatus status, String result) {
	}

	record Assignment(Integer version, Long caseWorkerId) {
	}

	record Transfer(Integer version, String toCommuneCode, String reason) {
	}

	record ChildLink(Integer version, Long childId) {
	}

	record RuleRequest(Integer version, Integer emergencyHours, Integer planWorkingDays, Integer approvalWorkingDays,
			String basis) {
	}

}
