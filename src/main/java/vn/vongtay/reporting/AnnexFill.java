package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import vn.vongtay.reporting.ReportView.Origin;

/**
 * How a report's annexes are filled: for each subdivision the figures of its accepted report for the period, or the
 * live ones while it has none; for the reporting unit its own figures, except a count, which is the sum of its
 * subdivisions' rows when all of them have it (a rate is the unit's own, never summed). The live figures of an annex
 * are asked once, for all its units together. Spring-free.
 */
final class AnnexFill {

	/**
	 * A figure as a report stores it: in a table of units, the unit's row ({@code rowKey} empty); in a breakdown or a
	 * table of targets, the reporting unit's row named {@code rowKey} (sex:FEMALE, a target's code) and labelled.
	 */
	record Cell(String annex, String rowKey, String rowLabel, int rowOrder, String code, long unitId, BigDecimal value,
			Origin origin) {

		Cell(String annex, String code, long unitId, BigDecimal value, Origin origin) {
			this(annex, "", null, 0, code, unitId, value, origin);
		}
	}

	/** A target of the plan a report is on, as its annex lists it: the value for the year, the indicator it is bound to. */
	record TargetLine(String code, String label, BigDecimal target, String indicatorCode) {
	}

	/** The columns of a table of targets: the plan's value for the year, and what was achieved. */
	static final String TARGET = "TARGET";
	static final String ACHIEVED = "ACHIEVED";

	private AnnexFill() {
	}

	/**
	 * @param accepted per annex code, the figures of each subdivision's accepted report for the period (subdivisions
	 *        without one are absent)
	 */
	static List<Cell> fill(List<Annex> annexes, long unitId, List<Long> subdivisions, String period,
			Function<String, Map<Long, Map<String, BigDecimal>>> accepted, FigureSource source) {
		List<Cell> cells = new ArrayList<>();
		for (Annex annex : annexes) {
			Map<String, FigureSource.Column> columns = source.columns(annex.indicators());
			Map<Long, Map<String, BigDecimal>> reported = accepted.apply(annex.code());
			Set<Long> live = new LinkedHashSet<>();
			live.add(unitId);
			subdivisions.stream().filter(s -> !reported.containsKey(s)).forEach(live::add);
			Map<Long, Map<String, FigureSource.Figure>> figures = source.figures(live, period, columns.keySet());
			Map<String, BigDecimal> sums = new HashMap<>();
			Set<String> incomplete = new HashSet<>();
			for (long sub : subdivisions) {
				for (FigureSource.Column column : columns.values()) {
					Cell cell = reported.containsKey(sub)
							? stored(annex, column, sub, reported.get(sub).get(column.code()), Origin.REPORTED)
							: live(annex, column, sub, figures);
					cells.add(cell);
					if (cell.value() == null) {
						incomplete.add(column.code());
					}
					else {
						sums.merge(column.code(), cell.value(), BigDecimal::add);
					}
				}
			}
			for (FigureSource.Column column : columns.values()) {
				boolean summed = !subdivisions.isEmpty() && !column.rate() && !incomplete.contains(column.code());
				cells.add(summed ? new Cell(annex.code(), column.code(), unitId, sums.get(column.code()), Origin.SUMMED)
						: live(annex, column, unitId, figures));
			}
		}
		return cells;
	}

	/**
	 * A breakdown: for each dimension of the annex and each of its values any indicator has, one row of the reporting
	 * unit's figures; a value an indicator does not have is missing, a hidden small count stays hidden.
	 */
	static List<Cell> breakdown(Annex annex, long unitId, Map<String, List<FigureSource.Part>> parts) {
		List<Cell> cells = new ArrayList<>();
		int order = 0;
		for (String dimension : annex.dimensions()) {
			Map<String, String> rows = new java.util.LinkedHashMap<>();
			parts.values().forEach(list -> list.stream().filter(p -> p.dimension().equals(dimension))
				.forEach(p -> rows.putIfAbsent(p.key(), p.label())));
			for (Map.Entry<String, String> row : rows.entrySet()) {
				order++;
				for (String code : parts.keySet()) {
					FigureSource.Part part = parts.get(code).stream()
						.filter(p -> p.dimension().equals(dimension) && p.key().equals(row.getKey())).findFirst()
						.orElse(null);
					Origin origin = part == null || part.value() == null && !part.suppressed() ? Origin.MISSING
							: part.suppressed() ? Origin.SUPPRESSED : Origin.COMPUTED;
					cells.add(new Cell(annex.code(), dimension + ":" + row.getKey(), row.getValue(), order, code, unitId,
							part == null ? null : part.value(), origin));
				}
			}
		}
		return cells;
	}

	/**
	 * A table of targets: one row per target, its value for the year ({@code null} for a qualitative one) and what its
	 * indicator gives for the reporting unit (missing for a target no indicator is bound to).
	 */
	static List<Cell> targets(Annex annex, long unitId, List<TargetLine> targets,
			Map<String, FigureSource.Figure> achieved) {
		List<Cell> cells = new ArrayList<>();
		int order = 0;
		for (TargetLine target : targets) {
			order++;
			cells.add(new Cell(annex.code(), target.code(), target.label(), order, TARGET, unitId, target.target(),
					target.target() == null ? Origin.MISSING : Origin.PLANNED));
			FigureSource.Figure figure = target.indicatorCode() == null ? FigureSource.Figure.NONE
					: achieved.getOrDefault(target.indicatorCode(), FigureSource.Figure.NONE);
			cells.add(new Cell(annex.code(), target.code(), target.label(), order, ACHIEVED, unitId, figure.value(),
					figure.suppressed() ? Origin.SUPPRESSED : figure.value() == null ? Origin.MISSING : Origin.COMPUTED));
		}
		return cells;
	}

	private static Cell stored(Annex annex, FigureSource.Column column, long unitId, BigDecimal value, Origin origin) {
		return new Cell(annex.code(), column.code(), unitId, value, value == null ? Origin.MISSING : origin);
	}

	private static Cell live(Annex annex, FigureSource.Column column, long unitId,
			Map<Long, Map<String, FigureSource.Figure>> figures) {
		FigureSource.Figure figure = figures.getOrDefault(unitId, Map.of()).getOrDefault(column.code(),
				FigureSource.Figure.NONE);
		Origin origin = figure.suppressed() ? Origin.SUPPRESSED
				: figure.value() == null ? Origin.MISSING : column.entered() ? Origin.ENTERED : Origin.COMPUTED;
		return new Cell(annex.code(), column.code(), unitId, figure.value(), origin);
	}
}
