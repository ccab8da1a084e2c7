package vn.vongtay.home;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/**
 * The page a user lands on: the units they answer for as they are today, with the units each continues, the units
 * under it and its agencies. A commune officer thus lands on their commune.
 */
@Controller
class HomePage {

	private final Units units;
	private final Agencies agencies;

	HomePage(Units units, Agencies agencies) {
		this.units = units;
		this.agencies = agencies;
	}

	@GetMapping("/")
	String home(Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		LocalDate today = units.today();
		List<UnitSummary> summaries = new ArrayList<>();
		for (AdministrativeUnit unit : units.findAllById(user.unitIds())) {
			summaries.add(new UnitSummary(unit, units.lineOf(unit.id()), units.childrenOf(unit.id(), today),
					units.predecessorsOf(unit.id())));
		}
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		model.addAttribute("units", summaries);
		model.addAttribute("agencies", agencies.list(null, null, 0, 12));
		return "home";
	}

	record UnitSummary(AdministrativeUnit unit, List<AdministrativeUnit> line, List<AdministrativeUnit> children,
			List<vn.vongtay.geography.Successor> predecessors) {
	}
}
