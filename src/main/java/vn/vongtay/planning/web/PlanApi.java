package vn.vongtay.planning.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.core.Period;
import vn.vongtay.planning.AgencyChoices;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.PlanStatus;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ProgressStatus;
import vn.vongtay.planning.TaskProgress;
import vn.vongtay.planning.TaskTracking;

/** Plans for machines: list, read, import and export in the exchange format, and task progress. */
@RestController
@Tag(name = "Kế hoạch / Plans")
class PlanApi {

	private static final int PAGE_SIZE = 50;

	private final Plans plans;
	private final TaskTracking tracking;

	PlanApi(Plans plans, TaskTracking tracking) {
		this.plans = plans;
		this.tracking = tracking;
	}

	@GetMapping("/api/v1/plans")
	@Operation(summary = "Plans visible to the caller, newest first")
	List<PlanSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) PlanStatus status,
			@RequestParam(defaultValue = "0") int page) {
		return plans.list(q, status, Math.max(0, page), PAGE_SIZE);
	}

	@GetMapping("/api/v1/plans/{id}")
	@Operation(summary = "A plan with its objectives, targets, tasks and reporting regime")
	PlanDetail get(@PathVariable long id) {
		return plans.get(id);
	}

	@GetMapping(path = "/api/v1/plans/{id}/document", produces = "application/yaml")
	@Operation(summary = "The plan in the exchange format vongtay-plan/1 (YAML)")
	ResponseEntity<String> export(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(plans.export(id));
	}

	@PostMapping(path = "/api/v1/plans", consumes = { "application/yaml", "application/x-yaml", "text/yaml",
			MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Imports a plan written in the exchange format; all or nothing. Agencies the directory does not "
			+ "have under the same name are confirmed with 'agency' (key:id for a directory agency, key:new for a new "
			+ "one); until each is, nothing is stored and the problem detail lists them with their candidates")
	ResponseEntity<Map<String, Object>> importDocument(@RequestBody String document,
			@RequestParam(name = "agency", required = false) List<String> agency) {
		long id = plans.importDocument(document, AgencyChoices.parse(agency));
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(Map.of("id", id));
	}

	@PostMapping(path = "/api/v1/plans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Imports a plan file (multipart field 'file'); all or nothing; agencies confirmed as above")
	ResponseEntity<Map<String, Object>> importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(name = "agency", required = false) List<String> agency) throws IOException {
		return importDocument(new String(file.getBytes(), StandardCharsets.UTF_8), agency);
	}

	@GetMapping("/api/v1/tasks/mine")
	@Operation(summary = "The tasks of the caller's agency across plans, overdue first")
	List<Task> myTasks() {
		return plans.myTasks();
	}

	record Handover(Long agencyId, int version) {
	}

	@PostMapping("/api/v1/tasks/{id}/handover")
	@Operation(summary = "Gives a task whose lead agency ended to the agency that now carries it (the plan's managers)")
	ResponseEntity<Task> handOver(@PathVariable long id, @RequestBody Handover handover) {
		tracking.handOver(id, handover.agencyId(), handover.version());
		return ResponseEntity.ok(tracking.task(id));
	}

	record Closure(String reason, int version) {
	}

	@PostMapping("/api/v1/tasks/{id}/close")
	@Operation(summary = "Closes a task whose lead agency ended, with the reason (the plan's managers)")
	ResponseEntity<Task> close(@PathVariable long id, @RequestBody Closure closure) {
		tracking.close(id, closure.reason(), closure.version());
		return ResponseEntity.ok(tracking.task(id));
	}

	@GetMapping("/api/v1/tasks/{id}/progress")
	List<TaskProgress> progress(@PathVariable long id) {
		return tracking.progressOf(id);
	}

	/** What an agency reports on a task for a period; {@code version} is required to correct an earlier report. */
	record ProgressReport(long agencyId, String period, ProgressStatus status, String done, String figures,
			Integer version) {
	}

	@PostMapping("/api/v1/tasks/{id}/progress")
	@Operation(summary = "Records the progress of a task for a period (lead agency, partner or the plan's officers)")
	ResponseEntity<Map<String, Object>> recordProgress(@PathVariable long id, @RequestBody ProgressReport report) {
		long progressId = tracking.record(id, report.agencyId(), Period.parse(report.period()), report.status(),
				report.done(), report.figures(), report.version(), List.of());
		return ResponseEntity.ok(Map.of("id", progressId));
	}
}
