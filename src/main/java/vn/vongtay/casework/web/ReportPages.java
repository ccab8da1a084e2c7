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
import org.springframework.web.servlet.ModelAndView;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.Report;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.Sex;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.Forms;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;

/** Intake by staff (Mẫu 01), the reports the caller received, and a report as recorded. */
@Controller
class ReportPages {

	/** Beyond this many communes (a province, the hotline's nation) the field offers no list, only the code. */
	private static final int LISTED_COMMUNES = 800;

	private final Reports reports;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final Forms forms;

	ReportPages(Reports reports, Units units, Jurisdictions jurisdictions, Forms forms) {
		this.reports = reports;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.forms = forms;
	}

	/** The intake form, for whoever may record a report (the need-to-know table's REPORTS W). */
	@GetMapping("/reports/new")
	String form(@RequestParam(required = false) String childId, Model model) {
		reports.requireReceiver();
		List<AdministrativeUnit> communes = communes();
		// the caller's own commune when they answer for one only: the officer never has to know its code
		String commune = communes.size() == 1 ? communes.get(0).code() : null;
		return page(ReportForm.blank(FormValues.blankToNull(childId), commune, UUID.randomUUID().toString()), communes,
				model);
	}

	/**
	 * Records the report and shows it with its receipt. The answer is a redirect, not a message kept in the session:
	 * two posts of one form arriving together would otherwise both write it there. A refused report comes back as the
	 * same page with what was typed (decision 0013).
	 */
	@PostMapping("/reports")
	ModelAndView receive(@ModelAttribute("form") ReportForm form, Model model) {
		reports.requireReceiver();
		return forms.submit("report", model)
			.parse(form::draft)
			.then(draft -> "redirect:/reports/" + reports.receive(draft).reportId() + "?received")
			.orShow(() -> page(form, communes(), model));
	}

	private String page(ReportForm form, List<AdministrativeUnit> communes, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("channels", ReportChannel.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("abuseForms", AbuseForm.values());
		model.addAttribute("communes", communes.size() <= LISTED_COMMUNES ? communes : List.of());
		model.addAttribute("communeName", communes.stream().filter(c -> c.code().equals(form.childUnitCode()))
			.map(AdministrativeUnit::fullName).findFirst().orElse(null));
		return "casework/report-form";
	}

	private List<AdministrativeUnit> communes() {
		return units.communesReached(jurisdictions.current().rootUnitIds(), units.today());
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
