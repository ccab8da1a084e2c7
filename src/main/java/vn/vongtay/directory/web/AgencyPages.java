package vn.vongtay.directory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.FormInput;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.Forms;
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
	private final Forms forms;

	AgencyPages(Agencies agencies, Forms forms) {
		this.agencies = agencies;
		this.forms = forms;
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
		model.addAttribute("form", AgencyForm.empty());
		return page(null, model);
	}

	@PostMapping("/admin/agencies")
	ModelAndView create(@ModelAttribute("form") AgencyForm form, Model model) {
		requireAdministrator();
		return forms.submit("agency", model)
			.parse(form::draft)
			.then(draft -> "redirect:/admin/agencies/" + agencies.create(draft) + "?saved")
			.orShow(() -> page(null, model));
	}

	@GetMapping("/admin/agencies/{id}")
	String show(@PathVariable long id, Model model) {
		Agency agency = agencies.get(id);
		model.addAttribute("form", AgencyForm.of(agency));
		return page(agency, model);
	}

	@PostMapping("/admin/agencies/{id}")
	ModelAndView update(@PathVariable long id, @ModelAttribute("form") AgencyForm form, Model model) {
		requireAdministrator();
		Agency agency = agencies.get(id);
		return forms.submit("agency", model)
			.parse(form::draft)
			.then(draft -> {
				agencies.update(id, form.openedAt(), draft);
				return "redirect:/admin/agencies/" + id + "?saved";
			})
			.orShow(() -> page(agency, model));
	}

	/** The agency's page (or a new agency's) around the form in the model, as typed or as stored. */
	private String page(Agency agency, Model model) {
		model.addAttribute("agency", agency);
		model.addAttribute("handovers", agency == null ? List.of() : agencies.successionOf(agency.id()));
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("canAdminister", Jurisdictions.requireUser().administers());
		return "directory/agency-form";
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

	/** The agency form as typed: text, so that a date typed wrong comes back as typed (decision 0013). */
	record AgencyForm(String kind, String name, String unitCode, String address, String phone, String email,
			String validFrom, String validTo, String version) {

		static AgencyForm empty() {
			return new AgencyForm(null, null, null, null, null, null, null, null, null);
		}

		static AgencyForm of(Agency agency) {
			return new AgencyForm(agency.kind().name(), agency.name(), agency.unitCode(), agency.address(),
					agency.phone(), agency.email(), FormValues.dayMonthYear(agency.validFrom()),
					FormValues.dayMonthYear(agency.validTo()), String.valueOf(agency.version()));
		}

		AgencyDraft draft(FormInput input) {
			// every problem the form can see is said at once; Agencies checks the rest (and the API's drafts)
			return new AgencyDraft(input.choice("kind", AgencyKind.class, input.required("kind", kind)),
					input.required("name", name), input.required("unitCode", unitCode), address, phone, email,
					input.date("validFrom", validFrom), input.date("validTo", validTo));
		}

		/** The version the form was opened at; a page altered by hand is refused as a whole. */
		int openedAt() {
			Long read = FormValues.wholeNumber(version);
			if (read == null || read > Integer.MAX_VALUE) {
				throw new UserFacingException(400, "form.error.stale-page");
			}
			return read.intValue();
		}
	}

	private static void requireAdministrator() {
		if (!Jurisdictions.requireUser().administers()) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}
}
