package vn.vongtay.prostitution.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.prostitution.EstablishmentDraft;
import vn.vongtay.prostitution.EstablishmentStatus;
import vn.vongtay.prostitution.EstablishmentType;
import vn.vongtay.prostitution.InspectionSummary;
import vn.vongtay.prostitution.Inspections;
import vn.vongtay.prostitution.ProneEstablishment;
import vn.vongtay.prostitution.ProneEstablishments;

/** Prone establishments: pages under {@code /prostitution/establishments}, API under {@code /api/v1/prostitution}. */
@Controller
@Tag(name = "Phòng, chống mại dâm / Prostitution prevention")
class EstablishmentPages {

	private final ProneEstablishments establishments;
	private final Inspections inspections;

	EstablishmentPages(ProneEstablishments establishments, Inspections inspections) {
		this.establishments = establishments;
		this.inspections = inspections;
	}

	@GetMapping("/prostitution/establishments")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) EstablishmentType type,
			@RequestParam(required = false) EstablishmentStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notInspectedSince,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<ProneEstablishment> found = establishments.list(q, type, status, notInspectedSince, Math.max(0, page),
				Pages.SIZE + 1);
		model.addAttribute("establishments", Pages.shown(found));
		model.addAttribute("hasNext", found.size() > Pages.SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("notInspectedSince", notInspectedSince);
		model.addAttribute("types", EstablishmentType.values());
		model.addAttribute("statuses", EstablishmentStatus.values());
		return "prostitution/establishments";
	}

	@GetMapping("/prostitution/establishments/new")
	String create(Model model) {
		establishments.list(null, null, null, null, 0, 1);
		model.addAttribute("establishment", null);
		model.addAttribute("history", List.of());
		return form(model);
	}

	@PostMapping("/prostitution/establishments")
	String create(EstablishmentForm form) {
		long id = establishments.create(form.draft());
		return "redirect:/prostitution/establishments/" + id + "?saved";
	}

	@GetMapping("/prostitution/establishments/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("establishment", establishments.get(id));
		model.addAttribute("history", inspections.ofEstablishment(id));
		return form(model);
	}

	@PostMapping("/prostitution/establishments/{id}")
	String update(@PathVariable long id, @RequestParam int version, EstablishmentForm form) {
		establishments.update(id, version, form.draft());
		return "redirect:/prostitution/establishments/" + id + "?saved";
	}

	@GetMapping("/api/v1/prostitution/establishments")
	@ResponseBody
	List<ProneEstablishment> api(@RequestParam(required = false) String q,
			@RequestParam(required = false) EstablishmentType type,
			@RequestParam(required = false) EstablishmentStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notInspectedSince,
			@RequestParam(defaultValue = "0") int page) {
		return establishments.list(q, type, status, notInspectedSince, Math.max(0, page), Pages.SIZE);
	}

	@GetMapping("/api/v1/prostitution/establishments/{id}")
	@ResponseBody
	Map<String, Object> api(@PathVariable long id) {
		ProneEstablishment establishment = establishments.get(id);
		List<InspectionSummary> history = inspections.ofEstablishment(id);
		return Map.of("establishment", establishment, "inspections", history);
	}

	@PostMapping("/api/v1/prostitution/establishments")
	@ResponseBody
	ResponseEntity<ProneEstablishment> apiCreate(@RequestBody EstablishmentDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(establishments.get(establishments.create(draft)));
	}

	private static String form(Model model) {
		model.addAttribute("types", EstablishmentType.values());
		model.addAttribute("statuses", EstablishmentStatus.values());
		return "prostitution/establishment";
	}

	/** The form's fields; numbers arrive as text so a typo is reported in Vietnamese, not as a binding failure. */
	record EstablishmentForm(EstablishmentType type, String name, String address, String unitCode, String ownerName,
			String licenceNumber, String registeredWorkers, EstablishmentStatus status,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn, String riskNotes) {

		EstablishmentDraft draft() {
			Long workers = Pages.parseLong(registeredWorkers);
			return new EstablishmentDraft(type, name, address, unitCode, ownerName, licenceNumber,
					workers == null ? null : Math.toIntExact(workers), status, openedOn, closedOn, riskNotes);
		}
	}
}
