package vn.vongtay.childfriendly.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.childfriendly.Assessment;
import vn.vongtay.childfriendly.AssessmentStatus;
import vn.vongtay.childfriendly.Assessments;
import vn.vongtay.childfriendly.Assessments.CommuneRow;
import vn.vongtay.childfriendly.Assessments.ItemEntry;
import vn.vongtay.childfriendly.Assessments.ReviewEntry;
import vn.vongtay.childfriendly.Assessments.Summary;
import vn.vongtay.childfriendly.CommuneCategory;
import vn.vongtay.childfriendly.CriteriaSet;
import vn.vongtay.childfriendly.CriteriaSets;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/**
 * Child-friendly communes: the communes of a year with their assessments and the list of those recognised, a
 * commune's assessment from self-assessment to decision, and the API. Readers: everyone the need-to-know table lets
 * read {@code CHILD_FRIENDLY} (officers, chairmen, case workers, agency focal points, viewers, administrators); the
 * commune's officers and chairman score and submit; province and district officers review and decide.
 */
@Controller
@Tag(name = "Xã, phường phù hợp với trẻ em / Child-friendly communes")
class AssessmentPages {

	private final Assessments assessments;
	private final CriteriaSets criteria;
	private final ProblemDetails problems;
	private final Clock clock;

	AssessmentPages(Assessments assessments, CriteriaSets criteria, ProblemDetails problems, Clock clock) {
		this.assessments = assessments;
		this.criteria = criteria;
		this.problems = problems;
		this.clock = clock;
	}

	// --- pages ---

	@GetMapping("/child-friendly")
	String index(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
			Model model) {
		fillIndex(model, year == null ? LocalDate.now(clock).getYear() : year, unit);
		return "childfriendly/index";
	}

	private void fillIndex(Model model, int year, String unit) {
		SignedInUser user = Jurisdictions.requireUser();
		model.addAttribute("year", year);
		model.addAttribute("unit", unit);
		model.addAttribute("years", years());
		List<CommuneRow> communes = assessments.communes(year, unit);
		model.addAttribute("communes", communes);
		model.addAttribute("recognised", assessments.recognised(year, unit));
		model.addAttribute("categories", CommuneCategory.values());
		model.addAttribute("mayScore", Assessments.mayScore(user));
		model.addAttribute("criteria", criteria.forYear(year));
	}

	private List<Integer> years() {
		List<Integer> years = new ArrayList<>();
		for (int y = LocalDate.now(clock).getYear(); y >= 2019; y--) {
			years.add(y);
		}
		return years;
	}

	@PostMapping("/child-friendly/assessments")
	String start(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String year,
			@RequestParam(required = false) String category, Model model) {
		int y = parseYear(year);
		try {
			long id = assessments.start(unitCode, y, FormValues.enumValue(CommuneCategory.class, category));
			return "redirect:/child-friendly/assessments/" + id;
		}
		catch (UserFacingException e) {
			if (e.status() == 403 || e.status() == 404) {
				throw e;
			}
			error(model, e);
			model.addAttribute("typedUnit", unitCode);
			model.addAttribute("typedCategory", category);
			fillIndex(model, y, null);
			return "childfriendly/index";
		}
	}

	private int parseYear(String year) {
		Long y = FormValues.wholeNumber(year);
		return y == null ? LocalDate.now(clock).getYear() : y.intValue();
	}

	@GetMapping("/child-friendly/assessments/{id}")
	String show(@PathVariable long id, Model model) {
		fillAssessment(model, id, Map.of());
		return "childfriendly/assessment";
	}

	private void fillAssessment(Model model, long id, Map<String, String> typed) {
		SignedInUser user = Jurisdictions.requireUser();
		Assessment a = assessments.get(id);
		model.addAttribute("a", a);
		model.addAttribute("typed", typed);
		model.addAttribute("categories", CommuneCategory.values());
		model.addAttribute("mayScore", Assessments.mayScore(user) && a.status().openToCommune());
		model.addAttribute("mayReview", Assessments.mayReview(user)
				&& a.status() == AssessmentStatus.SUBMITTED);
		model.addAttribute("mayDecide", Assessments.mayReview(user)
				&& a.status() == AssessmentStatus.REVIEWED);
		model.addAttribute("history", assessments.history(a.unitId()));
		model.addAttribute("today", LocalDate.now(clock));
	}

	@PostMapping("/child-friendly/assessments/{id}/scores")
	String score(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			assessments.score(id, version(form), FormValues.enumValue(CommuneCategory.class, form.get("category")),
					itemEntries(form));
			return "redirect:/child-friendly/assessments/" + id + "?saved";
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, id, form, e);
		}
	}

	@PostMapping("/child-friendly/assessments/{id}/files")
	String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String itemId, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw UserFacingException.rejected(List.of(InputProblem.field("file", "error.file.empty")));
			}
			assessments.attach(id, FormValues.wholeNumber(itemId), file.getOriginalFilename(), file.getContentType(),
					file.getBytes());
			return "redirect:/child-friendly/assessments/" + id + "?attached#evidence";
		}
		catch (UserFacingException e) {
			return again(model, id, Map.of(), e);
		}
	}

	@GetMapping("/child-friendly/assessments/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
		Assessments.EvidenceContent file = assessments.file(id, fileId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	@PostMapping("/child-friendly/assessments/{id}/submit")
	String submit(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			assessments.submit(id, version(form));
			return "redirect:/child-friendly/assessments/" + id + "?submitted";
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, id, Map.of(), e);
		}
	}

	@PostMapping("/child-friendly/assessments/{id}/review")
	String review(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			assessments.review(id, version(form), reviewEntries(form), form.get("comment"),
					"RETURN".equals(form.get("outcome")));
			return "redirect:/child-friendly/assessments/" + id + "?reviewed";
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, id, form, e);
		}
	}

	@PostMapping("/child-friendly/assessments/{id}/decision")
	String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			assessments.decide(id, version(form), FormValues.blankToNull(form.get("recognised")) == null ? null
					: "true".equals(form.get("recognised")), form.get("decisionNumber"),
					FormValues.date(form.get("decisionDate")), form.get("signer"), form.get("reason"));
			return "redirect:/child-friendly/assessments/" + id + "?decided";
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, id, form, e);
		}
	}

	/** The page again, with the message, what went wrong field by field, and what was typed. */
	private String again(Model model, long id, Map<String, String> typed, RuntimeException e) {
		if (e instanceof UserFacingException u) {
			if (u.status() == 403 || u.status() == 404) {
				throw u;
			}
			error(model, u);
		}
		else {
			PageStatus.respondWith(409);
			model.addAttribute("error", problems.message("error.concurrent-edit", new Object[0],
					LocaleContextHolder.getLocale(), "error.concurrent-edit"));
			typed = Map.of();
		}
		fillAssessment(model, id, typed);
		return "childfriendly/assessment";
	}

	private void error(Model model, UserFacingException e) {
		model.addAttribute("error", problems.message(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale(),
				e.messageKey()));
		model.addAttribute("problems", e.problems().stream().map(problems::describe).toList());
		PageStatus.respondWith(e.status());
	}

	private static int version(Map<String, String> form) {
		Long v = FormValues.wholeNumber(form.get("version"));
		if (v == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return v.intValue();
	}

	private static List<ItemEntry> itemEntries(Map<String, String> form) {
		List<ItemEntry> entries = new ArrayList<>();
		form.forEach((name, value) -> {
			if (name.startsWith("points-")) {
				long item = Long.parseLong(name.substring("points-".length()));
				entries.add(new ItemEntry(item, points(value, name), form.get("evidence-" + item)));
			}
		});
		return entries;
	}

	private static List<ReviewEntry> reviewEntries(Map<String, String> form) {
		List<ReviewEntry> entries = new ArrayList<>();
		form.forEach((name, value) -> {
			if (name.startsWith("reviewed-")) {
				long item = Long.parseLong(name.substring("reviewed-".length()));
				entries.add(new ReviewEntry(item, points(value, name), form.get("note-" + item)));
			}
		});
		return entries;
	}

	/** Points as typed: blank is no points yet; anything but a whole number is refused with the field named. */
	private static Integer points(String value, String field) {
		String v = FormValues.blankToNull(value);
		if (v == null) {
			return null;
		}
		try {
			return Integer.valueOf(v.replace(".", ""));
		}
		catch (NumberFormatException e) {
			throw UserFacingException.rejected(List.of(InputProblem.field(field,
					"error.child-friendly.points-number", value)));
		}
	}

	// --- API ---

	record StartRequest(String unitCode, Integer year, CommuneCategory category) {
	}

	record ScoresRequest(Integer version, CommuneCategory category, List<ItemEntry> items) {
	}

	record VersionRequest(Integer version) {
	}

	record ReviewRequest(Integer version, List<ReviewEntry> items, String comment, Boolean returnToCommune) {
	}

	record DecisionRequest(Integer version, Boolean recognised, String decisionNumber, LocalDate decisionDate,
			String signer, String reason) {
	}

	@GetMapping("/api/v1/child-friendly/criteria")
	@ResponseBody
	@Operation(summary = "The criteria in force for a year, with their points and what is not yet confirmed: whoever reads CHILD_FRIENDLY")
	CriteriaSet apiCriteria(@RequestParam(required = false) Integer year) {
		return criteria.forYear(year == null ? LocalDate.now(clock).getYear() : year);
	}

	@GetMapping("/api/v1/child-friendly/communes")
	@ResponseBody
	@Operation(summary = "The communes of a year under a unit of the caller's jurisdiction with their assessments: whoever reads CHILD_FRIENDLY")
	List<CommuneRow> apiCommunes(@RequestParam int year, @RequestParam(required = false) String unit) {
		return assessments.communes(year, unit);
	}

	@GetMapping("/api/v1/child-friendly/recognised")
	@ResponseBody
	@Operation(summary = "The communes recognised as child-friendly for a year, with their decisions: whoever reads CHILD_FRIENDLY")
	List<Summary> apiRecognised(@RequestParam int year, @RequestParam(required = false) String unit) {
		return assessments.recognised(year, unit);
	}

	@PostMapping("/api/v1/child-friendly/assessments")
	@ResponseBody
	@Operation(summary = "Start a commune's assessment of a year: the commune's officers and chairman")
	ResponseEntity<Assessment> apiStart(@RequestBody StartRequest request) {
		long id = assessments.start(request.unitCode(), request.year() == null ? 0 : request.year(), request.category());
		return ResponseEntity.status(HttpStatus.CREATED).body(assessments.get(id));
	}

	@GetMapping("/api/v1/child-friendly/assessments/{id}")
	@ResponseBody
	@Operation(summary = "An assessment with its scores, figures, files, outcome and history: whoever reads CHILD_FRIENDLY within their jurisdiction")
	Assessment apiGet(@PathVariable long id) {
		return assessments.get(id);
	}

	@PutMapping("/api/v1/child-friendly/assessments/{id}/scores")
	@ResponseBody
	@Operation(summary = "Save the commune's points and evidence (version required): the commune's officers and chairman, while a draft or returned")
	Assessment apiScore(@PathVariable long id, @RequestBody ScoresRequest request) {
		assessments.score(id, required(request.version()), request.category(),
				request.items() == null ? List.of() : request.items());
		return assessments.get(id);
	}

	@PostMapping(path = "/api/v1/child-friendly/assessments/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Operation(summary = "Attach an evidence file (PDF, image, Office; 20 MB): the commune's officers and chairman")
	ResponseEntity<Map<String, Long>> apiAttach(@PathVariable long id, @RequestParam MultipartFile file,
			@RequestParam(required = false) Long itemId) throws IOException {
		long fileId = assessments.attach(id, itemId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", fileId));
	}

	@PostMapping("/api/v1/child-friendly/assessments/{id}/submit")
	@ResponseBody
	@Operation(summary = "Submit to the level above (every item scored): the commune's officers and chairman")
	Assessment apiSubmit(@PathVariable long id, @RequestBody VersionRequest request) {
		assessments.submit(id, required(request.version()));
		return assessments.get(id);
	}

	@PostMapping("/api/v1/child-friendly/assessments/{id}/review")
	@ResponseBody
	@Operation(summary = "Review a submitted assessment: return it with a comment, or set the reviewed points: province and district officers")
	Assessment apiReview(@PathVariable long id, @RequestBody ReviewRequest request) {
		assessments.review(id, required(request.version()), request.items() == null ? List.of() : request.items(),
				request.comment(), Boolean.TRUE.equals(request.returnToCommune()));
		return assessments.get(id);
	}

	@PostMapping("/api/v1/child-friendly/assessments/{id}/decision")
	@ResponseBody
	@Operation(summary = "Record the recognition decision (recognised only when QĐ 06/QĐ-TTg's conditions are met): province and district officers")
	Assessment apiDecide(@PathVariable long id, @RequestBody DecisionRequest request) {
		assessments.decide(id, required(request.version()), request.recognised(), request.decisionNumber(),
				request.decisionDate(), request.signer(), request.reason());
		return assessments.get(id);
	}

	private static int required(Integer version) {
		if (version == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return version;
	}
}
