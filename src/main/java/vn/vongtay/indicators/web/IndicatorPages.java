package vn.vongtay.indicators.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.web.ProblemDetails;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.Dashboard;
import vn.vongtay.indicators.EnteredValues;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;

/** The catalogue, an indicator's dashboard and the entry form of a unit and period. */
@Controller
class IndicatorPages {

	/**
	 * Figures are read by every role the need-to-know table gives {@code FIGURES}, so not by the village collaborator:
	 * indicator values count children by circumstance group (issue 16, item 1). Checked before every handler here.
	 */
	@ModelAttribute
	void requireFigures() {
		NeedToKnow.require(Jurisdictions.requireUser(), NeedToKnow.Data.FIGURES, NeedToKnow.Use.READ);
	}

	private final IndicatorCatalogue catalogue;
	private final IndicatorValues values;
	private final EnteredValues entered;
	private final Units units;
	private final JsonMapper json;
	private final ProblemDetails problems;
	private final IndicatorFormat format;
	private final Clock clock;

	IndicatorPages(IndicatorCatalogue catalogue, IndicatorValues values, EnteredValues entered, Units units,
			JsonMapper json, ProblemDetails problems, IndicatorFormat format, Clock clock) {
		this.catalogue = catalogue;
		this.values = values;
		this.entered = entered;
		this.units = units;
		this.json = json;
		this.problems = problems;
		this.format = format;
		this.clock = clock;
	}

	@GetMapping("/indicators")
	String list(@RequestParam(required = false) String q, Model model) {
		List<Indicator> found = catalogue.list(q);
		model.addAttribute("q", q);
		model.addAttribute("domains", catalogue.byDomain(found));
		model.addAttribute("count", found.size());
		// each indicator's value for the caller's unit this year beside its name, so that a leader reads the figures
		// rather than a catalogue (issue 17 §5)
		AdministrativeUnit unit = defaultUnit();
		IndicatorPeriod year = IndicatorPeriod.year(units.today().getYear());
		model.addAttribute("defaultUnit", unit.code());
		model.addAttribute("valuesUnit", unit);
		model.addAttribute("valuesYear", year);
		model.addAttribute("values", values.valuesOf(unit.id(), year, found.stream().map(Indicator::code).toList()));
		model.addAttribute("threshold", values.smallCountThreshold());
		return "indicators/catalogue";
	}

	@GetMapping("/indicators/{code}")
	String dashboard(@PathVariable String code, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String period, @RequestParam(required = false) LocalDate unitAsOf,
			Model model) {
		IndicatorPeriod p = period(period);
		AdministrativeUnit u = unit == null || unit.isBlank() ? defaultUnit() : values.resolve(unit, p, unitAsOf);
		Dashboard dashboard = values.dashboard(code, u.id(), p);
		model.addAttribute("d", dashboard);
		model.addAttribute("i", dashboard.indicator());
		model.addAttribute("unit", u);
		model.addAttribute("threshold", values.smallCountThreshold());
		model.addAttribute("chart", chart(dashboard, values.smallCountThreshold()));
		model.addAttribute("periodCode", p.code());
		model.addAttribute("unitAsOf", unitAsOf);
		return "indicators/dashboard";
	}

	/**
	 * The chart's data, read by static/js/indicators.js from a JSON block (the CSP allows no inline script). A hidden
	 * small count travels as null with its place marked, so the chart writes "< 5" there rather than draw a zero.
	 */
	private String chart(Dashboard d, int threshold) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", d.indicator().name(LocaleContextHolder.getLocale()));
		data.put("unit", format.unitSymbol(d.indicator()));
		data.put("whole", d.indicator().unit() == Indicator.Unit.COUNT);
		data.put("hidden", "< " + threshold);
		data.put("subdivisions", points(d.subdivisions(), IndicatorValue::unitName));
		Map<String, Object> series = points(d.series(), IndicatorValue::period);
		data.put("series", series);
		@SuppressWarnings("unchecked")
		List<String> periods = (List<String>) series.get("labels");
		List<Map<String, Object>> targets = new ArrayList<>();
		for (Dashboard.TargetLine t : d.targets()) {
			if (t.target().unitId() != d.value().unitId()) {
				continue;
			}
			Map<String, BigDecimal> byPeriod = new HashMap<>();
			t.years().forEach(y -> byPeriod.put(String.valueOf(y.year()), y.target()));
			List<BigDecimal> points = periods.stream().map(byPeriod::get).toList();
			targets.add(Map.of("label", (t.target().planNumber() == null ? t.target().planKey() : t.target().planNumber())
					+ " · " + t.target().targetCode(), "values", points));
		}
		data.put("targets", targets);
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	private static Map<String, Object> points(List<IndicatorValue> values, Function<IndicatorValue, String> label) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> numbers = new ArrayList<>();
		List<Boolean> hidden = new ArrayList<>();
		for (IndicatorValue v : values) {
			labels.add(label.apply(v));
			numbers.add(v.suppressed() ? null : v.value());
			hidden.add(v.suppressed());
		}
		return Map.of("labels", labels, "values", numbers, "hidden", hidden);
	}

	@GetMapping("/indicators/entry")
	String entry(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
			Model model) {
		IndicatorPeriod p = period(period);
		AdministrativeUnit u = unit == null || unit.isBlank() ? defaultUnit() : values.resolve(unit, p, null);
		fillEntry(model, u, p, Map.of());
		return "indicators/entry";
	}

	@PostMapping("/indicators/entry")
	String save(@RequestParam String unit, @RequestParam String period, @RequestParam Map<String, String> form,
			Model model) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		AdministrativeUnit u = values.resolve(unit, p, null);
		List<EnteredValues.Input> inputs = new ArrayList<>();
		form.forEach((name, text) -> {
			if (!name.startsWith("v:")) {
				return;
			}
			String[] key = name.substring(2).split(":", 3);
			String version = form.get("ver:" + name.substring(2));
			inputs.add(new EnteredValues.Input(key[0], key.length > 1 ? key[1] : null, key.length > 2 ? key[2] : null,
					text, form.get("note:" + name.substring(2)),
					version == null || version.isBlank() ? null : Integer.valueOf(version)));
		});
		try {
			entered.save(u.id(), p, inputs, true);
		}
		catch (UserFacingException e) {
			if (e.status() != 422 && e.status() != 409) {
				throw e;
			}
			model.addAttribute("error", problems.message(e.messageKey(), e.arguments(),
					org.springframework.context.i18n.LocaleContextHolder.getLocale(), e.messageKey()));
			model.addAttribute("problems", e.problems().stream().map(problems::describe).toList());
			fillEntry(model, u, p, form);
			return "indicators/entry";
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("error", problems.message("error.concurrent-edit", new Object[0],
					org.springframework.context.i18n.LocaleContextHolder.getLocale(), "error.concurrent-edit"));
			fillEntry(model, u, p, Map.of());
			return "indicators/entry";
		}
		return "redirect:/indicators/entry?unit=" + u.code() + "&period=" + p.code() + "&saved";
	}

	/** One line of the entry form: a figure (total or one value of the dimension) with what is stored and shown. */
	record Line(Indicator indicator, String key, String dimension, String dimValue, String label,
			EnteredValues.Entry stored, String typed, IndicatorValue shown) {
	}

	private void fillEntry(Model model, AdministrativeUnit unit, IndicatorPeriod period, Map<String, String> typed) {
		List<EnteredValues.Entry> stored = entered.of(unit.id(), period);
		Map<String, EnteredValues.Entry> byKey = new HashMap<>();
		stored.forEach(e -> byKey.put(key(e.indicatorCode(), e.dimension(), e.dimValue()), e));
		List<Indicator> indicators = entered.enteredIndicators();
		Map<String, IndicatorValue> shown = values.valuesOf(unit.id(), period,
				indicators.stream().map(Indicator::code).toList());
		List<Line> lines = new ArrayList<>();
		for (Indicator i : indicators) {
			String key = key(i.code(), "", "");
			lines.add(new Line(i, key, "", "", null, byKey.get(key), typed.get("v:" + key), shown.get(i.code())));
			if (i.entryDimension() != null) {
				for (String value : dimensionValues(i.entryDimension())) {
					String k = key(i.code(), i.entryDimension(), value);
					lines.add(new Line(i, k, i.entryDimension(), value, "indicators.dim." + i.entryDimension() + "." + value,
							byKey.get(k), typed.get("v:" + k), null));
				}
			}
		}
		model.addAttribute("lines", lines);
		model.addAttribute("unit", unit);
		model.addAttribute("period", period);
		model.addAttribute("periodCode", period.code());
		model.addAttribute("mayEnter", entered.mayEnter(unit.id()));
		model.addAttribute("history", entered.history(unit.id(), period));
		model.addAttribute("subdivisions", values.subdivisionsOf(unit, period));
		model.addAttribute("threshold", values.smallCountThreshold());
	}

	private static List<String> dimensionValues(String dimension) {
		return switch (dimension) {
			case "sex" -> List.of("MALE", "FEMALE");
			case "age_group" -> List.of("0-5", "6-10", "11-15");
			default -> List.of();
		};
	}

	private static String key(String code, String dimension, String value) {
		return dimension == null || dimension.isEmpty() ? code : code + ":" + dimension + ":" + value;
	}

	private IndicatorPeriod period(String code) {
		return code == null || code.isBlank() ? IndicatorPeriod.year(LocalDate.now(clock).getYear())
				: IndicatorPeriod.parse(code);
	}

	/** The first unit the caller answers for: where a page opens without a unit asked. */
	private AdministrativeUnit defaultUnit() {
		SignedInUser user = Jurisdictions.requireUser();
		return units.findAllById(user.unitIds()).stream().findFirst()
			.orElseThrow(() -> UserFacingException.notFound("error.unit.not-found", ""));
	}
}
