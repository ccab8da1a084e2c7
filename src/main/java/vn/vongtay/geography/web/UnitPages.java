package vn.vongtay.geography.web;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.geography.internal.UnitImportResult;
import vn.vongtay.geography.internal.UnitImports;

/** Browsing the unit tree as of a date, and importing official lists. */
@Controller
class UnitPages {

	private final Units units;
	private final UnitImports imports;
	private final ProblemDetails problems;

	UnitPages(Units units, UnitImports imports, ProblemDetails problems) {
		this.units = units;
		this.imports = imports;
		this.problems = problems;
	}

	@GetMapping("/units")
	String browse(@RequestParam(required = false) String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate date = asOf == null ? units.today() : asOf;
		AdministrativeUnit unit = code == null || code.isBlank() ? units.nation() : units.byCode(code, date);
		model.addAttribute("asOf", date);
		model.addAttribute("unit", unit);
		model.addAttribute("validOnDate", unit.isValidOn(date));
		model.addAttribute("line", units.lineOf(unit.id()));
		model.addAttribute("children", units.childrenOf(unit.id(), date));
		model.addAttribute("successors", units.successorsOf(unit.id()));
		model.addAttribute("predecessors", units.predecessorsOf(unit.id()));
		return "geography/units";
	}

	@GetMapping("/admin/units/import")
	String importForm(Model model) {
		model.addAttribute("reformDate", imports.reformDate());
		return "geography/import";
	}

	@PostMapping("/admin/units/import")
	String importFile(@RequestParam String layout, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			throw UserFacingException.invalid("error.file.empty");
		}
		UnitImportResult result = switch (layout) {
			case "OFFICIAL_LIST" -> imports.importOfficialList(file.getOriginalFilename(), file.getBytes(), validFrom,
					validTo);
			case "THREE_LEVEL", "TWO_LEVEL", "LINEAGE" -> imports.importJson(UnitImports.JsonLayout.valueOf(layout),
					file.getOriginalFilename(), file.getBytes());
			default -> throw UserFacingException.invalid("error.bad-request");
		};
		redirect.addFlashAttribute("result", result);
		redirect.addFlashAttribute("skipped", result.skipped().stream().map(problems::describe).toList());
		return "redirect:/admin/units/import";
	}
}
