package vn.vongtay.casework.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.Report;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
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
		model.addAttribute("channels", ReportChannel.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("abuseForms", AbuseForm.values());
		model.addAttribute("childId", FormValues.blankToNull(childId));
		return "casework/report-form";
	}

	@PostMapping("/reports")
	String receive(@RequestParam(required = false) String channel, @RequestParam(required = false) String receivedAt,
			@RequestParam(required = false) String childId, @RequestParam(required = false) String childName,
			@RequestParam(required = false) String childSex, @RequestParam(required = false) String childBirthDate,
			@RequestParam(required = false) String childAgeYears, @RequestParam(required = false) String childAddress,
			@RequestParam(required = false) String childUnitCode, @RequestParam(required = false) String place,
			@RequestParam(required = false) String placeUnitCode, @RequestParam(required = false) String condition,
			@RequestParam(required = false) String consequences, @RequestParam(required = false) String parents,
			@RequestParam(required = false) String caregiver, @RequestParam(required = false) String actionsTaken,
			@RequestParam(required = false) List<String> suspectedForms,
			@RequestParam(required = false) String informantName,
			@RequestParam(required = false) String informantPhone,
			@RequestParam(required = false) String informantAddress,
			@RequestParam(required = false) String informantRelation, RedirectAttributes redirect) {
		Long age = FormValues.wholeNumber(childAgeYears);
		Reports.Receipt receipt = reports.receive(new ReportDraft(FormValues.enumValue(ReportChannel.class, channel),
				FormValues.dateTime(receivedAt), null, FormValues.wholeNumber(childId), childName,
				FormValues.enumValue(Sex.class, childSex), FormValues.date(childBirthDate),
				age == null ? null : age.intValue(), childAddress, childUnitCode, place, placeUnitCode, condition,
				consequences, parents, caregiver, actionsTaken, FormValues.enumValues(AbuseForm.class, suspectedForms),
				informantName, informantPhone, informantAddress, informantRelation));
		redirect.addFlashAttribute("receipt", receipt);
		return "redirect:/reports/" + receipt.reportId();
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
