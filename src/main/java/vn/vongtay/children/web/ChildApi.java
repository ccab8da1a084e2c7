package vn.vongtay.children.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.children.Child;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.ChildImports;
import vn.vongtay.children.ChildQuery;
import vn.vongtay.children.ChildSummary;
import vn.vongtay.children.Children;
import vn.vongtay.core.web.ProblemDetails;

/**
 * The register for machines: search, read and register children, import register files, support totals. Who may use
 * each operation, and which parts of a record they get, is the need-to-know table's (docs/decisions/0009).
 */
@RestController
@Tag(name = "Trẻ em / Children")
class ChildApi {

	private static final int PAGE_SIZE = 50;

	private final Children children;
	private final ChildImports imports;
	private final ProblemDetails problems;

	ChildApi(Children children, ChildImports imports, ProblemDetails problems) {
		this.children = children;
		this.imports = imports;
		this.problems = problems;
	}

	@GetMapping("/api/v1/children")
	@Operation(summary = "Children within the caller's reach matching a name (accents optional, typos tolerated) "
			+ "or identification number, in Vietnamese order; group and atRisk only for whoever reads the groups "
			+ "(the search is audited with its criteria and how many it answered)")
	List<ChildSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornTo,
			@RequestParam(required = false) String group, @RequestParam(defaultValue = "false") boolean atRisk,
			@RequestParam(defaultValue = "0") int page) {
		return children.search(new ChildQuery(q, unit, bornFrom, bornTo, group, atRisk, false, null, page, PAGE_SIZE));
	}

	@GetMapping("/api/v1/children/count")
	@Operation(summary = "How many children within the caller's reach match; group only for whoever reads the groups")
	Map<String, Long> count(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String group) {
		return Map.of("count", children.count(new ChildQuery(q, unit, null, null, group, false, false, null, 0, 1)));
	}

	@GetMapping("/api/v1/children/{id}")
	@Operation(summary = "A child's record with the parts the caller may read (the read is written to the audit log)")
	Child get(@PathVariable long id) {
		return children.get(id);
	}

	@PostMapping("/api/v1/children")
	@Operation(summary = "Registers a child with the parts of the record the caller may write (a village collaborator: "
			+ "in one of their villages, without groups, supports or notes)")
	ResponseEntity<Map<String, Object>> register(@RequestBody ChildDraft draft) {
		long id = children.register(draft);
		return ResponseEntity.created(URI.create("/api/v1/children/" + id)).body(Map.of("id", id));
	}

	@PostMapping(path = "/api/v1/children/imports", consumes = "multipart/form-data")
	@Operation(summary = "Checks a register file (XLSX or CSV); with commit=true also registers its accepted rows, "
			+ "duplicates left out")
	Map<String, Object> importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean commit) {
		return body(imports.importNow(file.getOriginalFilename(), file, commit));
	}

	private Map<String, Object> body(ChildImports.Report report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", report.id());
		body.put("status", report.status());
		body.put("accepted", report.accepted());
		body.put("rejected", report.rejected());
		body.put("duplicates", report.duplicates());
		body.put("committed", report.committed());
		body.put("errors", report.errors().stream().map(problems::describe).toList());
		body.put("duplicateRows", report.duplicateRows());
		return body;
	}

	@PostMapping("/api/v1/children/imports/{id}/commit")
	@Operation(summary = "Commits a checked import; the body maps row numbers of likely duplicates to SKIP, KEEP or MERGE")
	Map<String, Object> commit(@PathVariable long id,
			@RequestBody(required = false) Map<Integer, ChildImports.Decision> decisions) {
		return body(imports.commitNow(id, decisions == null ? Map.of() : decisions));
	}

	@GetMapping("/api/v1/children/supports")
	@Operation(summary = "Supports given in a unit between two dates, by kind: how many, to how many children, how much. "
			+ "Figures: a kind given to fewer children than the small-count threshold has its numbers hidden "
			+ "(suppressed) from whoever may not read exact figures")
	List<Children.SupportTotal> supports(@RequestParam String unit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return children.supportTotals(unit, from, to);
	}
}
