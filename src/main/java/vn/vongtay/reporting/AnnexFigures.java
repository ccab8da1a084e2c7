package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.planning.Measure;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.Plans;
import vn.vongtay.reporting.ReportView.Origin;

/**
 * The figures of a report's annexes, stored with the report ({@code reporting.annex_figure}, written only here) so
 * that what a recipient reviews is what the reporting body submitted; filled again ({@link AnnexFill}) only while the
 * report is a draft or returned. A table of units reads the indicators once for all its units; a breakdown reads the
 * reporting unit's values by its dimensions; a table of targets reads the plan the report is on.
 */
@Component
class AnnexFigures {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final Units units;
	private final Annexes annexes;
	private final FigureSource figures;
	private final Plans plans;
	private final Jurisdictions jurisdictions;

	AnnexFigures(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Units units, Annexes annexes,
			FigureSource figures, Plans plans, Jurisdictions jurisdictions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.units = units;
		this.annexes = annexes;
		this.figures = figures;
		this.plans = plans;
		this.jurisdictions = jurisdictions;
	}

	/** Fills the report's annexes again from the indicators, its subdivisions' accepted reports and its plan. */
	void refresh(long reportId, Obligation obligation) {
		jdbc.sql("DELETE FROM reporting.annex_figure WHERE report_id = :id").param("id", reportId).update();
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		List<Annex> all = annexes.of(obligation.annexes());
		List<AnnexFill.Cell> cells = new ArrayList<>();
		List<Annex> tablesOfUnits = all.stream().filter(a -> a.kind() == Annex.Kind.UNITS).toList();
		if (!tablesOfUnits.isEmpty()) {
			List<Long> subdivisions = unit.level() == UnitLevel.COMMUNE ? List.of()
					: units.childrenOf(unit.id(), obligation.periodEnd()).stream().map(AdministrativeUnit::id).toList();
			Map<String, Map<Long, Map<String, BigDecimal>>> accepted = accepted(subdivisions, obligation.period());
			cells.addAll(AnnexFill.fill(tablesOfUnits, unit.id(), subdivisions, obligation.period(),
					annex -> accepted.getOrDefault(annex, Map.of()), figures));
		}
		for (Annex annex : all) {
			if (annex.kind() == Annex.Kind.BREAKDOWN) {
				cells.addAll(AnnexFill.breakdown(annex, unit.id(),
						figures.breakdowns(unit.id(), obligation.period(), annex.indicators(), annex.dimensions())));
			}
			else if (annex.kind() == Annex.Kind.TARGETS) {
				List<AnnexFill.TargetLine> targets = targets(obligation);
				List<String> bound = targets.stream().map(AnnexFill.TargetLine::indicatorCode)
					.filter(java.util.Objects::nonNull).distinct().toList();
				Map<String, FigureSource.Figure> achieved = bound.isEmpty() ? Map.of()
						: figures.figures(List.of(unit.id()), obligation.period(), bound).getOrDefault(unit.id(), Map.of());
				cells.addAll(AnnexFill.targets(annex, unit.id(), targets, achieved));
			}
		}
		batch.batchUpdate("""
				INSERT INTO reporting.annex_figure (report_id, annex, row_key, row_label, row_order, indicator_code,
				       unit_id, value, origin)
				VALUES (:report, :annex, :rowKey, :rowLabel, :rowOrder, :code, :unit, :value, :origin)""",
				cells.stream().map(c -> new MapSqlParameterSource().addValue("report", reportId)
					.addValue("annex", c.annex()).addValue("rowKey", c.rowKey()).addValue("rowLabel", c.rowLabel())
					.addValue("rowOrder", c.rowOrder()).addValue("code", c.code()).addValue("unit", c.unitId())
					.addValue("value", c.value()).addValue("origin", c.origin().name()))
					.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * The targets of the plan the report is on, each part of a target holding several on its own: the value for the
	 * period's year, or the next year the plan sets one (a 2023 report of Bình Long reads its 2025 targets), with the
	 * year in the label.
	 */
	private List<AnnexFill.TargetLine> targets(Obligation obligation) {
		if (obligation.planId() == null) {
			return List.of();
		}
		// the plan is a public document of its unit, read whole (see ReportViews#tasks)
		PlanDetail[] read = new PlanDetail[1];
		jurisdictions.runAsSystem("reporting", () -> read[0] = plans.get(obligation.planId()));
		PlanDetail plan = read[0];
		int year = obligation.periodEnd().getYear();
		List<AnnexFill.TargetLine> lines = new ArrayList<>();
		for (PlanDetail.Objective objective : plan.objectives()) {
			for (PlanDetail.Target target : objective.targets()) {
				for (PlanDetail.Target leaf : target.parts().isEmpty() ? List.of(target) : target.parts()) {
					lines.add(line(leaf, year));
				}
			}
		}
		return lines;
	}

	private static AnnexFill.TargetLine line(PlanDetail.Target target, int year) {
		SortedMap<Integer, BigDecimal> from = target.values().tailMap(year);
		Integer targetYear = from.isEmpty() ? (target.values().isEmpty() ? null : target.values().lastKey())
				: from.firstKey();
		String unit = target.unit() == Measure.PERCENT ? " (%)" : target.unit() == Measure.QUALITATIVE ? " (định tính)" : "";
		String label = target.code() + ". " + abbreviate(target.statement(), 240) + unit
				+ (targetYear == null ? "" : " — chỉ tiêu năm " + targetYear);
		return new AnnexFill.TargetLine(target.code(), label, targetYear == null ? null : target.values().get(targetYear),
				target.indicatorCode());
	}

	private static String abbreviate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * Per annex, the figures of the committee reports the subdivisions had accepted for the period (the latest
	 * accepted when there are several), in one read.
	 */
	private Map<String, Map<Long, Map<String, BigDecimal>>> accepted(List<Long> subdivisions, String period) {
		Map<String, Map<Long, Map<String, BigDecimal>>> byAnnex = new HashMap<>();
		if (subdivisions.isEmpty()) {
			return byAnnex;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (o.reporter_unit_id, f.annex, f.indicator_code)
				       o.reporter_unit_id, f.annex, f.indicator_code, f.value
				FROM reporting.report r
				JOIN reporting.obligation o ON o.id = r.obligation_id
				JOIN reporting.annex_figure f ON f.report_id = r.id AND f.unit_id = o.reporter_unit_id AND f.row_key = ''
				WHERE o.reporter_unit_id IN (:units) AND o.reporter_agency_id IS NULL AND o.period = :period
				  AND r.status = 'ACCEPTED'
				ORDER BY o.reporter_unit_id, f.annex, f.indicator_code, r.accepted_at DESC""")
			.param("units", subdivisions).param("period", period)
			.query(rs -> {
				byAnnex.computeIfAbsent(rs.getString("annex"), k -> new HashMap<>())
					.computeIfAbsent(rs.getLong("reporter_unit_id"), k -> new HashMap<>())
					.put(rs.getString("indicator_code"), rs.getBigDecimal("value"));
			});
		return byAnnex;
	}

	/** A stored figure. */
	record Stored(String annex, String rowKey, String rowLabel, String code, long unitId, BigDecimal value,
			Origin origin) {
	}

	/** The report's figures, rows in the order they were filled. */
	List<Stored> of(long reportId) {
		return jdbc.sql("""
				SELECT annex, row_key, row_label, indicator_code, unit_id, value, origin FROM reporting.annex_figure
				WHERE report_id = :id ORDER BY annex, row_order, row_key""")
			.param("id", reportId)
			.query((rs, n) -> new Stored(rs.getString("annex"), rs.getString("row_key"), rs.getString("row_label"),
					rs.getString("indicator_code"), rs.getLong("unit_id"), rs.getBigDecimal("value"),
					Origin.valueOf(rs.getString("origin"))))
			.list();
	}
}
