package vn.vongtay.casework.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	@PostMapping("/admin/case-deadlines")
	String set(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String emergencyHours,
			@RequestParam(required = false) String planWorkingDays, @RequestParam(required = false) String basis,
			@RequestParam(required = false) String version) {
		Long hours = FormValues.wholeNumber(emergencyHours);
		Long days = FormValues.wholeNumber(planWorkingDays);
		Long expected = FormValues.wholeNumber(version);
		rules.set(unitCode, hours == null ? null : hours.intValue(), days == null ? null : days.intValue(), basis,
				expected == null ? null : expected.intValue());
		return "redirect:/admin/case-deadlines?saved";
	}

	@PostMapping("/admin/case-deadlines/remove")
	String remove(@RequestParam String unitCode) {
		rules.remove(unitCode);
		return "redirect:/admin/case-deadlines?saved";
	}
}
