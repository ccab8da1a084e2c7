package vn.vongtay.casework.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.Report;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.Sex;
import vn.vongtay.core.web.FormValues;

/** Intake by staff (Mẫu 01), the reports the caller received, and a report as recorded. */
@Controller
class ReportPages {

	private final Reports reports;

	ReportPages(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/reports/new")
	String form(@RequestParam(required = false) String childId, Model model) {
		reports.requireReceiver();
		model.addAttribute("channels", ReportChannel.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("abuseForms", AbuseForm.values());
		model.addAttribute("childId", FormValues.blankToNull(childId));
		model.addAttribute("submission", UUID.randomUUID().toString());
		return "casework/report-form";
	}

	/**
	 * Records the report and shows it with its receipt. The answer is a redirect, not a message kept in the session:
	 * two posts of one form arriving together would otherwise both write it there.
	 */
	@PostMapping("/reports")
	String receive(@ModelAttribute ReportForm form) {
		Reports.Receipt receipt = reports.receive(form.draft());
		return "redirect:/reports/" + receipt.reportId() + "?received";
	}

	@GetMapping("/reports")
	String received(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, page);
		List<Report> found = reports.received(shown, CasePages.SIZE + 1);
		model.addAttribute("reports", found.size() > CasePages.SIZE ? found.subList(0, CasePages.SIZE) : found);
		model.addAttribute("hasNext", found.size() > CasePages.SIZE);
		model.addAttribute("page", shown);
		return "casework/reports";
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("r", reports.get(id));
		return "casework/report";
	}
}
