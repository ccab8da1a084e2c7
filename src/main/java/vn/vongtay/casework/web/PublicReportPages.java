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
import org.springframework.web.servlet.ModelAndView;

import vn.vongtay.casework.PublicIntake;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.children.Sex;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.core.web.FormInput;
import vn.vongtay.core.web.FormValues;
import vn.vongtay.core.web.Forms;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * The public page: anyone reports a concern about a child without an account and gets a reference number. The commune
 * list follows the province chosen (htmx, or a reload without script that keeps what was typed). A report refused
 * ("khoảng 8" for an age, a form open too long) comes back with everything typed and a fresh form token.
 */
@Controller
class PublicReportPages {

	private final PublicIntake intake;
	private final Units units;
	private final Forms forms;
	private final java.time.Clock clock;

	PublicReportPages(PublicIntake intake, Units units, Forms forms, java.time.Clock clock) {
		this.intake = intake;
		this.units = units;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/report")
	String form(@ModelAttribute("form") PublicReportForm form, Model model) {
		return page(form, model);
	}

	@GetMapping("/report/communes")
	String communes(@RequestParam(required = false) String province, Model model) {
		model.addAttribute("communes", communes(province));
		return "casework/public-report :: communes";
	}

	@PostMapping("/report")
	ModelAndView submit(@ModelAttribute("form") PublicReportForm form, HttpServletRequest request, Model model) {
		return forms.submit("public-report", model)
			.alias("childUnitCode", "province")
			.alias("childAddress", "address")
			.alias("place", "address")
			.alias("childBirthDate", "childAgeYears")
			.alias("informantName", "reporterName")
			.alias("informantPhone", "reporterPhone")
			.alias("informantRelation", "reporterRelation")
			.parse(form::draft)
			.then(draft -> {
				model.addAttribute("receipt",
						intake.submit(draft, form.token(), form.website(), request.getRemoteAddr()));
				return "casework/public-receipt";
			})
			.orShow(() -> page(form, model));
	}

	/** The form with its lists, and a token of its own: a form shown again is a new form to send. */
	private String page(PublicReportForm form, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("token", intake.formToken());
		model.addAttribute("provinces", units.childrenOf(units.nation().id(), today));
		model.addAttribute("communes", communes(form.province()));
		model.addAttribute("sexes", Sex.values());
		return "casework/public-report";
	}

	private List<AdministrativeUnit> communes(String province) {
		String code = FormValues.blankToNull(province);
		if (code == null) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		return units.findByCode(code, today).filter(u -> u.isValidOn(today))
			.map(p -> units.childrenOf(p.id(), today)).orElse(List.of());
	}

	/** The public form as typed: text, so that whatever was typed comes back if the report is refused. */
	record PublicReportForm(String token, String website, String province, String commune, String address,
			String childName, String childAgeYears, String childSex, String condition, String inDanger,
			String reporterName, String reporterPhone, String reporterRelation) {

		public boolean danger() {
			return "true".equals(inDanger);
		}

		ReportDraft draft(FormInput input) {
			Integer age = input.integer("childAgeYears", childAgeYears);
			Sex sex = input.choice("childSex", Sex.class, childSex);
			String what = VietnameseText.clean(condition);
			if (what != null && danger()) {
				what = "[TRẺ ĐANG GẶP NGUY HIỂM] " + what;
			}
			// no province chosen is no unit, which Reports refuses under the province with the other problems
			String unit = FormValues.blankToNull(commune) != null ? commune : FormValues.blankToNull(province);
			return new ReportDraft(ReportChannel.ONLINE, null, null, null, childName, sex, null, age, address, unit,
					address, null, what, null, null, null, null, null, reporterName, reporterPhone, null,
					reporterRelation);
		}
	}
}
