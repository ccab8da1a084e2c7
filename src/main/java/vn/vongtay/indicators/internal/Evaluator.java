package vn.vongtay.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.indicators.Indicator;
import vn.vongtay.indicators.Indicator.Method;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.internal.Measure.Dimension;

/**
 * Computes the value of an indicator for units and a period, before anyone's access is considered.
 *
 * <ul>
 * <li>A stock is taken on the period's last day, or for a period still running on the last day of the current month
 * (the figures are kept by month); a flow is the sum over the period.</li>
 * <li>An entered value is the unit's own entry; a unit without one shows, for an indicator that sums up, the sum of the
 * highest entries below it (a district's entry rather than its communes'), and says which; a rate never sums.</li>
 * <li>A ratio is computed when read from its two parts: a part missing leaves the ratio missing, a zero denominator
 * leaves it undefined.</li>
 * </ul>
 */
@Component
public class Evaluator {

	/** What a value is: a value, or why there is none. */
	public enum Status {
		VALUE, NOT_REPORTED, NO_SOURCE, NOT_AVAILABLE, UNDEFINED
	}

	/**
	 * A value as computed. For a ratio, its parts; for an entered indicator, whether the unit entered it itself
	 * ({@code entered}) or it is the sum of the entries of {@code summedFrom}; for a computed one taken from a
	 * document rather than the records, the document ({@code official}).
	 */
	public record Raw(Status status, BigDecimal value, Raw numerator, Raw denominator, Measure.Privacy privacy,
			Boolean entered, List<Long> summedFrom, boolean locked, String official) {

		static Raw of(long value, Measure.Privacy privacy) {
			return new Raw(Status.VALUE, BigDecimal.valueOf(value), null, null, privacy, null, List.of(), false, null);
		}

		public static Raw missing(Status status) {
			return new Raw(status, null, null, null, Measure.Privacy.NONE, null, List.of(), false, null);
		}

		/** The official figure of a document, in place of what the records give. */
		static Raw official(BigDecimal value, Measure.Privacy privacy, String document) {
			return new Raw(Status.VALUE, value, null, null, privacy, null, List.of(), false, document);
		}

		public boolean hasValue() {
			return status == Status.VALUE;
		}
	}

	/** Dimensions that entered indicators may be given by, with their values. */
	static final Map<String, Dimension> ENTRY_DIMENSIONS = Map.of(
			ChildRecords.SEX, Dimension.of(ChildRecords.SEX, "MALE", "FEMALE"),
			ChildRecords.AGE_GROUP, ChildRecords.AGE_DIMENSION);

	private final JdbcClient jdbc;
	private final TallyReads reads;
	private final Measures measures;
	private final Units units;
	private final Clock clock;
	private final java.util.function.Function<String, Optional<Indicator>> catalogue;

	Evaluator(JdbcClient jdbc, TallyReads reads, Measures measures, Units units, Clock clock,
			@org.springframework.context.annotation.Lazy vn.vongtay.indicators.IndicatorCatalogue catalogue) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.measures = measures;
		this.units = units;
		this.clock = clock;
		this.catalogue = catalogue::find;
	}

	/** The day a stock of the period is taken: its last day, or the last day of the current month if earlier. */
	public LocalDate asOf(IndicatorPeriod period) {
		LocalDate endOfThisMonth = YearMonth.now(clock).atEndOfMonth();
		return period.end().isAfter(endOfThisMonth) ? endOfThisMonth : period.end();
	}

	/** The breakdowns an indicator's value is given by. */
	public List<Dimension> dimensions(Indicator indicator) {
		return switch (indicator.method()) {
			case COMPUTED -> indicator.filterDimension() != null ? List.of()
					: measures.find(indicator.measure()).map(Measure::dimensions).orElse(List.of());
			case ENTERED -> indicator.entryDimension() == null ? List.of()
					: List.of(ENTRY_DIMENSIONS.getOrDefault(indicator.entryDimension(),
							Dimension.open(indicator.entryDimension())));
			case RATIO -> {
				List<Dimension> common = new ArrayList<>();
				Indicator numerator = catalogue.apply(indicator.numerator()).orElse(null);
				Indicator denominator = catalogue.apply(indicator.denominator()).orElse(null);
				if (numerator != null && denominator != null) {
					List<Dimension> below = dimensions(denominator);
					for (Dimension d : dimensions(numerator)) {
						if (below.stream().anyMatch(b -> b.code().equals(d.code()))) {
							common.add(d);
						}
					}
				}
				yield common;
			}
		};
	}

	/** Whether the indicator counts people, and whose, so that small counts are hidden from some readers. */
	public Measure.Privacy privacy(Indicator indicator) {
		return switch (indicator.method()) {
			case COMPUTED -> measures.find(indicator.measure()).map(Measure::privacy).orElse(Measure.Privacy.NONE);
			case ENTERED -> Measure.Privacy.NONE;
			case RATIO -> catalogue.apply(indicator.numerator()).map(this::privacy).orElse(Measure.Privacy.NONE)
				.and(catalogue.apply(indicator.denominator()).map(this::privacy).orElse(Measure.Privacy.NONE));
		};
	}

	/**
	 * The values of the indicator for each unit, for the total ({@code dimension} empty: one value under the key "")
	 * or for each value of a dimension (those it knows, zeros included, and any other the records hold).
	 */
	public Map<Long, Map<String, Raw>> evaluate(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period,
			String dimension) {
		return evaluate(indicator, unitIds, period, dimension == null ? "" : dimension, 0);
	}

	private Map<Long, Map<String, Raw>> evaluate(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period,
			String dimension, int depth) {
		if (depth > 10) {
			throw new IllegalStateException("ratio nested too deep: " + indicator.code());
		}
		return switch (indicator.method()) {
			case COMPUTED -> computed(indicator, unitIds, period, dimension);
			case ENTERED -> entered(indicator, unitIds, period, dimension);
			case RATIO -> ratio(indicator, unitIds, period, dimension, depth);
		};
	}

	private Map<Long, Map<String, Raw>> computed(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period,
			String dimension) {
		Map<Long, Map<String, Raw>> result = new LinkedHashMap<>();
		Optional<Measure> found = measures.find(indicator.measure());
		if (found.isEmpty()) {
			unitIds.forEach(u -> result.put(u, total(Raw.missing(Status.NO_SOURCE))));
			return result;
		}
		Measure measure = found.get();
		boolean filtered = indicator.filterDimension() != null;
		if (filtered && !dimension.isEmpty()) {
			return result;
		}
		String read = filtered ? indicator.filterDimension() : dimension;
		Dimension definition = read.isEmpty() ? null : measure.dimension(read);
		if (!read.isEmpty() && definition == null) {
			return result;
		}
		Map<Long, Map<String, Long>> values;
		LocalDate asOf = asOf(period);
		switch (measure.kind()) {
			case STOCK -> values = reads.stock(measure.code(), unitIds, read, Buckets.month(asOf));
			case FLOW -> values = reads.flow(measure.code(), unitIds, read, Buckets.flowBuckets(period));
			case DISTINCT -> {
				if (period.isSpan()) {
					unitIds.forEach(u -> result.put(u, total(Raw.missing(Status.NOT_AVAILABLE))));
					return result;
				}
				values = reads.flow(measure.code(), unitIds, read, Buckets.flowBuckets(period));
			}
			case DURING -> {
				if (period.isSpan()) {
					unitIds.forEach(u -> result.put(u, total(Raw.missing(Status.NOT_AVAILABLE))));
					return result;
				}
				values = reads.stock(measure.stock(), unitIds, read, Buckets.month(asOf));
				Map<Long, Map<String, Long>> exits = reads.flow(measure.exits(), unitIds, read,
						Buckets.flowBuckets(period));
				exits.forEach((unit, byValue) -> byValue.forEach((value, n) -> values
					.computeIfAbsent(unit, k -> new HashMap<>()).merge(value, n, Long::sum)));
			}
			case COMMUNES -> {
				values = new HashMap<>();
				for (Map.Entry<LocalDate, List<Long>> group : byLastDay(unitIds, asOf).entrySet()) {
					reads.communes(group.getValue(), group.getKey()).forEach((unit, n) -> values.put(unit, Map.of("", n)));
				}
			}
			case COMMUNES_WITH -> {
				values = new HashMap<>();
				for (Map.Entry<LocalDate, List<Long>> group : byLastDay(unitIds, asOf).entrySet()) {
					values.putAll(reads.communesWith(measure.of(), group.getValue(), read, Buckets.flowBuckets(period),
							group.getKey()));
				}
			}
			default -> throw new IllegalStateException(measure.kind().name());
		}
		for (long unit : unitIds) {
			Map<String, Long> byValue = values.getOrDefault(unit, Map.of());
			if (filtered) {
				result.put(unit, total(Raw.of(byValue.getOrDefault(indicator.filterValue(), 0L), measure.privacy())));
			}
			else if (read.isEmpty()) {
				result.put(unit, total(Raw.of(byValue.getOrDefault("", 0L), measure.privacy())));
			}
			else {
				Map<String, Raw> cells = new LinkedHashMap<>();
				for (String value : keys(definition, byValue.keySet())) {
					cells.put(value, Raw.of(byValue.getOrDefault(value, 0L), measure.privacy()));
				}
				result.put(unit, cells);
			}
		}
		if (dimension.isEmpty()) {
			officialFigures(indicator, unitIds, period).forEach((unit, official) -> result.put(unit,
					total(Raw.official(official.value(), measure.privacy(), official.document()))));
		}
		return result;
	}

	private record Official(BigDecimal value, String document) {
	}

	/**
	 * The official figures entered from a document for the units and the period (a plan's baseline for a year the
	 * records do not cover); they stand in for what the records give, for the total only.
	 */
	private Map<Long, Official> officialFigures(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period) {
		Map<Long, Official> found = new HashMap<>();
		if (unitIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT unit_id, value, document FROM indicators.official_value
				WHERE indicator_code = :code AND period = :period AND unit_id IN (:units)""")
			.param("code", indicator.code()).param("period", period.code()).param("units", List.copyOf(unitIds))
			.query(rs -> {
				found.put(rs.getLong("unit_id"), new Official(rs.getBigDecimal("value"), rs.getString("document")));
			});
		return found;
	}

	/** The units grouped by the day their communes are counted on: the period's, or the unit's last day if earlier. */
	private Map<LocalDate, List<Long>> byLastDay(Collection<Long> unitIds, LocalDate asOf) {
		Map<LocalDate, List<Long>> groups = new LinkedHashMap<>();
		for (AdministrativeUnit unit : units.findAllById(unitIds)) {
			LocalDate day = unit.validTo() != null && unit.validTo().isBefore(asOf) ? unit.validTo() : asOf;
			groups.computeIfAbsent(day, k -> new ArrayList<>()).add(unit.id());
		}
		return groups;
	}

	private static List<String> keys(Dimension definition, Set<String> present) {
		Set<String> keys = new LinkedHashSet<>(definition.values());
		present.stream().sorted().forEach(keys::add);
		return List.copyOf(keys);
	}

	private static Map<String, Raw> total(Raw raw) {
		Map<String, Raw> cells = new LinkedHashMap<>();
		cells.put("", raw);
		return cells;
	}

	private Map<Long, Map<String, Raw>> entered(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period,
			String dimension) {
		Map<Long, Map<String, Raw>> result = new LinkedHashMap<>();
		Dimension definition = null;
		if (!dimension.isEmpty()) {
			if (!dimension.equals(indicator.entryDimension())) {
				return result;
			}
			definition = ENTRY_DIMENSIONS.getOrDefault(dimension, Dimension.open(dimension));
		}
		record Entry(long root, String dimValue, long unit, BigDecimal value, boolean locked) {
		}
		List<Entry> entries = new ArrayList<>();
		if (!unitIds.isEmpty()) {
			jdbc.sql("""
					WITH e AS (
					  SELECT r.root_id, v.unit_id, v.dim_value, v.value, v.locked_at IS NOT NULL AS locked
					  FROM indicators.entered_value v JOIN geography.unit_reach r ON r.unit_id = v.unit_id
					  WHERE r.root_id IN (:roots) AND v.indicator_code = :code AND v.period = :period
					    AND v.dimension = :dimension)
					SELECT e.* FROM e
					WHERE e.unit_id = e.root_id
					   OR NOT EXISTS (SELECT 1 FROM e a JOIN geography.unit_reach ar ON ar.root_id = a.unit_id
					                  AND ar.unit_id = e.unit_id
					                  WHERE a.root_id = e.root_id AND a.dim_value = e.dim_value AND a.unit_id <> e.unit_id)
					ORDER BY e.root_id, e.dim_value, e.unit_id""")
				.param("roots", List.copyOf(unitIds))
				.param("code", indicator.code())
				.param("period", period.code())
				.param("dimension", dimension)
				.query(rs -> {
					entries.add(new Entry(rs.getLong("root_id"), rs.getString("dim_value"), rs.getLong("unit_id"),
							rs.getBigDecimal("value"), rs.getBoolean("locked")));
				});
		}
		Map<Long, Map<String, List<Entry>>> byRoot = new HashMap<>();
		for (Entry e : entries) {
			byRoot.computeIfAbsent(e.root(), k -> new LinkedHashMap<>()).computeIfAbsent(e.dimValue(),
					k -> new ArrayList<>()).add(e);
		}
		for (long unit : unitIds) {
			Map<String, List<Entry>> cells = byRoot.getOrDefault(unit, Map.of());
			List<String> keys = definition == null ? List.of("") : keys(definition, cells.keySet());
			Map<String, Raw> values = new LinkedHashMap<>();
			for (String key : keys) {
				List<Entry> found = cells.getOrDefault(key, List.of());
				Entry own = found.stream().filter(e -> e.unit() == unit).findFirst().orElse(null);
				if (own != null) {
					values.put(key, new Raw(Status.VALUE, own.value(), null, null, Measure.Privacy.NONE, true, List.of(), own.locked(),
							null));
				}
				else if (!found.isEmpty() && indicator.sumsUp()) {
					BigDecimal sum = found.stream().map(Entry::value).reduce(BigDecimal.ZERO, BigDecimal::add);
					values.put(key, new Raw(Status.VALUE, sum, null, null, Measure.Privacy.NONE, false,
							found.stream().map(Entry::unit).toList(), false, null));
				}
				else {
					values.put(key, Raw.missing(Status.NOT_REPORTED));
				}
			}
			result.put(unit, values);
		}
		return result;
	}

	private Map<Long, Map<String, Raw>> ratio(Indicator indicator, Collection<Long> unitIds, IndicatorPeriod period,
			String dimension, int depth) {
		Map<Long, Map<String, Raw>> result = new LinkedHashMap<>();
		Indicator numerator = catalogue.apply(indicator.numerator()).orElse(null);
		Indicator denominator = catalogue.apply(indicator.denominator()).orElse(null);
		if (numerator == null || denominator == null) {
			unitIds.forEach(u -> result.put(u, total(Raw.missing(Status.NO_SOURCE))));
			return result;
		}
		if (!dimension.isEmpty() && dimensions(indicator).stream().noneMatch(d -> d.code().equals(dimension))) {
			return result;
		}
		Map<Long, Map<String, Raw>> above = evaluate(numerator, unitIds, period, dimension, depth + 1);
		Map<Long, Map<String, Raw>> below = evaluate(denominator, unitIds, period, dimension, depth + 1);
		for (long unit : unitIds) {
			Map<String, Raw> n = above.getOrDefault(unit, Map.of());
			Map<String, Raw> d = below.getOrDefault(unit, Map.of());
			Map<String, Raw> cells = new LinkedHashMap<>();
			Set<String> keys = new LinkedHashSet<>(n.keySet());
			keys.retainAll(d.keySet());
			for (String key : keys) {
				cells.put(key, divide(n.get(key), d.get(key), indicator.factor()));
			}
			result.put(unit, cells);
		}
		return result;
	}

	private static Raw divide(Raw numerator, Raw denominator, BigDecimal factor) {
		Measure.Privacy people = numerator.privacy().and(denominator.privacy());
		Status status;
		BigDecimal value = null;
		if (!numerator.hasValue() || !denominator.hasValue()) {
			status = worst(numerator.status(), denominator.status());
		}
		else if (denominator.value().signum() == 0) {
			status = Status.UNDEFINED;
		}
		else {
			status = Status.VALUE;
			value = numerator.value().multiply(factor).divide(denominator.value(), 2, RoundingMode.HALF_UP);
		}
		return new Raw(status, value, numerator, denominator, people, null, List.of(), false, null);
	}

	private static Status worst(Status a, Status b) {
		for (Status s : List.of(Status.NO_SOURCE, Status.NOT_AVAILABLE, Status.NOT_REPORTED, Status.UNDEFINED)) {
			if (a == s || b == s) {
				return s;
			}
		}
		return Status.VALUE;
	}

	/**
	 * The totals of one unit over several periods, reading a stock's deltas or a flow's buckets once rather than once
	 * per period where the indicator allows it (the line of a dashboard).
	 */
	public Map<IndicatorPeriod, Raw> series(Indicator indicator, long unitId, List<IndicatorPeriod> periods) {
		Map<IndicatorPeriod, Raw> series = new LinkedHashMap<>();
		if (indicator.method() == Method.RATIO) {
			Indicator numerator = catalogue.apply(indicator.numerator()).orElse(null);
			Indicator denominator = catalogue.apply(indicator.denominator()).orElse(null);
			if (numerator != null && denominator != null) {
				Map<IndicatorPeriod, Raw> above = series(numerator, unitId, periods);
				Map<IndicatorPeriod, Raw> below = series(denominator, unitId, periods);
				periods.forEach(p -> series.put(p, divide(above.get(p), below.get(p), indicator.factor())));
				return series;
			}
		}
		Measure measure = indicator.method() == Method.COMPUTED ? measures.find(indicator.measure()).orElse(null) : null;
		boolean spans = periods.stream().anyMatch(IndicatorPeriod::isSpan);
		if (measure != null && !spans && (measure.kind() == Measure.Kind.STOCK || measure.readByPeriod())) {
			Cell cell = indicator.filterDimension() == null ? Cell.TOTAL
					: new Cell(indicator.filterDimension(), indicator.filterValue());
			if (measure.kind() == Measure.Kind.STOCK) {
				Map<IndicatorPeriod, Integer> months = new LinkedHashMap<>();
				periods.forEach(p -> months.put(p, Buckets.month(asOf(p))));
				Map<Integer, Long> values = reads.stockSeries(measure.code(), unitId, cell, months.values());
				months.forEach((p, m) -> series.put(p, Raw.of(values.getOrDefault(m, 0L), measure.privacy())));
			}
			else {
				Map<IndicatorPeriod, Integer> buckets = new LinkedHashMap<>();
				periods.forEach(p -> buckets.put(p, Buckets.of(p.period())));
				Map<Integer, Long> values = reads.flowSeries(measure.code(), unitId, cell, buckets.values());
				buckets.forEach((p, b) -> series.put(p, Raw.of(values.getOrDefault(b, 0L), measure.privacy())));
			}
			for (IndicatorPeriod p : periods) {
				Official official = officialFigures(indicator, List.of(unitId), p).get(unitId);
				if (official != null) {
					series.put(p, Raw.official(official.value(), measure.privacy(), official.document()));
				}
			}
			return series;
		}
		periods.forEach(p -> series.put(p, total(indicator, unitId, p)));
		return series;
	}

	/** The period's value for one unit, as a total. */
	public Raw total(Indicator indicator, long unitId, IndicatorPeriod period) {
		return evaluate(indicator, List.of(unitId), period, "").getOrDefault(unitId, Map.of()).getOrDefault("",
				Raw.missing(Status.NOT_REPORTED));
	}

	boolean isEntered(Indicator indicator) {
		return indicator.method() == Method.ENTERED;
	}
}
