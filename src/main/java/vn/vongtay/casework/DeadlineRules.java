package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.calendar.WorkingCalendar;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * The deadlines of the statutory process for a unit: the national values (12 hours for emergency measures, 5 working
 * days for an approved plan; {@code vongtay.casework.emergency-hours} and {@code .plan-working-days}) unless a
 * jurisdiction set its own. The rule of the most specific unit that reaches a case's commune applies (a commune's own
 * over its province's). Working days come from the working-day calendar; a plan is due at the end of its last day.
 */
@Component
@Transactional
public class DeadlineRules {

	private static final String SELECT = """
			SELECT d.id, d.unit_id, u.code AS unit_code, u.full_name AS unit_name, d.emergency_hours,
			       d.plan_working_days, d.basis, d.updated_by, d.version
			FROM casework.deadline_rule d JOIN geography.unit u ON u.id = d.unit_id
			""";

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final AuditLog audit;
	private final Clock clock;
	private final int nationalEmergencyHours;
	private final int nationalPlanWorkingDays;

	DeadlineRules(JdbcClient jdbc, WorkingCalendar calendar, Jurisdictions jurisdictions, Units units, AuditLog audit,
			Clock clock, @Value("${vongtay.casework.emergency-hours:12}") int nationalEmergencyHours,
			@Value("${vongtay.casework.plan-working-days:5}") int nationalPlanWorkingDays) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
		this.nationalEmergencyHours = nationalEmergencyHours;
		this.nationalPlanWorkingDays = nationalPlanWorkingDays;
	}

	/** A jurisdiction's own deadlines; {@code unitId} null for the national values. */
	public record Rule(Long id, Long unitId, String unitCode, String unitName, int emergencyHours, int planWorkingDays,
			String basis, String updatedBy, int version) {
	}

	/** The rule that applies to a case in this unit. */
	@Transactional(readOnly = true)
	public Rule ruleFor(long unitId) {
		// the deepest unit wins: a commune's rule over its district's, over its province's
		return jdbc.sql(SELECT + """
				JOIN geography.unit_reach r ON r.root_id = d.unit_id AND r.unit_id = :unit
				ORDER BY CASE u.level WHEN 'COMMUNE' THEN 3 WHEN 'DISTRICT' THEN 2 WHEN 'PROVINCE' THEN 1 ELSE 0 END DESC
				LIMIT 1""")
			.param("unit", unitId)
			.query(DeadlineRules::map)
			.optional()
			.orElse(national());
	}

	public Rule national() {
		return new Rule(null, null, Units.NATION_CODE, null, nationalEmergencyHours, nationalPlanWorkingDays, null, null,
				0);
	}

	/** The deadlines in force for a case in this unit, on the working-day calendar. */
	DeadlineTerms termsFor(long unitId) {
		return terms(ruleFor(unitId));
	}

	DeadlineTerms terms(Rule rule) {
		return new DeadlineTerms(rule.emergencyHours(), rule.planWorkingDays(), calendar::addWorkingDays);
	}

	/** When emergency measures and the approved plan fall due for a report received at the time, under the rule. */
	public DueDates dueDates(Rule rule, LocalDateTime receivedAt) {
		DeadlineTerms terms = terms(rule);
		return new DueDates(terms.emergencyDue(receivedAt), terms.planDue(receivedAt));
	}

	/** The end of the last of the rule's working days, counted from the day after {@code from}. */
	public LocalDateTime planDue(Rule rule, LocalDateTime from) {
		return terms(rule).planDue(from);
	}

	public record DueDates(LocalDateTime emergencyDueAt, LocalDateTime planDueAt) {
	}

	/** The rules set within the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public List<Rule> list() {
		requireRuleMaker();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("d.unit_id") + " ORDER BY u.code"))
			.query(DeadlineRules::map)
			.list();
	}

	/**
	 * Sets a unit's own deadlines; they apply to reports received from then on (a case keeps the deadlines it was
	 * opened with).
	 */
	public void set(String unitCode, Integer emergencyHours, Integer planWorkingDays, String basis, Integer version) {
		requireRuleMaker();
		List<InputProblem> problems = new ArrayList<>();
		Optional<AdministrativeUnit> unit = units.findByCode(unitCode, LocalDate.now(clock));
		if (unit.isEmpty() || !unit.get().isValidOn(LocalDate.now(clock)) || !jurisdictions.covers(unit.get().id())) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(unitCode)));
		}
		if (emergencyHours == null || emergencyHours < 1 || emergencyHours > 72) {
			problems.add(InputProblem.field("emergencyHours", "casework.error.emergency-hours-range"));
		}
		if (planWorkingDays == null || planWorkingDays < 1 || planWorkingDays > 30) {
			problems.add(InputProblem.field("planWorkingDays", "casework.error.plan-days-range"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		SignedInUser user = Jurisdictions.requireUser();
		int changed;
		if (version == null) {
			changed = jdbc.sql("""
					INSERT INTO casework.deadline_rule (unit_id, emergency_hours, plan_working_days, basis, updated_by, updated_at)
					VALUES (:unit, :hours, :days, :basis, :by, :at) ON CONFLICT (unit_id) DO NOTHING""")
				.param("unit", unit.get().id()).param("hours", emergencyHours).param("days", planWorkingDays)
				.param("basis", VietnameseText.clean(basis)).param("by", user.getUsername())
				.param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
		}
		else {
			changed = jdbc.sql("""
					UPDATE casework.deadline_rule SET emergency_hours = :hours, plan_working_days = :days, basis = :basis,
					       updated_by = :by, updated_at = :at, version = version + 1
					WHERE unit_id = :unit AND version = :version""")
				.param("unit", unit.get().id()).param("hours", emergencyHours).param("days", planWorkingDays)
				.param("basis", VietnameseText.clean(basis)).param("by", user.getUsername()).param("version", version)
				.param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
		}
		if (changed == 0) {
			throw new OptimisticLockingFailureException("deadline rule of " + unitCode + " changed");
		}
		audit.record("DEADLINE_RULE_SET", "DeadlineRule", unit.get().code(), unit.get().id(),
				emergencyHours + "h/" + planWorkingDays + "d");
	}

	/** Removes a unit's own deadlines: the rule above it (or the national one) applies again. */
	public void remove(String unitCode) {
		requireRuleMaker();
		AdministrativeUnit unit = units.findByCode(unitCode, LocalDate.now(clock))
			.filter(u -> jurisdictions.covers(u.id()))
			.orElseThrow(() -> UserFacingException.notFound("error.unit.outside-jurisdiction", unitCode));
		jdbc.sql("DELETE FROM casework.deadline_rule WHERE unit_id = :unit").param("unit", unit.id()).update();
		audit.record("DEADLINE_RULE_REMOVED", "DeadlineRule", unit.code(), unit.id(), null);
	}

	/** System administrators set rules anywhere, province officers within their province. */
	static SignedInUser requireRuleMaker() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.SYSTEM_ADMIN) && !user.has(Role.PROVINCE_OFFICER)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	private static Rule map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Rule(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getInt("emergency_hours"), rs.getInt("plan_working_days"), rs.getString("basis"),
				rs.getString("updated_by"), rs.getInt("version"));
	}
}
