package vn.vongtay.planning.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.planning.AgenciesToConfirm;
import vn.vongtay.planning.AgencyChoices;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.PlanStatus;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ProgressStatus;
import vn.vongtay.planning.TargetStatus;
import vn.vongtay.planning.TaskTracking;
import vn.vongtay.planning.TaskTracking.EvidenceFile;
import vn.vongtay.planning.TaskTracking.Upload;

/** Plans for people: the list, the plan with its tracking, tasks with their progress, "my tasks", and import. */
@Controller
class PlanPages {

	private static final int PAGE_SIZE = 30;

	private final Plans plans;
	private final TaskTracking tracking;
	private final ProblemDetails problems;
	private final Clock clock;

	PlanPages(Plans plans, TaskTracking tracking, ProblemDetails problems, Clock clock) {
		this.plans = plans;
		this.tracking = tracking;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/plans")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) PlanStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int current = Math.max(0, page);
		List<PlanSummary> found = plans.list(q, status, current, PAGE_SIZE + 1);
		model.addAttribute("plans", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		model.addAttribute("page", current);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("canImport", plans.mayImport());
		return "planning/plans";
	}

	@GetMapping("/plans/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "tracking") String tab, Model model) {
		PlanDetail plan = plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("tab", tab);
		switch (tab) {
			case "agencies" -> model.addAttribute("byAgency", plans.tasksByAgency(id).entrySet().stream().toList());
			case "text" -> model.addAttribute("originalText", plans.originalText(id));
			case "lower" -> model.addAttribute("lowerPlans", plans.lowerPlans(id));
			default -> model.addAttribute("tab", "tracking");
		}
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("canRecordTargets", plans.mayRecordAchievements(id));
		model.addAttribute("assessments", List.of(TargetStatus.ON_TRACK, TargetStatus.AT_RISK, TargetStatus.OFF_TRACK));
		return "planning/plan";
	}

	@PostMapping("/plans/{planId}/targets/{targetId}/achievements")
	String recordAchievement(@PathVariable long planId, @PathVariable long targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) BigDecimal value, @RequestParam(required = false) TargetStatus assessment,
			@RequestParam(required = false) String note) {
		plans.recordAchievement(targetId, asOf, value, assessment, note);
		return "redirect:/plans/" + planId + "?saved=target#target-" + targetId;
	}

	@GetMapping("/plans/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		String yaml = plans.export(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ke-hoach-" + id + ".yaml").build().toString())
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(yaml.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/plans/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		Task task = tracking.task(id);
		PlanDetail plan = plans.get(task.planId());
		model.addAttribute("task", task);
		model.addAttribute("plan", plan.summary());
		model.addAttribute("history", tracking.progressOf(id));
		model.addAttribute("lowerTasks", tracking.lowerTasks(id));
		List<TaskTracking.Reporter> reporters = tracking.reportersFor(id);
		model.addAttribute("reporters", reporters);
		LocalDate today = LocalDate.now(clock);
		int lastYear = Math.min(today.getYear(),
				plan.summary().yearTo() == null ? today.getYear() : plan.summary().yearTo());
		List<Period> periods = new ArrayList<>(Period.reportingPeriods(plan.summary().yearFrom(),
				Math.max(plan.summary().yearFrom(), lastYear)).stream().filter(p -> !p.start().isAfter(today)).toList());
		java.util.Collections.reverse(periods);
		model.addAttribute("periods", periods);
		model.addAttribute("statuses", ProgressStatus.reportable());
		model.addAttribute("mayDecide", tracking.mayDecideOwners(task.planId()));
		model.addAttribute("successors", tracking.successorsFor(id));
		return "planning/task";
	}

	@PostMapping("/plans/tasks/{id}/handover")
	String handOver(@PathVariable long id, @RequestParam(required = false) Long agencyId, @RequestParam int version) {
		tracking.handOver(id, agencyId, version);
		return "redirect:/plans/tasks/" + id + "?saved";
	}

	@PostMapping("/plans/tasks/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam int version) {
		tracking.close(id, reason, version);
		return "redirect:/plans/tasks/" + id + "?saved";
	}

	@PostMapping("/plans/tasks/{id}/progress")
	String recordProgress(@PathVariable long id, @RequestParam long agencyId, @RequestParam String period,
			@RequestParam(required = false) ProgressStatus status, @RequestParam(required = false) String done,
			@RequestParam(required = false) String figures, @RequestParam(required = false) Integer version,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
				uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
			}
		}
		tracking.record(id, agencyId, Period.parse(period), status, done, figures, version, uploads);
		return "redirect:/plans/tasks/" + id + "?saved";
	}

	@GetMapping("/plans/evidence/{id}")
	ResponseEntity<byte[]> evidence(@PathVariable long id) {
		EvidenceFile file = tracking.evidence(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	@GetMapping("/my-tasks")
	String myTasks(Model model) {
		List<Task> tasks = plans.myTasks();
		model.addAttribute("tasks", tasks);
		model.addAttribute("plans", plans.summaries(tasks.stream().map(Task::planId).distinct().toList()));
		return "planning/my-tasks";
	}

	@GetMapping("/plans/import")
	String importForm() {
		plans.requireImporter();
		return "planning/import";
	}

	/**
	 * Imports a file, or, at the second step, the same document sent back with the person's decision for each agency
	 * the directory does not have ({@code agency=key:id} or {@code key:new}).
	 */
	@PostMapping("/plans/import")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String document, @RequestParam(required = false) String fileName,
			@RequestParam(name = "agency", required = false) List<String> agency, Model model,
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		plans.requireImporter();
		boolean uploaded = file != null && !file.isEmpty();
		String text = uploaded ? new String(file.getBytes(), StandardCharsets.UTF_8) : document;
		model.addAttribute("fileName", uploaded ? file.getOriginalFilename() : fileName);
		if (text == null || text.isBlank()) {
			model.addAttribute("problems", List.of(problems.describe(
					vn.vongtay.core.InputProblem.field("file", "error.plan.file-required"))));
			return "planning/import";
		}
		try {
			long id = plans.importDocument(text, AgencyChoices.parse(agency));
			return "redirect:/plans/" + id + "?imported";
		}
		catch (AgenciesToConfirm e) {
			// not an error: the plan is right and waits for the person's decision, with the document kept
			model.addAttribute("pending", e.pending());
			model.addAttribute("document", text);
			return "planning/import";
		}
		catch (UserFacingException e) {
			List<Map<String, Object>> described = e.problems().isEmpty()
					? List.of(Map.of("message", problems.message(e.messageKey(), e.arguments(),
							vn.vongtay.core.VietnameseText.VIETNAMESE, e.messageKey()), "messageEn",
							problems.message(e.messageKey(), e.arguments(), java.util.Locale.ENGLISH, e.messageKey())))
					: e.problems().stream().map(problems::describe).toList();
			model.addAttribute("problems", described);
			response.setStatus(e.status());
			return "planning/import";
		}
	}
}
