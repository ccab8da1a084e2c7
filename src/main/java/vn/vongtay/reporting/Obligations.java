package vn.vongtay.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.ReportKind;

/**
 * What each body owes whom and when, as made from the sources ({@link ObligationSources}): lists of what the caller's
 * unit or agency owes, and what is owed to it, the overdue and due first; who acts for each body ({@link ActingFor});
 * the due date the receiving office sets.
 */
@Component
@Transactional
public class Obligations {

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
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final AuditLog audit;
	private final Clock clock;
	private final int reminderDays;

	Obligations(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, AuditLog audit, Clock clock,
			@Value("${vongtay.reporting.reminder-days:7}") int reminderDays) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
		this.reminderDays = reminderDays;
	}

	// --- the receiving office sets a due date ---

	/**
	 * The receiving office sets the due date of a report it receives, for every body that owes the same report for the
	 * period (a date the source did not give, or a later correction). A report already submitted is judged against the
	 * new date.
	 */
	public void setDueDate(long id, int version, LocalDate dueOn) {
		SignedInUser user = Jurisdictions.requireUser();
		Obligation obligation = requireReceiving(id);
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

	/**
	 * An obligation whose report the caller receives, so that a form is checked for who sends it before what it holds.
	 *
	 * @throws UserFacingException 404 when the caller does not see it, 403 when they see it but do not receive it
	 */
	@Transactional(readOnly = true)
	public Obligation requireReceiving(long id) {
		Obligation obligation = get(id);
		if (!isRecipient(obligation, Jurisdictions.requireUser())) {
			throw new UserFacingException(403, "reporting.error.not-recipient", obligation.recipientName());
		}
		return obligation;
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

	/**
	 * What the caller's unit or agency owes and has still to send, due from today to {@code days} days ahead, the
	 * nearest first: not yet submitted, or returned for correction (whatever its deadline). The home page's work queue.
	 */
	@Transactional(readOnly = true)
	public List<Obligation> dueWithin(int days, int size) {
		SignedInUser user = requireReader();
		LocalDate today = LocalDate.now(clock);
		return bindCaller(jdbc.sql(SELECT + " WHERE o.withdrawn_at IS NULL AND " + owedByCaller(user.jurisdiction())
				+ """
						 AND (r.first_submitted_at IS NULL OR r.status = 'RETURNED')
						 AND o.due_on <= :until AND (o.due_on >= :today OR r.status = 'RETURNED')""" + ORDER
				+ " LIMIT :limit"), user)
			.param("today", today)
			.param("until", today.plusDays(days))
			.param("limit", size)
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
