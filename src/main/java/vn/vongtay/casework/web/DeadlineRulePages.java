package vn.vongtay.casework.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.vongtay.casework.DeadlineRules;
import vn.vongtay.core.web.FormInput;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.Forms;

/**
 * The deadlines a province or commune sets for itself, over the national 12 hours and 5 working days. A rule refused
 * ("mười hai" hours, a unit out of reach) comes back in the form at the bottom of the page with what was typed
 * (decision 0013).
 */
@Controller
class DeadlineRulePages {

	private final DeadlineRules rules;
	private final Forms forms;

	DeadlineRulePages(DeadlineRules rules, Forms forms) {
		this.rules = rules;
		this.forms = forms;
	}

	@GetMapping("/admin/case-deadlines")
	String list(@ModelAttribute("form") RuleForm form, Model model) {
		return page(model);
	}

	@PostMapping("/admin/case-deadlines")
	ModelAndView set(@ModelAttribute("form") RuleForm form, Model model) {
		return forms.submit("deadline-rule", model).parse(form::read).then(rule -> {
			// the version is the page's own (hidden); one altered by hand is refused as a whole
			Long version = FormValues.wholeNumber(form.version());
			rules.set(form.unitCode(), rule.emergencyHours(), rule.planWorkingDays(), form.basis(),
					version == null ? null : version.intValue());
			return "redirect:/admin/case-deadlines?saved";
		}).orShow(() -> page(model));
	}

	@PostMapping("/admin/case-deadlines/remove")
	String remove(@RequestParam String unitCode) {
		rules.remove(unitCode);
		return "redirect:/admin/case-deadlines?saved";
	}

	private String page(Model model) {
		model.addAttribute("rules", rules.list());
		model.addAttribute("national", rules.national());
		return "casework/deadline-rules";
	}

	/** A rule as typed; {@code version} is the rule's when an existing one is changed, else empty. */
	record RuleForm(String unitCode, String emergencyHours, String planWorkingDays, String basis, String version) {

		Read read(FormInput input) {
			input.required("unitCode", unitCode);
			return new Read(input.integer("emergencyHours", input.required("emergencyHours", emergencyHours)),
					input.integer("planWorkingDays", input.required("planWorkingDays", planWorkingDays)));
		}
	}

	record Read(Integer emergencyHours, Integer planWorkingDays) {
	}
}
