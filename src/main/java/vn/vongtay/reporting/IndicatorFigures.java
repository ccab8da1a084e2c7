package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.indicators.EnteredValues;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;

/** A report's figures from the indicators module, read and entered as the caller, with its checks. */
@Component
class IndicatorFigures implements FigureSource {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final IndicatorCatalogue catalogue;
	private final IndicatorValues values;
	private final EnteredValues entered;

	IndicatorFigures(IndicatorCatalogue catalogue, IndicatorValues values, EnteredValues entered) {
		this.catalogue = catalogue;
		this.values = values;
		this.entered = entered;
	}

	@Override
	public Map<String, Column> columns(Collection<String> codes) {
		Map<String, Column> columns = new LinkedHashMap<>();
		for (String code : codes) {
			catalogue.find(code).ifPresent(i -> columns.put(code, new Column(code, i.name(), i.nameEn(),
					i.unit().isRate(), i.method() == Indicator.Method.ENTERED)));
		}
		return columns;
	}

	@Override
	public Map<Long, Map<String, Figure>> figures(Collection<Long> unitIds, String period, Collection<String> codes) {
		Map<Long, Map<String, Figure>> figures = new LinkedHashMap<>();
		values.valuesOf(unitIds, IndicatorPeriod.parse(period), codes).forEach((unit, byCode) -> {
			Map<String, Figure> ofUnit = new LinkedHashMap<>();
			byCode.forEach((code, value) -> ofUnit.put(code, new Figure(value.value(), value.locked(), value.suppressed())));
			figures.put(unit, ofUnit);
		});
		return figures;
	}

	@Override
	public Map<String, List<Part>> breakdowns(long unitId, String period, Collection<String> codes,
			Collection<String> dimensions) {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(VIETNAMESE);
		try {
			IndicatorPeriod p = IndicatorPeriod.parse(period);
			Map<String, List<Part>> parts = new LinkedHashMap<>();
			for (String code : codes) {
				if (catalogue.find(code).isEmpty()) {
					continue;
				}
				List<Part> ofCode = new ArrayList<>();
				for (IndicatorValue.Disaggregation d : values.value(code, unitId, p).disaggregations()) {
					if (dimensions.contains(d.dimension())) {
						d.values().forEach(c -> ofCode.add(new Part(d.dimension(), c.key(), d.label() + ": " + c.label(),
								c.value(), c.suppressed())));
					}
				}
				parts.put(code, ofCode);
			}
			return parts;
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	@Override
	public int smallCountThreshold() {
		return values.smallCountThreshold();
	}

	@Override
	public boolean hidden(String code, BigDecimal value) {
		return values.hides(code, value);
	}

	@Override
	public void enter(String code, long unitId, String period, BigDecimal value) {
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		Integer version = entered.of(unitId, p).stream()
			.filter(e -> e.indicatorCode().equals(code) && e.dimension() == null).findFirst()
			.map(EnteredValues.Entry::version).orElse(null);
		entered.enter(unitId, p, new EnteredValues.Input(code, null, null, VietnameseFormats.number(value), null,
				version));
	}

	@Override
	public void lock(long unitId, String period, Collection<String> codes, String reference) {
		entered.lock(unitId, IndicatorPeriod.parse(period), List.copyOf(codes), reference);
	}

}
