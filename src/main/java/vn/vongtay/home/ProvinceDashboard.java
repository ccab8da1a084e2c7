package vn.vongtay.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.vongtay.casework.CaseQueues;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;
import vn.vongtay.planning.BoundTarget;
import vn.vongtay.planning.TargetBindings;
import vn.vongtay.reporting.Obligation;
import vn.vongtay.reporting.Obligations;

/**
 * What a province's officers and leaders land on: a few headline figures of the year with the change from last year
 * and the plan's target, how completely the communes report, and the overdue cases by commune. Figures and counts come
 * as the indicators and casework modules show them to the caller: small counts hidden from whoever does not read the
 * records behind them.
 */
@Component
class ProvinceDashboard {

	/**
	 * The figures a provincial statistician reads first (Thông tư 13/2021 and the plans' targets): how many children,
	 * how many in special circumstances and how many of those assisted, the abused, the reports and cases, plans on
	 * time, and the communes recognised as fit for children.
	 */
	static final List<String> HEADLINES = List.of("CHILDREN_UNDER_16", "CHILDREN_SPECIAL",
			"CHILDREN_SPECIAL_ASSISTED_RATE", "ABUSED_CHILDREN", "REPORTS_RECEIVED", "CASES_OPENED",
			"CASES_PLAN_ON_TIME_RATE", "CHILD_FRIENDLY_COMMUNES");

	private final Units units;
	private final IndicatorCatalogue catalogue;
	private final IndicatorValues values;
	private final TargetBindings targets;
	private final Obligations obligations;
	private final CaseQueues caseQueues;

	ProvinceDashboard(Units units, IndicatorCatalogue catalogue, IndicatorValues values, TargetBindings targets,
			Obligations obligations, CaseQueues caseQueues) {
		this.units = units;
		this.catalogue = catalogue;
		this.values = values;
		this.targets = targets;
		this.obligations = obligations;
		this.caseQueues = caseQueues;
	}

	/**
	 * @param target the value a plan of the unit sets for this year or the nearest year after, with the plan's number
	 */
	record Headline(Indicator indicator, IndicatorValue value, IndicatorValue lastYear, BigDecimal change,
			BoundTarget target, Integer targetYear, BigDecimal targetValue) {

		/** The sign written before the change: a rise, a fall (the minus sign, not a hyphen), or none. */
		public String sign() {
			return change == null || change.signum() == 0 ? "" : change.signum() > 0 ? "+" : "−";
		}

		/** A change of a percentage is written in percentage points (điểm phần trăm), not as a percentage of the last value. */
		public boolean inPoints() {
			return indicator.unit() == Indicator.Unit.PERCENT;
		}

		/** The change without its sign, as a plain number (its unit is written beside it). */
		public BigDecimal size() {
			return change == null ? null : change.abs().setScale(Math.min(Math.max(change.scale(), 0), 2),
					java.math.RoundingMode.HALF_UP);
		}
	}

	/** A commune's reports of the year: how many were due by today, how many came, and how many are overdue. */
	record Reporting(String unitCode, String unitName, int due, int received, int overdue) {

		public int percent() {
			return due == 0 ? 100 : Math.round(100f * received / due);
		}
	}

	record View(AdministrativeUnit unit, int year, List<Headline> headlines, int threshold, List<Reporting> reporting,
			CaseQueues.ByCommune overdueCases) {
	}

	View of(SignedInUser user, LocalDate today) {
		Optional<AdministrativeUnit> root = units.findAllById(user.unitIds()).stream()
			.min(Comparator.comparing(AdministrativeUnit::level).thenComparing(AdministrativeUnit::code));
		if (root.isEmpty()) {
			return null;
		}
		AdministrativeUnit unit = root.get();
		int year = today.getYear();
		List<Headline> headlines = user.may(Data.FIGURES, Use.READ) ? headlines(unit, year) : List.of();
		List<Reporting> reporting = user.may(Data.PERIODIC_REPORTS, Use.READ) ? reporting(year, today) : List.of();
		CaseQueues.ByCommune overdue = user.may(Data.FIGURES, Use.READ) || user.may(Data.CASE_SUMMARY, Use.READ)
				? caseQueues.overdueByCommune() : null;
		return new View(unit, year, headlines, values.smallCountThreshold(), reporting, overdue);
	}

	private List<Headline> headlines(AdministrativeUnit unit, int year) {
		Map<String, IndicatorValue> now = values.valuesOf(unit.id(), IndicatorPeriod.year(year), HEADLINES);
		Map<String, IndicatorValue> before = values.valuesOf(unit.id(), IndicatorPeriod.year(year - 1), HEADLINES);
		List<Headline> found = new ArrayList<>();
		for (String code : HEADLINES) {
			Optional<Indicator> indicator = catalogue.find(code);
			if (indicator.isEmpty()) {
				continue;
			}
			IndicatorValue value = now.get(code);
			IndicatorValue last = before.get(code);
			BigDecimal change = value != null && last != null && value.hasValue() && last.hasValue()
					? value.value().subtract(last.value()) : null;
			BoundTarget target = null;
			Integer targetYear = null;
			for (BoundTarget t : targets.boundTo(code)) {
				if (t.unitId() != unit.id()) {
					continue;
				}
				Integer y = t.values().keySet().stream().filter(k -> k >= year).findFirst().orElse(null);
				if (y != null && (targetYear == null || y < targetYear)) {
					target = t;
					targetYear = y;
				}
			}
			found.add(new Headline(indicator.get(), value, last, change, target, targetYear,
					target == null ? null : target.values().get(targetYear)));
		}
		return found;
	}

	/**
	 * The year's reports the communes owe the caller's unit, by commune: those whose deadline has come, how many came
	 * (on time or late) and how many are still missing; the communes with the most missing first.
	 */
	private List<Reporting> reporting(int year, LocalDate today) {
		Map<String, int[]> byCommune = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (Obligation o : obligations.receivable(null, null, 0, 5000)) {
			if (!UnitLevel.COMMUNE.name().equals(o.reporterLevel()) || o.dueOn().getYear() != year
					|| o.dueOn().isAfter(today)) {
				continue;
			}
			int[] counts = byCommune.computeIfAbsent(o.reporterUnitCode(), k -> new int[3]);
			names.putIfAbsent(o.reporterUnitCode(), o.reporterName());
			counts[0]++;
			if (o.firstSubmittedAt() != null) {
				counts[1]++;
			}
			else {
				counts[2]++;
			}
		}
		List<Reporting> rows = new ArrayList<>();
		byCommune.forEach((code, c) -> rows.add(new Reporting(code, names.get(code), c[0], c[1], c[2])));
		rows.sort(Comparator.comparing(Reporting::overdue).reversed().thenComparing(Reporting::unitCode));
		return rows;
	}
}
