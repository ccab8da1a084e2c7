package vn.vongtay.children.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.ProblemDetails;

/** The register for people: search, a child's record, registration and corrections, imports and exports. */
@Controller
class ChildPages {

	private static final int PAGE_SIZE = 50;
	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The label of each field of the form, for the problems listed above it. */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("fullName", "children.full-name"),
			Map.entry("sex", "children.sex"), Map.entry("birthDate", "children.birth-date"),
			Map.entry("ethnicityCode", "children.ethnicity"), Map.entry("personalId", "children.pid"),
			Map.entry("birthRegistered", "children.birth-registered"), Map.entry("communeCode", "children.commune"),
			Map.entry("village", "children.village"), Map.entry("address", "children.address"),
			Map.entry("schoolLevel", "children.school-level"), Map.entry("schoolName", "children.school-name"),
			Map.entry("outOfSchool", "children.out-of-school"), Map.entry("disability", "children.disability"),
			Map.entry("healthInsurance", "children.health-insurance"), Map.entry("notes", "children.notes"),
			Map.entry("householdId", "children.household"), Map.entry("caregiverName", "children.caregiver"),
			Map.entry("caregiverRelationship", "children.relationship"), Map.entry("caregiverPhone", "children.phone"));

	private final Children children;
	private final ChildImports imports;
	private final ReferenceData reference;
	private final ProblemDetails problems;
	private final Clock clock;

	ChildPages(Children children, ChildImports imports, ReferenceData reference, ProblemDetails problems, Clock clock) {
		this.children = children;
		this.imports = imports;
		this.reference = reference;
		this.problems = problems;
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
		model.addAttribute("rights", children.rights());
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
		model.addAttribute("rights", children.rights());
		return "children/child";
	}

	private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");

	/**
	 * The answers of the child picker ({@code children/picker :: picker}), for forms that link a record to a child:
	 * children within the caller's reach whose name matches, narrowed by a date of birth (dd/mm/yyyy), at most ten,
	 * each labelled with what tells two children of one name apart. Whoever reads identities in the register may use
	 * it (need to know, CHILD_IDENTITY READ, through the register's search, which keeps to the caller's reach and
	 * village and writes each search to the audit log); others are refused.
	 */
	@GetMapping(value = "/children/picker", produces = MediaType.APPLICATION_JSON_VALUE)
	@org.springframework.web.bind.annotation.ResponseBody
	List<Map<String, Object>> picker(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String born) {
		if (!children.rights().identity()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		LocalDate day = null;
		java.util.regex.Matcher typed = DAY.matcher(born.strip());
		if (typed.matches()) {
			try {
				day = LocalDate.of(Integer.parseInt(typed.group(3)), Integer.parseInt(typed.group(2)),
						Integer.parseInt(typed.group(1)));
			}
			catch (java.time.DateTimeException e) {
				day = null;
			}
		}
		String name = q.strip();
		if (name.length() < 2 && day == null) {
			return List.of();
		}
		List<ChildSummary> found = children.search(new ChildQuery(name.isEmpty() ? null : name, null, day, day, null,
				false, false, null, 0, 10));
		java.time.format.DateTimeFormatter ddMMyyyy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
		return found.stream().map(child -> {
			Map<String, Object> answer = new java.util.LinkedHashMap<>();
			answer.put("id", child.id());
			answer.put("fullName", child.fullName());
			answer.put("birthDate", child.dateOfBirth().format(ddMMyyyy));
			answer.put("village", child.village());
			answer.put("commune", child.communeName());
			answer.put("label", child.fullName() + " (" + child.dateOfBirth().format(ddMMyyyy) + ") – "
					+ (child.village() == null ? "" : child.village() + ", ") + child.communeName());
			return answer;
		}).toList();
	}

	@GetMapping("/children/new")
	String create(Model model) {
		if (!children.rights().register()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return form(null, null, Map.of(), model);
	}

	@GetMapping("/children/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		if (!children.rights().correct()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		Child child = children.get(id);
		return form(child.id(), child.version(), values(child), model);
	}

	/** The form with the values shown: a record's, or what was typed when it was refused. */
	private String form(Long id, Integer version, Map<String, String> values, Model model) {
		if (id == null) {
			// nobody types a commune code: one who answers for a single commune registers in it, others choose by name
			List<vn.vongtay.geography.AdministrativeUnit> communes = children.communesToRegisterIn();
			model.addAttribute("communes", communes);
			String typed = values.get("communeCode");
			if (communes.size() == 1 && (typed == null || typed.isBlank())) {
				values = new HashMap<>(values);
				values.put("communeCode", communes.get(0).code());
			}
		}
		model.addAttribute("id", id);
		model.addAttribute("version", version);
		model.addAttribute("v", values);
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("levels", SchoolLevel.values());
		model.addAttribute("ethnicities", reference.ethnicities());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("rights", children.rights());
		return "children/form";
	}

	@PostMapping("/children")
	String register(HttpServletRequest request, Model model, HttpServletResponse response, Locale locale) {
		try {
			ChildDraft draft = draft(request);
			if (!"true".equals(request.getParameter("registerAnyway"))) {
				// the same child typed twice: the officer opens the record there is, or says this is another child
				List<ChildSummary> same = children.likelyDuplicates(draft);
				if (!same.isEmpty()) {
					model.addAttribute("duplicates", same);
					return form(null, null, typed(request), model);
				}
			}
			long id = children.register(draft);
			return "redirect:/children/" + id + "?saved";
		}
		catch (UserFacingException refusal) {
			return refused(refusal, null, null, request, model, response, locale);
		}
	}

	@PostMapping("/children/{id}")
	String update(@PathVariable long id, @RequestParam int version, HttpServletRequest request, Model model,
			HttpServletResponse response, Locale locale) {
		try {
			children.update(id, version, draft(request));
			return "redirect:/children/" + id + "?saved";
		}
		catch (UserFacingException refusal) {
			return refused(refusal, id, version, request, model, response, locale);
		}
	}

	/**
	 * A refused form comes back with what was typed and each problem above it, labelled by its field; a refusal that
	 * is not about the fields (no right to register) is the error page's.
	 */
	private String refused(UserFacingException refusal, Long id, Integer version, HttpServletRequest request,
			Model model, HttpServletResponse response, Locale locale) {
		if (refusal.problems().isEmpty()) {
			throw refusal;
		}
		response.setStatus(refusal.status());
		List<String> said = new java.util.ArrayList<>();
		for (InputProblem problem : refusal.problems()) {
			String label = LABELS.containsKey(problem.column())
					? problems.message(LABELS.get(problem.column()), new Object[0], locale, problem.column()) + ": " : "";
			said.add(label + problems.message(problem.messageKey(), problem.arguments(), locale, problem.messageKey()));
		}
		model.addAttribute("problems", said);
		model.addAttribute("invalid", refusal.problems().stream().map(InputProblem::column).toList());
		return form(id, version, typed(request), model);
	}

	private static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> typed = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> typed.put(name, values.length == 0 ? null : values[0]));
		return typed;
	}

	/** A record's values as the form's fields hold them. */
	private static Map<String, String> values(Child child) {
		Map<String, String> values = new HashMap<>();
		values.put("fullName", child.fullName());
		values.put("sex", child.sex().name());
		values.put("birthDate", String.valueOf(child.dateOfBirth()));
		values.put("birthDateEstimated", String.valueOf(child.dateOfBirthEstimated()));
		values.put("ethnicityCode", child.ethnicityCode());
		values.put("personalId", child.personalId());
		values.put("birthRegistered", child.birthRegistered() == null ? null : child.birthRegistered().toString());
		values.put("communeCode", child.communeCode());
		values.put("village", child.village());
		values.put("address", child.address());
		values.put("schoolLevel", child.schoolLevel() == null ? null : child.schoolLevel().name());
		values.put("schoolName", child.schoolName());
		values.put("outOfSchool", String.valueOf(child.outOfSchool()));
		values.put("disability", child.disability());
		values.put("healthInsurance", child.healthInsurance() == null ? null : child.healthInsurance().toString());
		values.put("notes", child.notes());
		return values;
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
		if (!children.rights().importFiles()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return download("mau-nhap-so-theo-doi-tre-em.xlsx", ChildImports.template());
	}

	@PostMapping("/children/imports")
	String upload(@RequestParam("file") MultipartFile file) {
		long id = imports.submit(file.getOriginalFilename(), file);
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

	/** The rejected rows of an import as a workbook to fix and upload again; the uploader's own, as the import page. */
	@GetMapping("/children/imports/{id}/rejected.xlsx")
	ResponseEntity<byte[]> rejectedRows(@PathVariable long id, Locale locale) {
		byte[] workbook = imports.rejectedRows(id,
				problem -> problems.message(problem.messageKey(), problem.arguments(), locale, problem.messageKey()),
				problems.message("children.import.fix-column", new Object[0], locale, "Lỗi cần sửa"));
		return download("dong-bi-tu-choi-" + id + ".xlsx", workbook);
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
		try {
			imports.submitCommit(id, decisions);
		}
		catch (UserFacingException e) {
			if (e.status() != 409) {
				throw e;
			}
			// confirmed twice (a double click, a second tab): the first confirmation commits, the page shows it
		}
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
			throw UserFacingException.rejected(List.of(InputProblem.field("birthDate", "error.field.invalid", "birthDate")));
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
