package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.reporting.ReportView.Origin;

/**
 * The figures of a report's annexes, stored with the report ({@code reporting.annex_figure}, written only here) so
 * that what a recipient reviews is what the reporting body submitted; filled again ({@link AnnexFill}) only while the
 * report is a draft or returned.
 */
@Component
class AnnexFigures {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final Units units;
	private final Annexes annexes;
	private final FigureSource figures;

	AnnexFigures(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Units units, Annexes annexes,
			FigureSource figures) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.units = units;
		this.annexes = annexes;
		this.figures = figures;
	}

	/** Fills the report's annexes again from the indicators and its subdivisions' accepted reports. */
	void refresh(long reportId, Obligation obligation) {
		jdbc.sql("DELETE FROM reporting.annex_figure WHERE report_id = :id").param("id", reportId).update();
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		List<Long> subdivisions = unit.level() == UnitLevel.COMMUNE ? List.of()
				: units.childrenOf(unit.id(), obligation.periodEnd()).stream().map(AdministrativeUnit::id).toList();
		Map<String, Map<Long, Map<String, BigDecimal>>> accepted = accepted(subdivisions, obligation.period());
		List<AnnexFill.Cell> cells = AnnexFill.fill(annexes.of(obligation.annexes()), unit.id(), subdivisions,
				obligation.period(), annex -> accepted.getOrDefault(annex, Map.of()), figures);
		batch.batchUpdate("""
				INSERT INTO reporting.annex_figure (report_id, annex, indicator_code, unit_id, value, origin)
				VALUES (:report, :annex, :code, :unit, :value, :origin)""",
				cells.stream().map(c -> new MapSqlParameterSource().addValue("report", reportId)
					.addValue("annex", c.annex()).addValue("code", c.code()).addValue("unit", c.unitId())
					.addValue("value", c.value()).addValue("origin", c.origin().name()))
					.toArray(MapSqlParameterSource[]::new));
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
				JOIN reporting.annex_figure f ON f.report_id = r.id AND f.unit_id = o.reporter_unit_id
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
	record Stored(String annex, String code, long unitId, BigDecimal value, Origin origin) {
	}

	List<Stored> of(long reportId) {
		return jdbc.sql("SELECT annex, indicator_code, unit_id, value, origin FROM reporting.annex_figure WHERE report_id = :id")
			.param("id", reportId)
			.query((rs, n) -> new Stored(rs.getString("annex"), rs.getString("indicator_code"), rs.getLong("unit_id"),
					rs.getBigDecimal("value"), Origin.valueOf(rs.getString("origin"))))
			.list();
	}
}
