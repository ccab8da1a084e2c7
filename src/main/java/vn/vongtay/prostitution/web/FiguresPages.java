package vn.vongtay.prostitution.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.prostitution.ProstitutionFigures;
import vn.vongtay.prostitution.ProstitutionFigures.Figures;
import vn.vongtay.prostitution.ProstitutionRoles;

/** The module's start page and the yearly figures, for a unit and the units directly under it. */
@Controller
@Tag(name = "Phòng, chống mại dâm / Prostitution prevention")
class FiguresPages {

	private final ProstitutionFigures figures;
	private final Units units;
	private final Clock clock;

	FiguresPages(ProstitutionFigures figures, Units units, Clock clock) {
		this.figures = figures;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/prostitution")
	String start(Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		model.addAttribute("preventionStaff", ProstitutionRoles.isPreventionStaff(user));
		model.addAttribute("socialServices", ProstitutionRoles.servesPeople(user));
		return "prostitution/start";
	}

	@GetMapping("/prostitution/figures")
	String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		LocalDate asOf = LocalDate.of(y, 12, 31);
		AdministrativeUnit root = unit == null || unit.isBlank()
				? units.findAllById(user.unitIds()).stream().findFirst()
					.orElseThrow(() -> vn.vongtay.core.UserFacingException.notFound("error.unit.not-found", ""))
				: units.byCode(unit, asOf);
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(root, figures.of(root.id(), y)));
		for (AdministrativeUnit child : units.childrenOf(root.id(), asOf.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : asOf)) {
			lines.add(new Line(child, figures.of(child.id(), y)));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("root", root);
		model.addAttribute("year", y);
		return "prostitution/figures";
	}

	@GetMapping("/api/v1/prostitution/figures")
	@ResponseBody
	FiguresView api(@RequestParam String unit, @RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		return FiguresView.of(unit, figures.of(unit, y));
	}

	record Line(AdministrativeUnit unit, Figures figures) {
	}

	/** The figures with their shares spelled out, for machines. */
	record FiguresView(String unitCode, int year, long establishments, long establishmentsInspected,
			Double shareInspected, long inspections, long tipOffsReceived, long tipOffsHandled,
			Double shareTipOffsHandled, long violations, long finesVnd, Long peopleInNeed, Long peopleServed,
			Double sharePeopleServed, boolean peopleSuppressed) {

		static FiguresView of(String unitCode, Figures f) {
			return new FiguresView(unitCode, f.year(), f.establishments(), f.establishmentsInspected(),
					f.shareInspected(), f.inspections(), f.tipOffsReceived(), f.tipOffsHandled(),
					f.shareTipOffsHandled(), f.violations(), f.finesVnd(), f.peopleInNeed(), f.peopleServed(),
					f.sharePeopleServed(), f.peopleSuppressed());
		}
	}
}
