package vn.vongtay.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.Period;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.reporting.ObligationRules.Key;
import vn.vongtay.reporting.ObligationRules.Owed;
import vn.vongtay.reporting.ObligationRules.Placed;
import vn.vongtay.reporting.ObligationRules.StandingRule;

/**
 * Makes the obligations the sources state ({@link ObligationRules}): the standing rules for the units of this year and
 * the last, and every plan's reporting regime. Making them again is a reconciliation: what the sources state and is
 * missing is added, what changed is updated (a due date an office set stays), and what they no longer state goes, or
 * is withdrawn when a report was started on it.
 */
@Component
@Transactional
public class ObligationSources {

	private static final Logger log = LoggerFactory.getLogger(ObligationSources.class);

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Plans plans;
	private final Agencies agencies;
	private final Annexes annexes;
	private final Clock clock;

	ObligationSources(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Jurisdictions jurisdictions, Units units,
			Plans plans, Agencies agencies, Annexes annexes, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.plans = plans;
		this.agencies = agencies;
		this.annexes = annexes;
		this.clock = clock;
	}

	/**
	 * Makes the obligations the sources state now (the standing rules for this year and the last, every plan's
	 * reporting regime) and reconciles them with those made before. Runs as the system. Answers how many were new.
	 */
	public int generate() {
		int[] made = { 0 };
		jurisdictions.runAsSystem("reporting", () -> {
			int year = LocalDate.now(clock).getYear();
			Lookup lookup = new Lookup();
			AdministrativeUnit nation = units.byCode(Units.NATION_CODE, LocalDate.now(clock));
			List<Owed> owed = new ArrayList<>();
			Set<String> standingPeriods = new LinkedHashSet<>();
			for (StandingRule rule : standingRules()) {
				for (int y = year - 1; y <= year; y++) {
					Period period = Period.parse(periodOf(rule, y));
					standingPeriods.add(period.code());
					owed.addAll(ObligationRules.standing(rule, y, placed(rule.reporterLevel(), period.end()), nation));
				}
			}
			for (PlanSummary plan : allPlans()) {
				owed.addAll(ObligationRules.ofPlan(plans.get(plan.id()), year, annexes.forPlan(plan.key()), lookup));
			}
			made[0] = reconcile(ObligationRules.merged(owed), standingPeriods);
		});
		if (made[0] > 0) {
			log.info("{} reporting obligations made", made[0]);
		}
		return made[0];
	}

	private static String periodOf(StandingRule rule, int year) {
		return switch (rule.periodKind()) {
			case HALF_YEAR -> Period.half(year, rule.periodNumber()).code();
			case QUARTER -> Period.quarter(year, rule.periodNumber()).code();
			case MONTH -> new Period(Period.Kind.MONTH, year, rule.periodNumber()).code();
			case YEAR -> Period.year(year).code();
		};
	}

	private List<PlanSummary> allPlans() {
		List<PlanSummary> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<PlanSummary> found = plans.list(null, null, page, 500);
			all.addAll(found);
			if (found.size() < 500) {
				return all;
			}
		}
	}

	private List<StandingRule> standingRules() {
		return jdbc.sql("SELECT * FROM reporting.standing_rule WHERE active ORDER BY id")
			.query((rs, n) -> new StandingRule(rs.getString("code"), ReportKind.valueOf(rs.getString("kind")),
					rs.getString("title"), UnitLevel.valueOf(rs.getString("reporter_level")), rs.getString("recipient"),
					Period.Kind.valueOf(rs.getString("period_kind")), rs.getInt("period_number"), rs.getInt("due_month"),
					rs.getInt("due_day"), List.of((String[]) rs.getArray("annexes").getArray()), rs.getString("basis"),
					rs.getBoolean("due_from_document")))
			.list();
	}

	/** The units of a level on the day, each with the unit above it on that day. */
	private List<Placed> placed(UnitLevel level, LocalDate on) {
		return jdbc.sql("""
				SELECT u.id, u.code, u.level, u.name, u.full_name, u.name_en, u.parent_id, u.province_code, u.valid_from,
				       u.valid_to, p.id AS p_id, p.code AS p_code, p.level AS p_level, p.name AS p_name,
				       p.full_name AS p_full_name, p.name_en AS p_name_en, p.parent_id AS p_parent_id,
				       p.province_code AS p_province_code, p.valid_from AS p_valid_from, p.valid_to AS p_valid_to
				FROM geography.unit u
				LEFT JOIN geography.unit p ON p.id = u.parent_id AND daterange(p.valid_from, p.valid_to, '[]') @> CAST(:on AS date)
				WHERE u.level = :level AND daterange(u.valid_from, u.valid_to, '[]') @> CAST(:on AS date)
				ORDER BY u.code""")
			.param("level", level.name())
			.param("on", on)
			.query((rs, n) -> new Placed(unit(rs, ""), rs.getObject("p_id") == null ? null : unit(rs, "p_")))
			.list();
	}

	private static AdministrativeUnit unit(ResultSet rs, String prefix) throws SQLException {
		return new AdministrativeUnit(rs.getLong(prefix.isEmpty() ? "id" : prefix + "id"), rs.getString(prefix + "code"),
				UnitLevel.valueOf(rs.getString(prefix + "level")), rs.getString(prefix + "name"),
				rs.getString(prefix + "full_name"), rs.getString(prefix + "name_en"),
				(Long) rs.getObject(prefix + "parent_id"), null, rs.getString(prefix + "province_code"),
				rs.getObject(prefix + "valid_from", LocalDate.class), rs.getObject(prefix + "valid_to", LocalDate.class));
	}

	/** Reads the directory and the units once per run. */
	private final class Lookup implements ObligationRules.Directory {

		private final Map<Long, Optional<Agency>> agencyById = new HashMap<>();
		private final Map<Long, Optional<AdministrativeUnit>> unitById = new HashMap<>();
		private final Map<String, List<AdministrativeUnit>> children = new HashMap<>();

		@Override
		public Optional<Agency> agency(long id) {
			return agencyById.computeIfAbsent(id, agencies::find);
		}

		@Override
		public Optional<AdministrativeUnit> unit(long id) {
			return unitById.computeIfAbsent(id, units::findById);
		}

		@Override
		public List<AdministrativeUnit> childrenOf(long unitId, LocalDate on) {
			return children.computeIfAbsent(unitId + "@" + on, k -> units.childrenOf(unitId, on));
		}
	}

	private record Existing(long id, String source, Key key, Map<String, Object> values, boolean dueSet,
			boolean hasReport) {
	}

	/**
	 * Adds what is owed and missing, updates what changed, and removes what the sources within the scope (every plan;
	 * the standing rules for the periods made now) no longer state: deleted when nobody started its report, withdrawn
	 * with the reason otherwise.
	 */
	private int reconcile(List<Owed> owed, Set<String> standingPeriods) {
		Map<Key, Existing> existing = new HashMap<>();
		jdbc.sql("""
				SELECT o.*, EXISTS (SELECT 1 FROM reporting.report r WHERE r.obligation_id = o.id) AS has_report
				FROM reporting.obligation o
				WHERE o.withdrawn_at IS NULL
				  AND (o.source LIKE 'PLAN:%' OR (o.source LIKE 'STANDING:%' AND o.period IN (:periods)))""")
			.param("periods", List.copyOf(standingPeriods))
			.query(rs -> {
				Existing e = new Existing(rs.getLong("id"), rs.getString("source"),
						new Key(rs.getLong("reporter_unit_id"), zero(rs, "reporter_agency_id"),
								BodyKind.valueOf(rs.getString("recipient_kind")), rs.getLong("recipient_unit_id"),
								zero(rs, "recipient_agency_id"), rs.getString("period")),
						stored(rs), rs.getString("due_set_by") != null, rs.getBoolean("has_report"));
				existing.put(e.key(), e);
			});
		List<MapSqlParameterSource> inserts = new ArrayList<>();
		List<MapSqlParameterSource> updates = new ArrayList<>();
		Set<Key> wanted = new HashSet<>();
		for (Owed o : owed) {
			wanted.add(o.key());
			Existing found = existing.get(o.key());
			MapSqlParameterSource row = row(o);
			if (found == null) {
				inserts.add(row);
			}
			else if (found.source().equals(o.source()) && changed(found, row)) {
				updates.add(row.addValue("id", found.id()).addValue("keepDue", found.dueSet()));
			}
		}
		int made = Arrays.stream(batch.batchUpdate("""
				INSERT INTO reporting.obligation (source, plan_id, kind, title, reporter_unit_id, reporter_agency_id,
				       reporter_acting_agency_id, reporter_by_officers, reporter_name, recipient_kind, recipient_unit_id,
				       recipient_agency_id, recipient_acting_agency_id, recipient_by_officers, recipient_name, period,
				       period_end, due_on, due_assumed, due_rule, annexes, basis, province_code)
				VALUES (:source, :planId, :kind, :title, :reporterUnit, :reporterAgency, :reporterActing,
				       :reporterByOfficers, :reporterName, :recipientKind, :recipientUnit, :recipientAgency,
				       :recipientActing, :recipientByOfficers, :recipientName, :period, :periodEnd, :dueOn, :dueAssumed,
				       :dueRule, :annexes, :basis, :province)
				ON CONFLICT (reporter_unit_id, COALESCE(reporter_agency_id, 0), recipient_kind, recipient_unit_id,
				             COALESCE(recipient_agency_id, 0), period) WHERE withdrawn_at IS NULL DO NOTHING""",
				inserts.toArray(MapSqlParameterSource[]::new))).sum();
		batch.batchUpdate("""
				UPDATE reporting.obligation SET plan_id = :planId, kind = :kind, title = :title,
				       reporter_acting_agency_id = :reporterActing, reporter_by_officers = :reporterByOfficers,
				       reporter_name = :reporterName, recipient_acting_agency_id = :recipientActing,
				       recipient_by_officers = :recipientByOfficers, recipient_name = :recipientName,
				       period_end = :periodEnd, annexes = :annexes, basis = :basis, province_code = :province,
				       due_on = CASE WHEN :keepDue THEN due_on ELSE :dueOn END,
				       due_assumed = CASE WHEN :keepDue THEN due_assumed ELSE :dueAssumed END,
				       due_rule = CASE WHEN :keepDue THEN due_rule ELSE :dueRule END
				WHERE id = :id""", updates.toArray(MapSqlParameterSource[]::new));
		List<Long> gone = new ArrayList<>();
		List<Long> withdrawn = new ArrayList<>();
		existing.values().stream().filter(e -> !wanted.contains(e.key()))
			.forEach(e -> (e.hasReport() ? withdrawn : gone).add(e.id()));
		if (!gone.isEmpty()) {
			jdbc.sql("DELETE FROM reporting.reminder WHERE obligation_id IN (:ids)").param("ids", gone).update();
			jdbc.sql("DELETE FROM reporting.obligation WHERE id IN (:ids)").param("ids", gone).update();
		}
		if (!withdrawn.isEmpty()) {
			jdbc.sql("""
					UPDATE reporting.obligation SET withdrawn_at = :now,
					       withdrawn_reason = 'Văn bản làm căn cứ không còn nêu nghĩa vụ báo cáo này.'
					WHERE id IN (:ids)""")
				.param("now", OffsetDateTime.now(clock)).param("ids", withdrawn).update();
		}
		return made;
	}

	private static long zero(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? 0 : value;
	}

	/** The parameters of an obligation as stored. */
	private static MapSqlParameterSource row(Owed o) {
		return new MapSqlParameterSource().addValue("source", o.source()).addValue("planId", o.planId())
			.addValue("kind", o.kind().name()).addValue("title", o.title())
			.addValue("reporterUnit", o.reporter().unitId()).addValue("reporterAgency", o.reporter().agencyId())
			.addValue("reporterActing", o.reporter().actingAgencyId())
			.addValue("reporterByOfficers", o.reporter().officers()).addValue("reporterName", o.reporter().name())
			.addValue("recipientKind", o.recipient().kind().name()).addValue("recipientUnit", o.recipient().unitId())
			.addValue("recipientAgency", o.recipient().agencyId())
			.addValue("recipientActing", o.recipient().actingAgencyId())
			.addValue("recipientByOfficers", o.recipient().officers()).addValue("recipientName", o.recipient().name())
			.addValue("period", o.period()).addValue("periodEnd", o.periodEnd()).addValue("dueOn", o.due().on())
			.addValue("dueAssumed", o.due().assumed()).addValue("dueRule", o.due().rule())
			.addValue("annexes", o.annexes().toArray(String[]::new)).addValue("basis", o.basis())
			.addValue("province", o.provinceCode());
	}

	/** The values an update may change, as stored, under the names {@link #row} gives them. */
	private static Map<String, Object> stored(ResultSet rs) throws SQLException {
		Map<String, Object> v = new HashMap<>();
		v.put("planId", rs.getObject("plan_id"));
		v.put("kind", rs.getString("kind"));
		v.put("title", rs.getString("title"));
		v.put("reporterActing", rs.getObject("reporter_acting_agency_id"));
		v.put("reporterByOfficers", rs.getBoolean("reporter_by_officers"));
		v.put("reporterName", rs.getString("reporter_name"));
		v.put("recipientActing", rs.getObject("recipient_acting_agency_id"));
		v.put("recipientByOfficers", rs.getBoolean("recipient_by_officers"));
		v.put("recipientName", rs.getString("recipient_name"));
		v.put("periodEnd", rs.getObject("period_end", LocalDate.class));
		v.put("dueOn", rs.getObject("due_on", LocalDate.class));
		v.put("dueAssumed", rs.getBoolean("due_assumed"));
		v.put("dueRule", rs.getString("due_rule"));
		v.put("annexes", List.of((String[]) rs.getArray("annexes").getArray()));
		v.put("basis", rs.getString("basis"));
		v.put("province", rs.getString("province_code"));
		return v;
	}

	private static boolean changed(Existing found, MapSqlParameterSource row) {
		for (Map.Entry<String, Object> stored : found.values().entrySet()) {
			if (found.dueSet() && stored.getKey().startsWith("due")) {
				continue;
			}
			Object wanted = row.getValue(stored.getKey());
			if (wanted instanceof String[] list) {
				wanted = List.of(list);
			}
			if (wanted instanceof Number n && stored.getValue() instanceof Number m
					? n.longValue() != m.longValue() : !Objects.equals(wanted, stored.getValue())) {
				return true;
			}
		}
		return false;
	}
}
