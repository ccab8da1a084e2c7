package vn.vongtay.indicators.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.indicators.Dashboard;
import vn.vongtay.indicators.EnteredValues;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;
import vn.vongtay.indicators.OfficialFigures;
import vn.vongtay.indicators.internal.Evaluator;
import vn.vongtay.indicators.internal.Measure.Dimension;

/** The catalogue and the values of indicators for machines, and the entry of figures. */
@RestController
@Tag(name = "Chỉ số thống kê / Indicators")
class IndicatorApi {

	private final IndicatorCatalogue catalogue;
	private final IndicatorValues values;
	private final EnteredValues entered;
	private final Evaluator evaluator;
	private final OfficialFigures officialFigures;

	IndicatorApi(IndicatorCatalogue catalogue, IndicatorValues values, EnteredValues entered, Evaluator evaluator,
			OfficialFigures officialFigures) {
		this.catalogue = catalogue;
		this.values = values;
		this.entered = entered;
		this.evaluator = evaluator;
		this.officialFigures = officialFigures;
	}

	/** A catalogue entry with the breakdowns its values come with. */
	record IndicatorView(String code, String domain, String name, String nameEn, String definition,
			String definitionEn, Indicator.Unit unit, Indicator.Method method, String measure, String filterDimension,
			String filterValue, String numerator, String denominator, BigDecimal factor, BigDecimal entryMin,
			BigDecimal entryMax, boolean entryRequired, String entryDimension, boolean sumsUp, String source,
			Indicator.Circular circular, boolean waitingForSource, List<String> dimensions) {
	}

	@GetMapping("/api/v1/indicators")
	@Operation(summary = "The catalogue of indicators, by domain; q searches code, name, definition and source")
	List<IndicatorView> list(@RequestParam(required = false) String q) {
		return catalogue.list(q).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/indicators/{code}")
	@Operation(summary = "One indicator of the catalogue")
	IndicatorView get(@PathVariable String code) {
		return view(catalogue.get(code));
	}

	@GetMapping("/api/v1/indicators/{code}/values")
	@Operation(summary = "The value for a unit (code) and period (2026, 2026-H1, 2026-Q2, 2026-05, 2021-2025): value, "
			+ "numerator, denominator, suppressed, asOf, disaggregations; unitAsOf picks the unit that had the code on "
			+ "that day (the unit of the period's last day by default)")
	IndicatorValue value(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
			@RequestParam(required = false) LocalDate unitAsOf) {
		return values.value(code, unit, period, unitAsOf);
	}

	@GetMapping("/api/v1/indicators/{code}/dashboard")
	@Operation(summary = "What the indicator's page shows: the value, the subdivisions, the last periods, the targets")
	Dashboard dashboard(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
			@RequestParam(required = false) LocalDate unitAsOf) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		AdministrativeUnit u = values.resolve(unit, p, unitAsOf);
		return values.dashboard(code, u.id(), p);
	}

	/** An entered figure as machines send it. {@code version} is the one read; none for a new figure. */
	record EntryBody(String value, String dimension, String dimValue, String note, Integer version) {
	}

	@PutMapping("/api/v1/indicators/{code}/values")
	@Operation(summary = "Enters or corrects the figure of an entered indicator for a unit and period (blank value "
			+ "clears it); refused for a rate outside 0-100, a unit outside the caller's jurisdiction, a locked figure")
	IndicatorValue put(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
			@RequestBody EntryBody body) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		AdministrativeUnit u = values.resolve(unit, p, null);
		entered.enter(u.id(), p, new EnteredValues.Input(code, body.dimension(), body.dimValue(), body.value(),
				body.note(), body.version()));
		return values.value(code, u.id(), p);
	}

	@PostMapping("/api/v1/indicators/{code}/values")
	@Operation(summary = "As PUT, for a figure not entered yet")
	ResponseEntity<IndicatorValue> post(@PathVariable String code, @RequestParam String unit,
			@RequestParam String period, @RequestBody EntryBody body) {
		return ResponseEntity.status(201).body(put(code, unit, period,
				new EntryBody(body.value(), body.dimension(), body.dimValue(), body.note(), null)));
	}

	/** An official figure from a document; {@code version} is the one read, none for a new figure. */
	record OfficialBody(BigDecimal value, String document, String note, Integer version) {
	}

	@PutMapping("/api/v1/indicators/{code}/official")
	@Operation(summary = "Records the official figure of a computed indicator for a unit and a period the records do "
			+ "not cover, from a document (a plan's baseline); shown in place of the records' value, as the document's")
	IndicatorValue official(@PathVariable String code, @RequestParam String unit, @RequestParam String period,
			@RequestBody OfficialBody body) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		AdministrativeUnit u = values.resolve(unit, p, null);
		officialFigures.record(code, u.id(), p.code(), body.value(), body.document(), body.note(), body.version());
		return values.value(code, u.id(), p);
	}

	/** The figures entered for a unit and period, with their versions and every change. */
	record Entries(List<EnteredValues.Entry> entries, List<EnteredValues.Change> history) {
	}

	@GetMapping("/api/v1/indicators/entries")
	@Operation(summary = "The figures entered for a unit and period, with every change")
	Entries entries(@RequestParam String unit, @RequestParam String period) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		AdministrativeUnit u = values.resolve(unit, p, null);
		return new Entries(entered.of(u.id(), p), entered.history(u.id(), p));
	}

	private IndicatorView view(Indicator i) {
		return new IndicatorView(i.code(), i.domain(), i.name(), i.nameEn(), i.definition(), i.definitionEn(), i.unit(),
				i.method(), i.measure(), i.filterDimension(), i.filterValue(), i.numerator(), i.denominator(), i.factor(),
				i.entryMin(), i.entryMax(), i.entryRequired(), i.entryDimension(), i.sumsUp(), i.source(),
				i.circular(), i.waitingForSource(), evaluator.dimensions(i).stream().map(Dimension::code).toList());
	}
}
