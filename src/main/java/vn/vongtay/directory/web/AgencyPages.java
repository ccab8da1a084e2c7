package vn.vongtay.directory.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyDraft;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.directory.Handover;
import vn.vongtay.identity.Jurisdictions;

/** The agency directory: pages for people and {@code /api/v1/agencies} for machines. */
@Controller
@Tag(name = "Cơ quan / Agencies")
class AgencyPages {

	private static final int PAGE_SIZE = 50;

	private final Agencies agencies;

	AgencyPages(Agencies agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/admin/agencies")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) AgencyKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<Agency> found = agencies.list(q, kind, Math.max(0, page), PAGE_SIZE + 1);
		model.addAttribute("agencies", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("canAdminister", Jurisdictions.requireUser().administers());
		return "directory/agencies";
	}

	@GetMapping("/admin/agencies/new")
	String create(Model model) {
		requireAdministrator();
		model.addAttribute("agency", null);
		model.addAttribute("kinds", AgencyKind.values());
		return "directory/agency-form";
	}

	@PostMapping("/admin/agencies")
	String create(@RequestParam(required = false) AgencyKind kind, @RequestParam String name,
			@RequestParam String unitCode, @RequestParam(required = false) String address,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String email,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo) {
		requireAdministrator();
		long id = agencies.create(new AgencyDraft(kind, name, unitCode, address, phone, email, validFrom, validTo));
		return "redirect:/admin/agencies/" + id + "?saved";
	}

	@GetMapping("/admin/agencies/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("agency", agencies.get(id));
		model.addAttribute("handovers", agencies.successionOf(id));
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("canAdminister", Jurisdictions.requireUser().administers());
		return "directory/agency-form";
	}

	@PostMapping("/admin/agencies/{id}")
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) AgencyKind kind,
			@RequestParam String name, @RequestParam String unitCode, @RequestParam(required = false) String address,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String email,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo) {
		requireAdministrator();
		agencies.update(id, version, new AgencyDraft(kind, name, unitCode, address, phone, email, validFrom, validTo));
		return "redirect:/admin/agencies/" + id + "?saved";
	}

	@GetMapping("/api/v1/agencies")
	@ResponseBody
	List<Agency> api(@RequestParam(required = false) String q, @RequestParam(required = false) AgencyKind kind,
			@RequestParam(defaultValue = "0") int page) {
		return agencies.list(q, kind, Math.max(0, page), PAGE_SIZE);
	}

	@GetMapping("/api/v1/agencies/{id}")
	@ResponseBody
	Agency api(@PathVariable long id) {
		return agencies.get(id);
	}

	/**
	 * How the agency's duties passed on to the agency carrying them today, each handover with its day, duties and legal
	 * texts. For everyone who may see the agency (agencies are reference data).
	 */
	@GetMapping("/api/v1/agencies/{id}/succession")
	@ResponseBody
	List<Handover> succession(@PathVariable long id) {
		return agencies.successionOf(id);
	}

	private static void requireAdministrator() {
		if (!Jurisdictions.requireUser().administers()) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}
}
