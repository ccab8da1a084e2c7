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

	/** A figure as a report stores it. */
	record Cell(String annex, String code, long unitId, BigDecimal value, Origin origin) {
	}

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
