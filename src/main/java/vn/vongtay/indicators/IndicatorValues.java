package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.SuccessionKind;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.IndicatorValue.Cell;
import vn.vongtay.indicators.IndicatorValue.Disaggregation;
import vn.vongtay.indicators.IndicatorValue.Status;
import vn.vongtay.indicators.internal.Evaluator;
import vn.vongtay.indicators.internal.Evaluator.Raw;
import vn.vongtay.indicators.internal.Measure;
import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.planning.BoundTarget;
import vn.vongtay.planning.Direction;
import vn.vongtay.planning.TargetBindings;

/**
 * The values of indicators as the caller may see them: for units within their jurisdiction only (the nation for
 * system administrators and nation-wide roles), read from the tallies, which the other modules' events keep current.
 *
 * <p>Small counts of people (1 to {@code vongtay.privacy.small-count-threshold} - 1, default 5) are hidden from
 * anyone who may not read exact figures and the records behind them (the need-to-know table; people who sell sex:
 * social services), viewers and the 111 hotline among them, and so is a ratio built on one. In a breakdown, or a table of subdivisions, where exactly
 * one cell is hidden, the smallest other non-zero cell is hidden too, so the hidden one cannot be recovered by
 * subtracting the others from the total.
 */
@Component
@Transactional(readOnly = true)
public class IndicatorValues {

	private static final int SERIES = 8;

	private final IndicatorCatalogue catalogue;
	private final Evaluator evaluator;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final TargetBindings targets;
	private final Clock clock;
	private final int threshold;
	private final BreakdownLabels labels;

	IndicatorValues(IndicatorCatalogue catalogue, Evaluator evaluator, Units units, Jurisdictions jurisdictions,
			TargetBindings targets, BreakdownLabels labels, Clock clock,
			@Value("${vongtay.privacy.small-count-threshold:5}") int threshold) {
		this.catalogue = catalogue;
		this.evaluator = evaluator;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.targets = targets;
		this.labels = labels;
		this.clock = clock;
		this.threshold = threshold;
	}

	public int smallCountThreshold() {
		return threshold;
	}

	/**
	 * The unit a code names for a period: the unit that had the code on {@code unitAsOf} if given, else on the period's
	 * last day (a 2024 figure of code 03253 is the former town; with {@code unitAsOf} today, the commune that continues
	 * it, whose 2024 figure is the sum over the former communes it took over).
	 */
	public AdministrativeUnit resolve(String unitCode, IndicatorPeriod period, LocalDate unitAsOf) {
		if (unitCode == null || unitCode.isBlank()) {
			throw UserFacingException.invalid("error.field.required", "unit");
		}
		return units.byCode(unitCode.strip(), unitAsOf != null ? unitAsOf : evaluator.asOf(period));
	}

	/** The value with its breakdowns, as the API and pages show it. */
	public IndicatorValue value(String code, String unitCode, String period, LocalDate unitAsOf) {
		Jurisdictions.requireUser();
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		Indicator indicator = catalogue.get(code);
		AdministrativeUnit unit = resolve(unitCode, p, unitAsOf);
		requireWithin(unit);
		return withBreakdowns(indicator, unit, p);
	}

	/** The value with its breakdowns for a unit within the caller's jurisdiction. */
	public IndicatorValue value(String code, long unitId, IndicatorPeriod period) {
		Jurisdictions.requireUser();
		Indicator indicator = catalogue.get(code);
		AdministrativeUnit unit = unit(unitId);
		requireWithin(unit);
		return withBreakdowns(indicator, unit, period);
	}

	/**
	 * The totals of several indicators for one unit and period, without breakdowns: what a report of the unit reads.
	 * Codes that are no indicator are left out.
	 */
	public Map<String, IndicatorValue> valuesOf(long unitId, IndicatorPeriod period, Collection<String> codes) {
		Jurisdictions.requireUser();
		AdministrativeUnit unit = unit(unitId);
		requireWithin(unit);
		Map<String, IndicatorValue> values = new LinkedHashMap<>();
		for (String code : codes) {
			catalogue.find(code).ifPresent(indicator -> values.put(code,
					show(indicator, unit, period, evaluator.total(indicator, unit.id(), period), List.of())));
		}
		return values;
	}

	/** What the indicator's page shows; also what the benchmark times. */
	public Dashboard dashboard(String code, long unitId, IndicatorPeriod period) {
		Jurisdictions.requireUser();
		Indicator indicator = catalogue.get(code);
		AdministrativeUnit unit = unit(unitId);
		requireWithin(unit);
		IndicatorValue value = withBreakdowns(indicator, unit, period);
		List<IndicatorValue> subdivisions = subdivisions(indicator, unit, period, value);
		List<IndicatorValue> series = new ArrayList<>();
		List<IndicatorPeriod> periods = period.lastPeriods(SERIES);
		Map<IndicatorPeriod, Raw> raw = evaluator.series(indicator, unit.id(), periods.subList(0, periods.size() - 1));
		for (IndicatorPeriod p : periods) {
			series.add(p.equals(period) ? strip(value) : show(indicator, unit, p, raw.get(p), List.of()));
		}
		List<Dashboard.Step> path = units.lineOf(unit.id()).stream()
			.map(u -> new Dashboard.Step(u.code(), u.fullName(), jurisdictions.covers(u.id())))
			.toList();
		return new Dashboard(indicator, period, value, subdivisions, series, path, targetLines(indicator));
	}

	/** The units directly under the unit in the period, or, for a unit formed after it, the units it fully continues. */
	public List<AdministrativeUnit> subdivisionsOf(AdministrativeUnit unit, IndicatorPeriod period) {
		LocalDate asOf = evaluator.asOf(period);
		LocalDate on = unit.validTo() != null && unit.validTo().isBefore(asOf) ? unit.validTo() : asOf;
		List<AdministrativeUnit> below = units.childrenOf(unit.id(), on);
		if (below.isEmpty() && unit.validFrom() != null && unit.validFrom().isAfter(asOf)) {
			below = units.predecessorsOf(unit.id()).stream().filter(s -> s.kind() == SuccessionKind.FULL)
				.map(vn.vongtay.geography.Successor::unit).toList();
		}
		return below;
	}

	private List<IndicatorValue> subdivisions(Indicator indicator, AdministrativeUnit unit, IndicatorPeriod period,
			IndicatorValue total) {
		List<AdministrativeUnit> below = subdivisionsOf(unit, period);
		Map<Long, Map<String, Raw>> raw = evaluator.evaluate(indicator, below.stream().map(AdministrativeUnit::id).toList(),
				period, "");
		List<IndicatorValue> rows = new ArrayList<>();
		for (AdministrativeUnit u : below) {
			Raw r = raw.getOrDefault(u.id(), Map.of()).getOrDefault("", null);
			rows.add(show(indicator, u, period, r == null ? missing() : r, List.of()));
		}
		return complement(rows, total);
	}

	/** In a row of cells adding up to a shown total, one hidden cell is joined by the smallest other non-zero cell. */
	private List<IndicatorValue> complement(List<IndicatorValue> rows, IndicatorValue total) {
		long hidden = rows.stream().filter(IndicatorValue::suppressed).count();
		if (hidden != 1 || total.suppressed()) {
			return rows;
		}
		IndicatorValue smallest = rows.stream().filter(r -> !r.suppressed() && r.value() != null && r.value().signum() > 0)
			.min(Comparator.comparing(IndicatorValue::value)).orElse(null);
		if (smallest == null) {
			return rows;
		}
		List<IndicatorValue> result = new ArrayList<>();
		for (IndicatorValue r : rows) {
			result.add(r == smallest ? hide(r) : r);
		}
		return result;
	}

	private static IndicatorValue hide(IndicatorValue v) {
		return new IndicatorValue(v.code(), v.unitId(), v.unitCode(), v.unitName(), v.period(), v.asOf(), v.status(),
				null, null, null, true, v.entered(), v.summedFrom(), v.locked(), v.disaggregations());
	}

	private static IndicatorValue strip(IndicatorValue v) {
		return new IndicatorValue(v.code(), v.unitId(), v.unitCode(), v.unitName(), v.period(), v.asOf(), v.status(),
				v.value(), v.numerator(), v.denominator(), v.suppressed(), v.entered(), v.summedFrom(), v.locked(),
				List.of());
	}

	private IndicatorValue withBreakdowns(Indicator indicator, AdministrativeUnit unit, IndicatorPeriod period) {
		Raw total = evaluator.total(indicator, unit.id(), period);
		IndicatorValue shown = show(indicator, unit, period, total, List.of());
		List<Disaggregation> breakdowns = new ArrayList<>();
		Locale locale = LocaleContextHolder.getLocale();
		for (Dimension dimension : evaluator.dimensions(indicator)) {
			Map<String, Raw> cells = evaluator.evaluate(indicator, List.of(unit.id()), period, dimension.code())
				.getOrDefault(unit.id(), Map.of());
			if (cells.isEmpty()) {
				continue;
			}
			List<Cell> values = new ArrayList<>();
			for (Map.Entry<String, Raw> cell : cells.entrySet()) {
				if (dimension.open() && cell.getValue().hasValue() && cell.getValue().value().signum() == 0) {
					continue;
				}
				Shown s = shown(cell.getValue());
				values.add(new Cell(cell.getKey(), labels.value(dimension.code(), cell.getKey(), locale), s.value(),
						s.suppressed(), status(cell.getValue().status())));
			}
			breakdowns.add(new Disaggregation(dimension.code(),
					labels.dimension(dimension.code(), locale),
					complementCells(values, shown)));
		}
		return new IndicatorValue(shown.code(), shown.unitId(), shown.unitCode(), shown.unitName(), shown.period(),
				shown.asOf(), shown.status(), shown.value(), shown.numerator(), shown.denominator(), shown.suppressed(),
				shown.entered(), shown.summedFrom(), shown.locked(), breakdowns);
	}

	private static List<Cell> complementCells(List<Cell> cells, IndicatorValue total) {
		long hidden = cells.stream().filter(Cell::suppressed).count();
		if (hidden != 1 || total.suppressed()) {
			return cells;
		}
		Cell smallest = cells.stream().filter(c -> !c.suppressed() && c.value() != null && c.value().signum() > 0)
			.min(Comparator.comparing(Cell::value)).orElse(null);
		if (smallest == null) {
			return cells;
		}
		return cells.stream().map(c -> c == smallest ? new Cell(c.key(), c.label(), null, true, c.status()) : c).toList();
	}

	private record Shown(BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean suppressed) {
	}

	private Shown shown(Raw raw) {
		if (raw.numerator() != null) {
			Shown n = shown(raw.numerator());
			Shown d = shown(raw.denominator());
			if (n.suppressed() || d.suppressed()) {
				return new Shown(null, null, null, true);
			}
			return new Shown(raw.value(), n.value(), d.value(), false);
		}
		if (raw.hasValue() && hiddenFromCaller(raw.privacy()) && raw.value().signum() > 0
				&& raw.value().compareTo(BigDecimal.valueOf(threshold)) < 0) {
			return new Shown(null, null, null, true);
		}
		return new Shown(raw.value(), null, null, false);
	}

	/**
	 * Whether small counts of the privacy's people are hidden from the caller: shown only to whoever may read exact
	 * figures (the need-to-know table, docs/decisions/0009) and the records behind them; people who sell sex are in
	 * the support records, which only social services read.
	 */
	private boolean hiddenFromCaller(Measure.Privacy privacy) {
		SignedInUser user = Jurisdictions.requireUser();
		return switch (privacy) {
			case NONE -> false;
			case CHILDREN -> !user.may(Data.EXACT_FIGURES, Use.READ);
			case SOCIAL_SERVICES -> !(user.may(Data.EXACT_FIGURES, Use.READ) && user.may(Data.SUPPORT_RECORDS, Use.READ));
		};
	}

	private IndicatorValue show(Indicator indicator, AdministrativeUnit unit, IndicatorPeriod period, Raw raw,
			List<Disaggregation> breakdowns) {
		Shown s = shown(raw);
		List<String> summedFrom = raw.summedFrom().isEmpty() ? List.of()
				: units.findAllById(raw.summedFrom()).stream().map(AdministrativeUnit::code).toList();
		return new IndicatorValue(indicator.code(), unit.id(), unit.code(), unit.fullName(), period.code(),
				evaluator.asOf(period), status(raw.status()), s.value(), s.numerator(), s.denominator(), s.suppressed(),
				raw.entered(), summedFrom, raw.locked(), breakdowns);
	}

	private static Status status(Evaluator.Status status) {
		return Status.valueOf(status.name());
	}

	private static Raw missing() {
		return new Raw(Evaluator.Status.NOT_REPORTED, null, null, null, Measure.Privacy.NONE, null, List.of(), false);
	}

	private List<Dashboard.TargetLine> targetLines(Indicator indicator) {
		List<Dashboard.TargetLine> lines = new ArrayList<>();
		int thisYear = LocalDate.now(clock).getYear();
		for (BoundTarget target : targets.boundTo(indicator.code())) {
			boolean covered = jurisdictions.covers(target.unitId());
			AdministrativeUnit unit = covered ? units.findById(target.unitId()).orElse(null) : null;
			List<Dashboard.TargetYear> years = new ArrayList<>();
			target.values().forEach((year, goal) -> {
				IndicatorValue achieved = null;
				Boolean met = null;
				boolean ended = unit != null && unit.validTo() != null && unit.validTo().isBefore(LocalDate.of(year, 12, 31));
				if (unit != null && year <= thisYear && !ended) {
					IndicatorPeriod p = IndicatorPeriod.year(year);
					achieved = show(indicator, unit, p, evaluator.total(indicator, unit.id(), p), List.of());
					met = achieved.value() == null ? null : meets(target.direction(), achieved.value(), goal);
				}
				years.add(new Dashboard.TargetYear(year, goal, achieved, met, ended));
			});
			lines.add(new Dashboard.TargetLine(target, years));
		}
		return lines;
	}

	static Boolean meets(Direction direction, BigDecimal achieved, BigDecimal target) {
		if (direction == null) {
			return null;
		}
		int c = achieved.compareTo(target);
		return switch (direction) {
			case AT_LEAST -> c >= 0;
			case AT_MOST -> c <= 0;
			case KEEP_AT -> c == 0;
		};
	}

	private AdministrativeUnit unit(long unitId) {
		return units.findById(unitId)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.outside-jurisdiction", unitId));
	}

	private void requireWithin(AdministrativeUnit unit) {
		jurisdictions.requireWithin(unit.id(), "error.unit.outside-jurisdiction", unit.code());
	}
}
