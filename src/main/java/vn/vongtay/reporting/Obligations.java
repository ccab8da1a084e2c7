package vn.vongtay.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ReportKind;
import vn.vongtay.reporting.ObligationRules.Body;
import vn.vongtay.reporting.ObligationRules.Key;
import vn.vongtay.reporting.ObligationRules.Owed;
import vn.vongtay.reporting.ObligationRules.Placed;
import vn.vongtay.reporting.ObligationRules.StandingRule;

/**
 * What each body owes whom and when. Obligations are made from the sources ({@link ObligationRules}): the standing
 * rules for the units of this year and the last, and every plan's reporting regime. Making them again is a
 * reconciliation: what the sources state and is missing is added, what changed is updated (a due date an office set
 * stays), and what they no longer state goes, or is withdrawn when a report was started on it. Lists show what the
 * caller's unit or agency owes, and what is owed to it, the overdue and due first.
 */
@Component
@Transactional
public class Obligations {

	private static final Logger log = LoggerFactory.getLogger(Obligations.class);

	static final String SELECT = """
			SELECT o.*, ru.code AS reporter_code, ru.full_name AS reporter_unit_name, ru.level AS reporter_level,
			       cu.code AS recipient_code,
			       cu.level AS recipient_level, r.id AS report_id, r.status AS report_status, r.first_submitted_at,
			       r.accepted_at
			FROM reporting.obligation o
			JOIN geography.unit ru ON ru.id = o.reporter_unit_id
			JOIN geography.unit cu ON cu.id = o.recipient_unit_id
			LEFT JOIN reporting.report r ON r.obligation_id = o.id
			""";

	/** Not yet submitted first, by deadline; then the submitted, latest deadline first. */
	static final String ORDER = " ORDER BY (r.first_submitted_at IS NULL) DESC,"
			+ " CASE WHEN r.first_submitted_at IS NULL THEN o.due_on END ASC, o.due_on DESC, o.id";

	/** The levels of the caller's own units: officers act at their level. */
	private static final String ROOT_LEVELS = "(SELECT g.level FROM geography.unit g WHERE g.id IN (:jurisdictionRoots))";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Plans plans;
	private final Agencies agencies;
	private final Annexes annexes;
	private final AuditLog audit;
	private final Clock clock;
	private final int reminderDays;

	Obligations(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Jurisdictions jurisdictions, Units units,
			Plans plans, Agencies agencies, Annexes annexes, AuditLog audit, Clock clock,
			@Value("${vongtay.reporting.reminder-days:7}") int reminderDays) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.plans = plans;
		this.agencies = agencies;
		this.annexes = annexes;
		this.audit = audit;
		this.clock = clock;
		this.reminderDays = reminderDays;
	}

	// --- making obligations ---

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
		Set<Key> wanted = new java.util.HashSet<>();
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

	// --- the receiving office sets a due date ---

	/**
	 * The receiving office sets the due date of a report it receives, for every body that owes the same report for the
	 * period (a date the source did not give, or a later correction). A report already submitted is judged against the
	 * new date.
	 */
	public void setDueDate(long id, int version, LocalDate dueOn) {
		SignedInUser user = Jurisdictions.requireUser();
		Obligation obligation = get(id);
		if (!isRecipient(obligation, user)) {
			throw new UserFacingException(403, "reporting.error.not-recipient", obligation.recipientName());
		}
		if (dueOn == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("dueOn", "error.field.required", "dueOn")));
		}
		if (dueOn.isBefore(obligation.periodEnd().minusYears(1)) || dueOn.isAfter(obligation.periodEnd().plusYears(1))) {
			throw UserFacingException.rejected(List.of(InputProblem.field("dueOn", "reporting.error.due-out-of-range",
					VietnameseFormats.date(dueOn), obligation.period())));
		}
		int changed = jdbc.sql("UPDATE reporting.obligation SET version = version + 1 WHERE id = :id AND version = :version")
			.param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("obligation " + id + " changed since version " + version);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		String rule = "Hạn do " + obligation.recipientName() + " đặt (" + user.displayName() + ", ngày "
				+ VietnameseFormats.date(now.toLocalDate()) + ").";
		int siblings = jdbc.sql("""
				UPDATE reporting.obligation SET due_on = :due, due_assumed = FALSE, due_rule = :rule, due_set_by = :by,
				       due_set_at = :now
				WHERE source = :source AND period = :period AND recipient_kind = :kind AND recipient_unit_id = :unit
				  AND COALESCE(recipient_agency_id, 0) = :agency AND withdrawn_at IS NULL""")
			.param("due", dueOn).param("rule", rule).param("by", user.displayName()).param("now", now)
			.param("source", obligation.source()).param("period", obligation.period())
			.param("kind", obligation.recipientKind().name()).param("unit", obligation.recipientUnitId())
			.param("agency", obligation.recipientAgencyId() == null ? 0L : obligation.recipientAgencyId())
			.update();
		audit.record("OBLIGATION_DUE_SET", "Obligation", id, obligation.recipientUnitId(),
				obligation.period() + " " + dueOn + " (" + siblings + ")");
	}

	// --- who acts for the bodies ---

	/** Whether the user drafts, writes and submits the obligation's report. */
	@Transactional(readOnly = true)
	public boolean isReporter(Obligation obligation, SignedInUser user) {
		return ActingFor.reporter(obligation, user, jurisdictions.covers(obligation.reporterUnitId()), rootLevels(user));
	}

	/** Whether the user accepts or returns the obligation's report and sets its due date. */
	@Transactional(readOnly = true)
	public boolean isRecipient(Obligation obligation, SignedInUser user) {
		return ActingFor.recipient(obligation, user, jurisdictions.covers(obligation.recipientUnitId()),
				rootLevels(user));
	}

	private Set<String> rootLevels(SignedInUser user) {
		Set<String> levels = new LinkedHashSet<>();
		units.findAllById(user.unitIds()).forEach(u -> levels.add(u.level().name()));
		return levels;
	}

	// --- reading ---

	/**
	 * What the caller's unit or agency owes, bound by {@link #bindCaller}: the officers of a unit what their units owe
	 * at their own level, the focal points of an agency what it owes.
	 */
	private static String owedByCaller(Jurisdiction jurisdiction) {
		return "((:officer AND o.reporter_by_officers AND ru.level IN " + ROOT_LEVELS + " AND "
				+ jurisdiction.restrict("o.reporter_unit_id") + ")"
				+ " OR o.reporter_acting_agency_id = :agency OR o.reporter_agency_id = :agency)";
	}

	/**
	 * What is owed to the caller's unit or agency: the officers of a unit what their committee or child-affairs office
	 * receives at their level, a chairman what the commune owes its council, the system administrators what the
	 * provinces owe the ministry, the focal points of an agency what it receives.
	 */
	private static String receivedByCaller(Jurisdiction jurisdiction) {
		String recipientIn = jurisdiction.restrict("o.recipient_unit_id");
		return "((:officer AND o.recipient_by_officers AND cu.level IN " + ROOT_LEVELS + " AND " + recipientIn + ")"
				+ " OR (:chairman AND o.recipient_kind = 'COUNCIL' AND " + recipientIn + ")"
				+ " OR (:admin AND o.recipient_kind = 'MINISTRY')"
				+ " OR o.recipient_acting_agency_id = :agency OR o.recipient_agency_id = :agency)";
	}

	/** The obligations the caller sees in a list of a kind and period: within their jurisdiction, or their agency's. */
	static String visibleToCaller(Jurisdiction jurisdiction) {
		return "((:officer AND " + jurisdiction.restrict("o.reporter_unit_id") + ") OR o.reporter_acting_agency_id = :agency"
				+ " OR o.reporter_agency_id = :agency OR o.recipient_acting_agency_id = :agency"
				+ " OR o.recipient_agency_id = :agency)";
	}

	/** Binds the caller's jurisdiction, agency and roles to the conditions above. */
	static JdbcClient.StatementSpec bindCaller(JdbcClient.StatementSpec statement, SignedInUser user) {
		return user.jurisdiction().bind(statement)
			.param("officer", ActingFor.readsJurisdiction(user))
			.param("chairman", user.has(Role.COMMUNE_CHAIRMAN))
			.param("admin", user.has(Role.SYSTEM_ADMIN))
			.param("agency", user.agencyId() == null ? -1L : user.agencyId());
	}

	/** @throws UserFacingException 403 when the caller's roles read no periodic reports */
	static SignedInUser requireReader() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, NeedToKnow.Data.PERIODIC_REPORTS, NeedToKnow.Use.READ);
		return user;
	}

	/** What the caller's unit or agency owes (a commune officer: their commune's reports), due and overdue first. */
	@Transactional(readOnly = true)
	public List<Obligation> owed(String unitCode, int page, int size) {
		SignedInUser user = requireReader();
		return bindCaller(jdbc.sql(SELECT + " WHERE o.withdrawn_at IS NULL AND " + owedByCaller(user.jurisdiction())
				+ " AND (CAST(:unit AS text) IS NULL OR ru.code = :unit)" + ORDER + " LIMIT :limit OFFSET :offset"), user)
			.param("unit", blank(unitCode))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** What is owed to the caller's unit or agency (a province officer: the communes' reports), due and overdue first. */
	@Transactional(readOnly = true)
	public List<Obligation> receivable(ReportKind kind, String period, int page, int size) {
		SignedInUser user = requireReader();
		return bindCaller(jdbc.sql(SELECT + " WHERE o.withdrawn_at IS NULL AND " + receivedByCaller(user.jurisdiction())
				+ """
						 AND (CAST(:kind AS text) IS NULL OR o.kind = :kind)
						 AND (CAST(:period AS text) IS NULL OR o.period = :period)""" + ORDER
				+ " LIMIT :limit OFFSET :offset"), user)
			.param("kind", kind == null ? null : kind.name())
			.param("period", blank(period))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The obligations of a unit (and the units it reaches) the caller sees: the API's list. */
	@Transactional(readOnly = true)
	public List<Obligation> ofUnit(String unitCode, int page, int size) {
		SignedInUser user = requireReader();
		return bindCaller(jdbc.sql(SELECT + " WHERE o.withdrawn_at IS NULL AND " + visibleToCaller(user.jurisdiction())
				+ """
						 AND (CAST(:unit AS text) IS NULL OR o.reporter_unit_id IN (
						      SELECT r.unit_id FROM geography.unit_reach r JOIN geography.unit g ON g.id = r.root_id
						      WHERE g.code = :unit))""" + ORDER + " LIMIT :limit OFFSET :offset"), user)
			.param("unit", blank(unitCode))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** An obligation the caller sees; otherwise it is not found. */
	@Transactional(readOnly = true)
	public Obligation get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("reporting.error.obligation-not-found", id));
	}

	@Transactional(readOnly = true)
	public Optional<Obligation> find(long id) {
		SignedInUser user = requireReader();
		Jurisdiction jurisdiction = user.jurisdiction();
		return bindCaller(jdbc.sql(SELECT + " WHERE o.id = :id AND (" + visibleToCaller(jurisdiction) + " OR (:officer AND "
				+ jurisdiction.restrict("o.recipient_unit_id") + "))"), user)
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Obligation map(ResultSet rs) throws SQLException {
		String status = rs.getString("report_status");
		ReportStatus reportStatus = status == null ? ReportStatus.NOT_STARTED : ReportStatus.valueOf(status);
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		LocalDateTime first = PeriodicReports.local(rs, "first_submitted_at");
		return new Obligation(rs.getLong("id"), rs.getString("source"), (Long) rs.getObject("plan_id"),
				ReportKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getLong("reporter_unit_id"),
				rs.getString("reporter_code"), rs.getString("reporter_unit_name"), rs.getString("reporter_name"),
				rs.getString("reporter_level"),
				(Long) rs.getObject("reporter_agency_id"), (Long) rs.getObject("reporter_acting_agency_id"),
				rs.getBoolean("reporter_by_officers"), BodyKind.valueOf(rs.getString("recipient_kind")),
				rs.getLong("recipient_unit_id"), rs.getString("recipient_code"), rs.getString("recipient_level"),
				rs.getString("recipient_name"), (Long) rs.getObject("recipient_agency_id"),
				(Long) rs.getObject("recipient_acting_agency_id"), rs.getBoolean("recipient_by_officers"),
				rs.getString("period"), rs.getObject("period_end", LocalDate.class), due, rs.getBoolean("due_assumed"),
				rs.getString("due_rule"), rs.getString("due_set_by"), PeriodicReports.local(rs, "due_set_at"),
				Arrays.asList((String[]) rs.getArray("annexes").getArray()), rs.getString("basis"),
				(Long) rs.getObject("report_id"), reportStatus, first, PeriodicReports.local(rs, "accepted_at"),
				timeliness(due, first), PeriodicReports.local(rs, "withdrawn_at"), rs.getString("withdrawn_reason"),
				rs.getInt("version"));
	}

	Timeliness timeliness(LocalDate due, LocalDateTime firstSubmitted) {
		return Timeliness.of(due, firstSubmitted, LocalDate.now(clock), reminderDays);
	}

	int reminderDays() {
		return reminderDays;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
