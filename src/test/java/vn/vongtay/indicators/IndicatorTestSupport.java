package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.Await;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.indicators.Indicator.Method;
import vn.vongtay.indicators.internal.Measures;
import vn.vongtay.indicators.internal.Tallies;

/** What the indicator tests share: the services, waiting for the listeners, and the plain-SQL figures. */
abstract class IndicatorTestSupport extends DemoAccountTestSupport {

	@Autowired
	IndicatorValues values;

	@Autowired
	IndicatorCatalogue catalogue;

	@Autowired
	IndicatorRecount recount;

	@Autowired
	Tallies tallies;

	@Autowired
	Measures measures;

	@Autowired
	Jurisdictions jurisdictions;

	PlainFigures plain() {
		return new PlainFigures(jdbc);
	}

	/** Waits (at most a minute) until every event published so far has been handled by its listeners. */
	void awaitListeners() {
		Await.eventsDelivered(jdbc, Duration.ofMinutes(1));
	}

	/** The tallies as rows, zeros left out (a row whose deltas came back to zero changes no figure). */
	List<String> tallyRows() {
		return jdbc.sql("""
				SELECT measure || '|' || unit_id || '|' || dimension || '|' || dim_value || '|' || bucket || '|' || value
				FROM indicators.tally WHERE value <> 0 ORDER BY measure, unit_id, dimension, dim_value, bucket""")
			.query(String.class).list();
	}

	/** The value as an officer of the whole country sees it: nothing suppressed (officers serve people too). */
	IndicatorValue value(String code, long unitId, IndicatorPeriod period) {
		return as(adHoc("officer.of.the.nation", Role.PROVINCE_OFFICER, "VN"), () -> values.value(code, unitId, period));
	}

	long unitId(String code, LocalDate on) {
		return units.byCode(code, on).id();
	}

	/**
	 * The plain figure of a computed indicator, or of a ratio of computed ones ({@code null}: none, as for a ratio over
	 * zero), for the total or per value of a dimension.
	 */
	Map<String, BigDecimal> expected(Indicator indicator, long root, IndicatorPeriod period, LocalDate asOf,
			String dimension) {
		if (indicator.method() == Method.RATIO) {
			Map<String, BigDecimal> n = expected(catalogue.get(indicator.numerator()), root, period, asOf, dimension);
			Map<String, BigDecimal> d = expected(catalogue.get(indicator.denominator()), root, period, asOf, dimension);
			Map<String, BigDecimal> ratio = new HashMap<>();
			d.forEach((key, below) -> {
				BigDecimal above = n.getOrDefault(key, BigDecimal.ZERO);
				if (below.signum() != 0) {
					ratio.put(key, above.multiply(indicator.factor()).divide(below, 2, RoundingMode.HALF_UP));
				}
			});
			return ratio;
		}
		assertThat(indicator.method()).isEqualTo(Method.COMPUTED);
		String read = indicator.filterDimension() != null ? indicator.filterDimension() : dimension;
		Map<String, Long> counts = plain().of(indicator.measure(), root, period, asOf, read);
		assertThat(counts).as("plain figure of " + indicator.measure()).isNotNull();
		Map<String, BigDecimal> result = new HashMap<>();
		if (indicator.filterDimension() != null) {
			result.put("", BigDecimal.valueOf(counts.getOrDefault(indicator.filterValue(), 0L)));
		}
		else if (dimension.isEmpty()) {
			result.put("", BigDecimal.valueOf(counts.getOrDefault("", 0L)));
		}
		else {
			counts.forEach((k, v) -> result.put(k, BigDecimal.valueOf(v)));
		}
		return result;
	}

	/** The value and every breakdown cell of the indicator equal the plain figures. */
	void assertEqualsPlain(Indicator indicator, long root, IndicatorPeriod period, boolean breakdowns) {
		IndicatorValue v = value(indicator.code(), root, period);
		String where = indicator.code() + " of unit " + root + " in " + period;
		BigDecimal total = expected(indicator, root, period, v.asOf(), "").get("");
		if (total == null) {
			assertThat(v.value()).as(where).isNull();
		}
		else {
			assertThat(v.value()).as(where).isNotNull();
			assertThat(v.value().compareTo(total)).as(where + ": " + v.value() + " vs " + total).isZero();
		}
		if (!breakdowns) {
			return;
		}
		for (IndicatorValue.Disaggregation d : v.disaggregations()) {
			Map<String, BigDecimal> cells = expected(indicator, root, period, v.asOf(), d.dimension());
			for (IndicatorValue.Cell cell : d.values()) {
				BigDecimal e = cells.get(cell.key());
				String at = where + " by " + d.dimension() + "=" + cell.key();
				if (e == null && indicator.method() == Method.COMPUTED) {
					e = BigDecimal.ZERO;
				}
				if (e == null) {
					assertThat(cell.value()).as(at).isNull();
				}
				else {
					assertThat(cell.value()).as(at).isNotNull();
					assertThat(cell.value().compareTo(e)).as(at + ": " + cell.value() + " vs " + e).isZero();
				}
			}
			if (indicator.method() == Method.COMPUTED) {
				for (Map.Entry<String, BigDecimal> e : cells.entrySet()) {
					assertThat(d.values().stream().anyMatch(c -> c.key().equals(e.getKey())))
						.as(where + ": cell " + d.dimension() + "=" + e.getKey() + " shown").isTrue();
				}
			}
		}
	}
}
