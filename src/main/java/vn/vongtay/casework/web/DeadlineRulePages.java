package vn.vongtay.casework.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.casework.DeadlineRules;
import vn.vongtay.core.web.FormValues;

/** The deadlines a province or commune sets for itself, over the national 12 hours and 5 working days. */
@Controller
class DeadlineRulePages {

	private final DeadlineRules rules;

	DeadlineRulePages(DeadlineRules rules) {
		this.rules = rules;
	}

	@GetMapping("/admin/case-deadlines")
	String list(Model model) {
		model.addAttribute("rules", rules.list());
		model.addAttribute("national", rules.national());
		return "casework/deadline-rules";
	}

	/** A unit's own deadlines as typed; {@code version} blank for a unit that has none yet. */
	record RuleForm(String unitCode, String emergencyHours, String planWorkingDays, String basis, String version) {

		static Integer number(String text) {
			Long value = FormValues.wholeNumber(text);
			return value == null ? null : value.intValue();
		}
	}

	@PostMapping("/admin/case-deadlines")
	String set(@ModelAttribute RuleForm form) {
		rules.set(form.unitCode(), RuleForm.number(form.emergencyHours()), RuleForm.number(form.planWorkingDays()),
				form.basis(), RuleForm.number(form.version()));
		return "redirect:/admin/case-deadlines?saved";
	}

	@PostMapping("/admin/case-deadlines/remove")
	String remove(@RequestParam String unitCode) {
		rules.remove(unitCode);
		return "redirect:/admin/case-deadlines?saved";
	}
}
