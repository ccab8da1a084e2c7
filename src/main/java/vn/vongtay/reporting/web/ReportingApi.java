package vn.vongtay.reporting.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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

import vn.vongtay.core.UserFacingException;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.reporting.Completeness;
import vn.vongtay.reporting.Obligation;
import vn.vongtay.reporting.Obligations;
import vn.vongtay.reporting.PeriodicReport;
import vn.vongtay.reporting.PeriodicReports;
import vn.vongtay.reporting.ReportView;
import vn.vongtay.reporting.ReportExports;

/** The reporting API: obligations (kind, period, dueOn, status), reports and the steps of their submission. */
@RestController
@RequestMapping("/api/v1/reporting")
@Tag(name = "Báo cáo định kỳ / Periodic reporting")
class ReportingApi {

	private final Obligations obligations;
	private final PeriodicReports reports;
	private final Completeness completeness;
	private final ReportExports exports;

	ReportingApi(Obligations obligations, PeriodicReports reports, Completeness completeness, ReportExports exports) {
		this.obligations = obligations;
		this.reports = reports;
		this.completeness = completeness;
		this.exports = exports;
	}

	@GetMapping("/obligations")
	@Operation(summary = "The obligations of a unit and the units it reaches, within the caller's jurisdiction")
	List<Obligation> obligations(@RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page) {
		return obligations.ofUnit(unit, Math.max(0, page), ReportingPages.SIZE);
	}

	@GetMapping("/obligations/{id}")
	Obligation obligation(@PathVariable long id) {
		return obligations.get(id);
	}

	@PutMapping("/obligations/{id}/due")
	@Operation(summary = "The receiving office sets the due date of the report, for every body that owes it for the period")
	Obligation due(@PathVariable long id, @RequestBody Due due) {
		obligations.setDueDate(id, version(due.version()), due.dueOn());
		return obligations.get(id);
	}

	@PostMapping("/obligations/{id}/report")
	@Operation(summary = "The report of the obligation, drafted now when there is none")
	ResponseEntity<ReportView> draft(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(reports.get(reports.open(id)));
	}

	@GetMapping("/reports/{id}")
	ReportView report(@PathVariable long id) {
		return reports.get(id);
	}

	@PutMapping("/reports/{id}")
	ReportView save(@PathVariable long id, @RequestBody Draft draft) {
		reports.save(id, version(draft.version()), draft.sections() == null
				? new PeriodicReport.Sections(null, null, null, null) : draft.sections(), draft.number(),
				draft.signerName(), draft.figures() == null ? Map.of() : draft.figures());
		return reports.get(id);
	}

	@PostMapping("/reports/{id}/submit")
	ReportView submit(@PathVariable long id, @RequestBody Step step) {
		reports.submit(id, version(step.version()));
		return reports.get(id);
	}

	@PostMapping("/reports/{id}/return")
	ReportView returnReport(@PathVariable long id, @RequestBody Step step) {
		reports.returnReport(id, version(step.version()), step.comment());
		return reports.get(id);
	}

	@PostMapping("/reports/{id}/accept")
	ReportView accept(@PathVariable long id, @RequestBody Step step) {
		reports.accept(id, version(step.version()));
		return reports.get(id);
	}

	@GetMapping("/reports/{id}/export.{format}")
	ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format) {
		return ReportingPages.file(id, format, exports);
	}

	@GetMapping("/completeness")
	Completeness.View completeness(@RequestParam(required = false) ReportKind kind, @RequestParam String period) {
		return completeness.of(kind, period);
	}

	private static int version(Integer version) {
		if (version == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return version;
	}

	record Draft(Integer version, PeriodicReport.Sections sections, String number, String signerName,
			Map<String, BigDecimal> figures) {
	}

	record Step(Integer version, String comment) {
	}

	record Due(Integer version, java.time.LocalDate dueOn) {
	}
}
