package vn.vongtay.children.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.vongtay.children.Child;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.ChildImports;
import vn.vongtay.children.ChildQuery;
import vn.vongtay.children.ChildSummary;
import vn.vongtay.children.Children;
import vn.vongtay.children.SchoolLevel;
import vn.vongtay.children.Sex;
import vn.vongtay.children.SupportKind;
import vn.vongtay.children.SupportSource;

/** The register for people: search, a child's record, registration and corrections, imports and exports. */
@Controller
class ChildPages {

	private static final int PAGE_SIZE = 50;
	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Children children;
	private final ChildImports imports;
	private final ReferenceData reference;
	private final Clock clock;

	ChildPages(Children children, ChildImports imports, ReferenceData reference, Clock clock) {
		this.children = children;
		this.imports = imports;
		this.reference = reference;
		this.clock = clock;
	}

	@GetMapping("/children")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornTo,
			@RequestParam(required = false) String group, @RequestParam(defaultValue = "false") boolean atRisk,
			@RequestParam(defaultValue = "false") boolean adults, @RequestParam(defaultValue = "0") int page,
			Model model) {
		ChildQuery query = new ChildQuery(q, unit, bornFrom, bornTo, group, atRisk, adults, null, page, PAGE_SIZE + 1);
		List<ChildSummary> found = children.search(query);
		model.addAttribute("children", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		model.addAttribute("total", children.count(query));
		model.addAttribute("page", query.page());
		model.addAttribute("q", q);
		model.addAttribute("unit", unit);
		model.addAttribute("bornFrom", bornFrom);
		model.addAttribute("bornTo", bornTo);
		model.addAttribute("group", group);
		model.addAttribute("atRisk", atRisk);
		model.addAttribute("adults", adults);
		model.addAttribute("groups", reference.groups());
		model.addAttribute("today", LocalDate.now(clock));
		return "children/list";
	}

	@GetMapping("/children/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bornTo,
			@RequestParam(required = false) String group, @RequestParam(defaultValue = "false") boolean atRisk,
			@RequestParam(defaultValue = "false") boolean adults) {
		byte[] workbook = children.export(new ChildQuery(q, unit, bornFrom, bornTo, group, atRisk, adults, null, 0, 1));
		return download("so-theo-doi-tre-em-" + LocalDate.now(clock) + ".xlsx", workbook);
	}

	@GetMapping("/children/{id}")
	String show(@PathVariable long id, Model model) {
		Child child = children.get(id);
		model.addAttribute("child", child);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("groups", reference.groups());
		model.addAttribute("subgroups", reference.subgroups());
		model.addAttribute("supportKinds", SupportKind.values());
		model.addAttribute("sources", SupportSource.values());
		return "children/child";
	}

	@GetMapping("/children/new")
	String create(Model model) {
		return form(null, model);
	}

	@GetMapping("/children/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(children.get(id), model);
	}

	private String form(Child child, Model model) {
		model.addAttribute("child", child);
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("levels", SchoolLevel.values());
		model.addAttribute("ethnicities", reference.ethnicities());
		model.addAttribute("today", LocalDate.now(clock));
		return "children/form";
	}

	@PostMapping("/children")
	String register(HttpServletRequest request) {
		long id = children.register(draft(request));
		return "redirect:/children/" + id + "?saved";
	}

	@PostMapping("/children/{id}")
	String update(@PathVariable long id, @RequestParam int version, HttpServletRequest request) {
		children.update(id, version, draft(request));
		return "redirect:/children/" + id + "?saved";
	}

	@PostMapping("/children/{id}/move")
	String move(@PathVariable long id, @RequestParam int version, @RequestParam String communeCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		children.move(id, version, communeCode, on);
		return "redirect:/children?saved";
	}

	@PostMapping("/children/{id}/circumstances")
	String startCircumstance(@PathVariable long id, @RequestParam(required = false) String groupCode,
			@RequestParam(required = false) Long subgroupId, @RequestParam(defaultValue = "false") boolean atRisk,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) String evidence) {
		children.startCircumstance(id, groupCode, subgroupId, atRisk, from, evidence);
		return "redirect:/children/" + id + "?saved#circumstances";
	}

	@PostMapping("/children/{id}/circumstances/{circumstanceId}/end")
	String endCircumstance(@PathVariable long id, @PathVariable long circumstanceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		children.endCircumstance(id, circumstanceId, to);
		return "redirect:/children/" + id + "?saved#circumstances";
	}

	@PostMapping("/children/{id}/supports")
	String recordSupport(@PathVariable long id, @RequestParam(required = false) SupportKind kind,
			@RequestParam(required = false) Long amountVnd,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
			@RequestParam(required = false) SupportSource source, @RequestParam(required = false) String note) {
		children.recordSupport(id, kind, amountVnd, givenOn, source, note);
		return "redirect:/children/" + id + "?saved#supports";
	}

	@GetMapping("/children/awaiting")
	String awaiting(Model model) {
		List<ChildSummary> awaiting = children.awaitingAssignment();
		model.addAttribute("children", awaiting);
		model.addAttribute("successors", reference.successorsOf(awaiting));
		return "children/awaiting";
	}

	@PostMapping("/children/{id}/assign")
	String assign(@PathVariable long id, @RequestParam String communeCode) {
		children.assign(id, communeCode);
		return "redirect:/children/awaiting?saved";
	}

	// --- imports ---

	@GetMapping("/children/imports")
	String imports(Model model) {
		model.addAttribute("history", imports.history(0, 20));
		return "children/imports";
	}

	@GetMapping("/children/imports/template.xlsx")
	ResponseEntity<byte[]> template() {
		return download("mau-nhap-so-theo-doi-tre-em.xlsx", ChildImports.template());
	}

	@PostMapping("/children/imports")
	String upload(@RequestParam("file") MultipartFile file) throws IOException {
		long id = imports.submit(file.getOriginalFilename(), file.getBytes());
		return "redirect:/children/imports/" + id;
	}

	@GetMapping("/children/imports/{id}")
	String importRun(@PathVariable long id, Model model) {
		model.addAttribute("run", imports.report(id));
		model.addAttribute("decisions", ChildImports.Decision.values());
		return "children/import";
	}

	/** The part of the import page that the browser polls while the file is checked or committed. */
	@GetMapping("/children/imports/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", imports.report(id));
		model.addAttribute("decisions", ChildImports.Decision.values());
		return "children/import :: run";
	}

	@PostMapping("/children/imports/{id}/commit")
	String commit(@PathVariable long id, @RequestParam Map<String, String> form) {
		Map<Integer, ChildImports.Decision> decisions = new HashMap<>();
		form.forEach((name, value) -> {
			// a field this page did not write (a tampered form) is ignored: the row keeps the default, skip
			if (name.matches("row-[0-9]{1,9}")) {
				java.util.Arrays.stream(ChildImports.Decision.values()).filter(d -> d.name().equals(value)).findFirst()
					.ifPresent(d -> decisions.put(Integer.valueOf(name.substring(4)), d));
			}
		});
		imports.submitCommit(id, decisions);
		return "redirect:/children/imports/" + id;
	}

	@PostMapping("/children/imports/{id}/discard")
	String discard(@PathVariable long id) {
		imports.discard(id);
		return "redirect:/children/imports";
	}

	static ResponseEntity<byte[]> download(String fileName, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.contentType(XLSX)
			.body(content);
	}

	private static ChildDraft draft(HttpServletRequest request) {
		Map<String, String> f = new HashMap<>();
		request.getParameterMap().forEach((k, v) -> f.put(k, v.length == 0 ? null : v[0]));
		return new ChildDraft(f.get("fullName"), enumOf(Sex.class, f.get("sex")), dateOf(f.get("birthDate")),
				"on".equals(f.get("birthDateEstimated")) || "true".equals(f.get("birthDateEstimated")),
				f.get("ethnicityCode"), f.get("personalId"), booleanOf(f.get("birthRegistered")), f.get("communeCode"),
				f.get("village"), f.get("address"), enumOf(SchoolLevel.class, f.get("schoolLevel")), f.get("schoolName"),
				"on".equals(f.get("outOfSchool")) || "true".equals(f.get("outOfSchool")), f.get("disability"),
				booleanOf(f.get("healthInsurance")), f.get("notes"), null, f.get("caregiverName"),
				f.get("caregiverRelationship"), f.get("caregiverPhone"));
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static LocalDate dateOf(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw vn.vongtay.core.UserFacingException.rejected(List.of(vn.vongtay.core.InputProblem.field("birthDate",
					"error.field.invalid", "birthDate")));
		}
	}

	private static Boolean booleanOf(String value) {
		return value == null || value.isBlank() ? null : Boolean.valueOf("true".equals(value) || "on".equals(value));
	}

	/** Lists for forms and filters; read-only reference data of the register. */
	@org.springframework.stereotype.Component
	static class ReferenceData {

		private final JdbcClient jdbc;

		ReferenceData(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		List<Map<String, Object>> groups() {
			return jdbc.sql("SELECT code, name, name_en FROM children.circumstance_group ORDER BY position").query()
				.listOfRows();
		}

		List<Map<String, Object>> subgroups() {
			return jdbc.sql("""
					SELECT id, group_code, code, name FROM children.circumstance_subgroup WHERE active
					ORDER BY group_code, position""").query().listOfRows();
		}

		List<Map<String, Object>> ethnicities() {
			return jdbc.sql("SELECT code, name FROM children.ethnicity ORDER BY code").query().listOfRows();
		}

		/** For each former commune of these children, the new communes that took a part of it. */
		Map<String, List<Map<String, Object>>> successorsOf(List<ChildSummary> awaiting) {
			Map<String, List<Map<String, Object>>> successors = new HashMap<>();
			List<String> codes = awaiting.stream().map(ChildSummary::communeCode).distinct().toList();
			if (codes.isEmpty()) {
				return successors;
			}
			jdbc.sql("""
					SELECT o.code AS old_code, n.code, n.full_name FROM geography.succession s
					JOIN geography.unit o ON o.id = s.predecessor_id JOIN geography.unit n ON n.id = s.successor_id
					WHERE o.code IN (:codes) AND o.valid_to IS NOT NULL ORDER BY n.code""")
				.param("codes", codes)
				.query()
				.listOfRows()
				.forEach(row -> successors.computeIfAbsent((String) row.get("old_code"), k -> new java.util.ArrayList<>())
					.add(row));
			return successors;
		}
	}
}
