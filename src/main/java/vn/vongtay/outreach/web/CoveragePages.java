package vn.vongtay.outreach.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.outreach.OutreachFigures;
import vn.vongtay.outreach.OutreachFigures.Commune;
import vn.vongtay.outreach.OutreachFigures.Coverage;
import vn.vongtay.outreach.OutreachFigures.TargetMeasure;
import vn.vongtay.outreach.OutreachAccess;
import vn.vongtay.outreach.Topic;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanDetail.Target;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;

/**
 * Coverage of a unit in a period, the communes with no activity yet, and each plan target the outreach work serves:
 * with the target's value as the plan shows it (its indicator's: one target, one value) beside the work behind it
 * (computed for the plan's issuing unit and the target's year).
 */
@Controller
@Tag(name = "Truyền thông, tập huấn / Outreach")
class CoveragePages {

	private final OutreachFigures figures;
	private final Units units;
	private final Plans plans;
	private final Jurisdictions jurisdictions;
	private final OutreachAccess access;
	private final Clock clock;

	CoveragePages(OutreachFigures figures, Units units, Plans plans, Jurisdictions jurisdictions,
			OutreachAccess access, Clock clock) {
		this.access = access;
		this.figures = figures;
		this.units = units;
		this.plans = plans;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	/**
	 * A plan target next to the work behind it: {@code coverage} is the outreach of the target's year, {@code null}
	 * outside the caller's jurisdiction; the value and status are the target's own.
	 */
	record TargetLine(PlanSummary plan, Target target, TargetMeasure measure, int year, BigDecimal goal,
			Coverage coverage) {
	}

	@GetMapping("/outreach/coverage")
	String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
			@RequestParam(required = false) Topic topic, Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		Period p = period == null || period.isBlank() ? Period.year(today().getYear()) : Period.parse(period);
		AdministrativeUnit root = root(user, unit, p);
		Topic t = topic;
		model.addAttribute("coverage", figures.of(root.id(), p, t));
		model.addAttribute("without", figures.communesWithoutActivity(root.id(), p, t));
		model.addAttribute("root", root);
		model.addAttribute("period", p);
		model.addAttribute("topic", t);
		model.addAttribute("topics", Topic.values());
		List<Period> periods = new ArrayList<>(Period.reportingPeriods(today().getYear() - 3, today().getYear()));
		java.util.Collections.reverse(periods);
		model.addAttribute("periods", periods);
		model.addAttribute("staff", access.readsActivities());
		model.addAttribute("targets", targetLines());
		return "outreach/coverage";
	}

	@GetMapping("/api/v1/outreach/figures")
	@ResponseBody
	FiguresView api(@RequestParam String unit, @RequestParam(required = false) String period,
			@RequestParam(required = false) Topic topic) {
		Period p = period == null || period.isBlank() ? Period.year(today().getYear()) : Period.parse(period);
		AdministrativeUnit root = units.byCode(unit, p.end().isAfter(today()) ? today() : p.end());
		Coverage c = figures.of(root.id(), p, topic);
		return new FiguresView(c.unitCode(), p.code(), topic, c.communes(), c.communesReached(),
				c.shareCommunesReached(), c.officialsTrained(), c.familiesReached(), c.childrenReached(),
				c.childrenReachedInAll(), c.opinionsRaised(),
				c.opinionsAnswered(), c.shareOpinionsAnswered(), c.opinionsByAge(),
				figures.communesWithoutActivity(root.id(), p, topic).stream().map(Commune::code).toList());
	}

	/**
	 * The coverage with its shares spelled out, for machines. The share of officials trained is the indicator
	 * {@code OFFICIALS_TRAINED_PCMD_RATE}'s (/api/v1/indicators), computed over the headcount entered there.
	 */
	record FiguresView(String unitCode, String period, Topic topic, long communes, long communesReached,
			Double shareCommunesReached, long officialsTrained, long familiesReached, Map<vn.vongtay.outreach.AgeGroup, Long> childrenReached,
			long childrenReachedInAll, long opinionsRaised, long opinionsAnswered, Double shareOpinionsAnswered,
			Map<vn.vongtay.outreach.AgeGroup, Long> opinionsByAge, List<String> communesWithoutActivity) {
	}

	private AdministrativeUnit root(SignedInUser user, String unit, Period period) {
		LocalDate asOf = period.end().isAfter(today()) ? today() : period.end();
		if (unit != null && !unit.isBlank()) {
			return units.byCode(unit, asOf);
		}
		return units.findAllById(user.unitIds()).stream().findFirst()
			.orElseThrow(() -> UserFacingException.notFound("error.unit.not-found", ""));
	}

	/** The linked targets of the plans the caller sees, with the work of their plan's unit where the caller reaches it. */
	private List<TargetLine> targetLines() {
		if (!plans.mayRead()) {
			return List.of();
		}
		List<TargetMeasure> measures = figures.targetMeasures();
		Map<String, PlanSummary> visiblePlans = new LinkedHashMap<>();
		for (PlanSummary plan : plans.list(null, null, 0, 500)) {
			visiblePlans.put(plan.key(), plan);
		}
		List<TargetLine> lines = new ArrayList<>();
		Map<Long, PlanDetail> details = new LinkedHashMap<>();
		for (TargetMeasure measure : measures) {
			PlanSummary plan = visiblePlans.get(measure.planKey());
			if (plan == null) {
				continue;
			}
			PlanDetail detail = details.computeIfAbsent(plan.id(), plans::get);
			Optional<Target> target = find(detail, measure.targetCode());
			if (target.isEmpty()) {
				continue;
			}
			int year = target.get().latest() != null ? target.get().latest().asOf().getYear() : yearOf(target.get(), plan);
			BigDecimal goal = target.get().values().get(year);
			AdministrativeUnit unit = units.findByCode(plan.issuerUnitCode(), LocalDate.of(year, 12, 31)).orElse(null);
			Coverage coverage = unit != null && jurisdictions.covers(unit.id())
					? figures.of(unit.id(), Period.year(year), measure.topic()) : null;
			lines.add(new TargetLine(plan, target.get(), measure, year, goal, coverage));
		}
		return lines;
	}

	/** The latest year the target sets a value for that has begun, or its first year. */
	private int yearOf(Target target, PlanSummary plan) {
		int thisYear = today().getYear();
		return target.values().keySet().stream().filter(y -> y <= thisYear).reduce((a, b) -> b)
			.orElse(target.values().isEmpty() ? plan.yearFrom() : target.values().firstKey());
	}

	private static Optional<Target> find(PlanDetail plan, String code) {
		List<Target> all = new ArrayList<>();
		plan.objectives().forEach(o -> o.targets().forEach(t -> {
			all.add(t);
			all.addAll(t.parts());
		}));
		return all.stream().filter(t -> code.equals(t.code())).findFirst();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
