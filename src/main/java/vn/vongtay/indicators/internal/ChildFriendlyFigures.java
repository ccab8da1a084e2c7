package vn.vongtay.indicators.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.vongtay.childfriendly.CommuneFigures;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.IndicatorCatalogue;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValue;
import vn.vongtay.indicators.IndicatorValues;

/**
 * The figures a commune's child-friendly self-assessment shows as evidence, read through {@link IndicatorValues} as
 * the caller may see them (their jurisdiction, small counts hidden from those without access to the register), with
 * the indicator's name and how its value is made (counted from records, entered by a sector, or a ratio of two).
 */
@Component
class ChildFriendlyFigures implements CommuneFigures {

	private final IndicatorValues values;
	private final IndicatorCatalogue catalogue;

	ChildFriendlyFigures(IndicatorValues values, IndicatorCatalogue catalogue) {
		this.values = values;
		this.catalogue = catalogue;
	}

	@Override
	public List<Figure> of(long communeId, int year, Collection<String> indicatorCodes) {
		IndicatorPeriod period = IndicatorPeriod.year(year);
		Map<String, IndicatorValue> found = values.valuesOf(communeId, period, indicatorCodes);
		List<Figure> figures = new ArrayList<>();
		for (String code : indicatorCodes) {
			IndicatorValue v = found.get(code);
			Indicator indicator = catalogue.find(code).orElse(null);
			if (v == null || indicator == null) {
				continue;
			}
			figures.add(new Figure(code, indicator.name(), indicator.method().name(), indicator.unit().name(), v.value(),
					v.suppressed(), v.status().name(), v.period(), v.asOf(), indicator.source()));
		}
		return figures;
	}

	@Override
	public Map<String, String> names(Collection<String> indicatorCodes) {
		Map<String, String> names = new LinkedHashMap<>();
		indicatorCodes.forEach(code -> catalogue.find(code).ifPresent(i -> names.put(code, i.name())));
		return names;
	}
}
