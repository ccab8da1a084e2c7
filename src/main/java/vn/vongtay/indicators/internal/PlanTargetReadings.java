package vn.vongtay.indicators.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValues;
import vn.vongtay.planning.IndicatorReadings;

/**
 * What a plan target bound to an indicator shows: the indicator's yearly value as {@link IndicatorValues} gives it to
 * the caller (small counts hidden as everywhere), for units within the caller's jurisdiction; nothing for others.
 */
@Component
class PlanTargetReadings implements IndicatorReadings {

	private final IndicatorValues values;
	private final Jurisdictions jurisdictions;

	PlanTargetReadings(IndicatorValues values, Jurisdictions jurisdictions) {
		this.values = values;
		this.jurisdictions = jurisdictions;
	}

	@Override
	public Map<String, Reading> read(long unitId, int year, Collection<String> codes) {
		Map<String, Reading> readings = new LinkedHashMap<>();
		if (!jurisdictions.covers(unitId)) {
			return readings;
		}
		values.valuesOf(unitId, IndicatorPeriod.year(year), codes)
			.forEach((code, v) -> readings.put(code,
					new Reading(code, v.value(), v.numerator(), v.denominator(), v.suppressed())));
		return readings;
	}
}
