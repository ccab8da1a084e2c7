package vn.vongtay.indicators.web;

import java.math.BigDecimal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorCatalogue.IndicatorDraft;
import vn.vongtay.indicators.IndicatorRecount;

/** The catalogue's administration: adding and changing entered and ratio indicators, and the full recount. */
@Controller
class IndicatorAdminPages {

	private final IndicatorCatalogue catalogue;
	private final IndicatorRecount recount;
	private final ProblemDetails problems;

	IndicatorAdminPages(IndicatorCatalogue catalogue, IndicatorRecount recount, ProblemDetails problems) {
		this.catalogue = catalogue;
		this.recount = recount;
		this.problems = problems;
	}

	@GetMapping("/admin/indicators")
	String list(Model model) {
		requireAdmin();
		model.addAttribute("indicators", catalogue.all());
		model.addAttribute("lastRecount", recount.last().orElse(null));
		return "indicators/admin";
	}

	@GetMapping("/admin/indicators/new")
	String create(Model model) {
		requireAdmin();
		return form(model, null, null);
	}

	@GetMapping("/admin/indicators/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		requireAdmin();
		return form(model, catalogue.get(code), null);
	}

	private String form(Model model, Indicator indicator, IndicatorDraft typed) {
		model.addAttribute("indicator", indicator);
		model.addAttribute("typed", typed);
		model.addAttribute("domains", IndicatorCatalogue.DOMAINS);
		model.addAttribute("units", Indicator.Unit.values());
		model.addAttribute("methods", Indicator.Method.values());
		model.addAttribute("measures", catalogue.measureCodes());
		model.addAttribute("codes", catalogue.all().stream().map(Indicator::code).toList());
		return "indicators/admin-form";
	}

	@PostMapping("/admin/indicators")
	String save(@RequestParam String code, @RequestParam(required = false) String domain,
			@RequestParam(required = false) Integer position, @RequestParam(required = false) String name,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) String definition,
			@RequestParam(required = false) String definitionEn, @RequestParam(required = false) Indicator.Unit unit,
			@RequestParam(required = false) Indicator.Method method, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String filterDimension, @RequestParam(required = false) String filterValue,
			@RequestParam(required = false) String numerator, @RequestParam(required = false) String denominator,
			@RequestParam(required = false) String factor, @RequestParam(required = false) String entryMin,
			@RequestParam(required = false) String entryMax, @RequestParam(defaultValue = "false") boolean entryRequired,
			@RequestParam(required = false) String entryDimension, @RequestParam(defaultValue = "false") boolean sumsUp,
			@RequestParam(required = false) String source, @RequestParam(required = false) String circularCode,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer version,
			Model model) {
		requireAdmin();
		IndicatorDraft draft = new IndicatorDraft(code, domain, position, name, nameEn, definition, definitionEn, unit,
				method, measure, filterDimension, filterValue, numerator, denominator, decimal(factor), decimal(entryMin),
				decimal(entryMax), entryRequired, entryDimension, sumsUp, source, circularCode, active);
		try {
			catalogue.save(draft, version);
		}
		catch (UserFacingException e) {
			if (e.status() != 422) {
				throw e;
			}
			model.addAttribute("problems", e.problems().stream().map(problems::describe).toList());
			return form(model, version == null ? null : catalogue.find(code).orElse(null), draft);
		}
		return "redirect:/admin/indicators?saved=" + code.strip().toUpperCase(java.util.Locale.ROOT);
	}

	@PostMapping("/admin/indicators/recount")
	String recount(RedirectAttributes redirect) {
		IndicatorRecount.Result result = recount.run();
		redirect.addFlashAttribute("recounted", result);
		return "redirect:/admin/indicators";
	}

	private static BigDecimal decimal(String text) {
		String t = FormValues.blankToNull(text);
		if (t == null) {
			return null;
		}
		try {
			return new BigDecimal(t.replace(",", "."));
		}
		catch (NumberFormatException e) {
			throw UserFacingException.invalid("error.field.invalid", text);
		}
	}

	private static void requireAdmin() {
		if (!Jurisdictions.requireUser().has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
	}
}
