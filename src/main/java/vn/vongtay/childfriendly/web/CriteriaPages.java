package vn.vongtay.childfriendly.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.childfriendly.CommuneFigures;
import vn.vongtay.childfriendly.CriteriaSet;
import vn.vongtay.childfriendly.CriteriaSets;
import vn.vongtay.childfriendly.CriteriaSets.Correction;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;

/**
 * The criteria of child-friendly communes, with what is confirmed and what is assumed: read by whoever reads
 * assessments; corrected by system administrators only.
 */
@Controller
@Tag(name = "Xã, phường phù hợp với trẻ em / Child-friendly communes")
class CriteriaPages {

	private final CriteriaSets criteria;
	private final CommuneFigures figures;
	private final ProblemDetails problems;
	private final Clock clock;

	CriteriaPages(CriteriaSets criteria, CommuneFigures figures, ProblemDetails problems, Clock clock) {
		this.criteria = criteria;
		this.figures = figures;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/child-friendly/criteria")
	String show(@RequestParam(required = false) Integer year, Model model) {
		fill(model, year);
		return "childfriendly/criteria";
	}

	private void fill(Model model, Integer year) {
		CriteriaSet set = criteria.forYear(year == null ? LocalDate.now(clock).getYear() : year);
		model.addAttribute("set", set);
		model.addAttribute("indicatorNames", figures.names(set.criteria().stream()
			.flatMap(c -> c.items().stream()).flatMap(i -> i.indicatorCodes().stream()).distinct().toList()));
		model.addAttribute("sets", criteria.all());
		model.addAttribute("mayCorrect", Jurisdictions.requireUser().has(Role.SYSTEM_ADMIN));
	}

	@PostMapping("/child-friendly/criteria/items/{id}")
	String correctItem(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			criteria.correctItem(id, version(form), correction(form));
			return "redirect:/child-friendly/criteria?saved#item-" + id;
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, e);
		}
	}

	@PostMapping("/child-friendly/criteria/criteria/{id}")
	String correctCriterion(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		try {
			criteria.correctCriterion(id, version(form), correction(form));
			return "redirect:/child-friendly/criteria?saved#criterion-" + id;
		}
		catch (UserFacingException | OptimisticLockingFailureException e) {
			return again(model, e);
		}
	}

	private String again(Model model, RuntimeException e) {
		if (e instanceof UserFacingException u) {
			if (u.status() == 403 || u.status() == 404) {
				throw u;
			}
			model.addAttribute("error", problems.message(u.messageKey(), u.arguments(), LocaleContextHolder.getLocale(),
					u.messageKey()));
			model.addAttribute("problems", u.problems().stream().map(problems::describe).toList());
			PageStatus.respondWith(u.status());
		}
		else {
			PageStatus.respondWith(409);
			model.addAttribute("error", problems.message("error.concurrent-edit", new Object[0],
					LocaleContextHolder.getLocale(), "error.concurrent-edit"));
		}
		fill(model, null);
		return "childfriendly/criteria";
	}

	private static Correction correction(Map<String, String> form) {
		Long max = FormValues.wholeNumber(form.get("maxPoints"));
		return new Correction(max == null ? null : max.intValue(), FormValues.blankToNull(form.get("text")),
				"true".equals(form.get("confirmed")), FormValues.blankToNull(form.get("note")));
	}

	private static int version(Map<String, String> form) {
		Long v = FormValues.wholeNumber(form.get("version"));
		if (v == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		return v.intValue();
	}

	record CorrectionRequest(Integer version, Integer maxPoints, String text, Boolean confirmed, String note) {
	}

	@PutMapping("/api/v1/child-friendly/criteria/items/{id}")
	@ResponseBody
	@Operation(summary = "Correct an item of the criteria (points, text, confirmed, note; version required): system administrators")
	Map<String, Object> apiCorrectItem(@PathVariable long id, @RequestBody CorrectionRequest request) {
		if (request.version() == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		criteria.correctItem(id, request.version(),
				new Correction(request.maxPoints(), request.text(), request.confirmed(), request.note()));
		return Map.of("id", id, "corrected", true);
	}

	@PutMapping("/api/v1/child-friendly/criteria/criteria/{id}")
	@ResponseBody
	@Operation(summary = "Correct a criterion (points, name, confirmed, note; version required): system administrators")
	Map<String, Object> apiCorrectCriterion(@PathVariable long id, @RequestBody CorrectionRequest request) {
		if (request.version() == null) {
			throw UserFacingException.invalid("error.field.required", "version");
		}
		criteria.correctCriterion(id, request.version(),
				new Correction(request.maxPoints(), request.text(), request.confirmed(), request.note()));
		return Map.of("id", id, "corrected", true);
	}
}
