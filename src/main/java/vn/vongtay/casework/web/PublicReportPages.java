package vn.vongtay.casework.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.vongtay.casework.PublicIntake;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.Sex;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * The public page: anyone reports a concern about a child without an account and gets a reference number. The commune
 * list follows the province chosen (htmx, or a reload without script).
 */
@Controller
class PublicReportPages {

	private final PublicIntake intake;
	private final Units units;
	private final java.time.Clock clock;

	PublicReportPages(PublicIntake intake, Units units, java.time.Clock clock) {
		this.intake = intake;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/report")
	String form(@RequestParam(required = false) String province, Model model) {
		model.addAttribute("token", intake.formToken());
		model.addAttribute("provinces", units.childrenOf(units.nation().id(), LocalDate.now(clock)));
		model.addAttribute("province", FormValues.blankToNull(province));
		model.addAttribute("communes", communes(province));
		model.addAttribute("sexes", Sex.values());
		return "casework/public-report";
	}

	@GetMapping("/report/communes")
	String communes(@RequestParam(required = false) String province, Model model) {
		model.addAttribute("communes", communes(province));
		return "casework/public-report :: communes";
	}

	/**
	 * The public form as the browser sends it: the form's token, the field robots fill ({@code website}), where the
	 * child lives, what happens to them, and who reports, if they say.
	 */
	record PublicReportForm(String token, String website, String province, String commune, String childName,
			String childAgeYears, String childSex, String address, String condition, Boolean inDanger,
			String reporterName, String reporterPhone, String reporterRelation) {

		ReportDraft draft() {
			Long age = FormValues.wholeNumber(childAgeYears);
			String what = VietnameseText.clean(condition);
			if (what != null && Boolean.TRUE.equals(inDanger)) {
				what = "[TRẺ ĐANG GẶP NGUY HIỂM] " + what;
			}
			String unit = FormValues.blankToNull(commune) != null ? commune : province;
			return new ReportDraft(ReportChannel.ONLINE, null, null, null, childName,
					FormValues.enumValue(Sex.class, childSex), null, age == null ? null : age.intValue(), address, unit,
					address, null, what, null, null, null, null, null, reporterName, reporterPhone, null,
					reporterRelation);
		}
	}

	@PostMapping("/report")
	String submit(@ModelAttribute PublicReportForm form, HttpServletRequest request, Model model) {
		Reports.Receipt receipt = intake.submit(form.draft(), form.token(), form.website(), request.getRemoteAddr());
		model.addAttribute("receipt", receipt);
		return "casework/public-receipt";
	}

	private List<AdministrativeUnit> communes(String province) {
		String code = FormValues.blankToNull(province);
		if (code == null) {
			return List.of();
		}
		return units.findByCode(code, LocalDate.now(clock)).filter(u -> u.isValidOn(LocalDate.now(clock)))
			.map(p -> units.childrenOf(p.id(), LocalDate.now(clock))).orElse(List.of());
	}
}
