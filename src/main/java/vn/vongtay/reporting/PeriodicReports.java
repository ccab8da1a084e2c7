package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;
import vn.vongtay.notifications.Notifications;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.Plans;
import vn.vongtay.reporting.PeriodicReport.AnnexTable;
import vn.vongtay.reporting.PeriodicReport.Figure;
import vn.vongtay.reporting.PeriodicReport.Origin;
import vn.vongtay.reporting.PeriodicReport.Row;

/**
 * Reports from draft to acceptance. The reporting unit's officers draft a report for an obligation (its annexes are
 * filled from the indicators: the unit's figures, and for each subdivision the figures of its accepted report for the
 * period, or the live ones while it has none; a count of the unit is the sum of its subdivisions' rows), write its
 * sections, enter the figures offices enter, and submit it — not with a required figure missing. The recipient accepts
 * it, which locks it and the entered figures it used, or returns it with a comment for correction.
 */
@Component
@Transactional
public class PeriodicReports {

	static final Set<Role> REPORTERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.DISTRICT_OFFICER,
			Role.PROVINCE_OFFICER);

	/** Who works with reports at all; viewers read figures on dashboards, not reports. */
	static final Set<Role> STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN,
			Role.CASE_WORKER, Role.DISTRICT_OFFICER, Role.PROVINCE_OFFICER);

	private final JdbcClient jdbc;
	private final Obligations obligations;
	private final Annexes annexes;
	private final FigureSource figures;
	private final Units units;
	private final Plans plans;
	private final Jurisdictions jurisdictions;
	private final Staff staff;
	private final Notifications notifications;
	private final AuditLog audit;
	private final Clock clock;

	PeriodicReports(JdbcClient jdbc, Obligations obligations, Annexes annexes, FigureSource figures, Units units,
			Plans plans, Jurisdictions jurisdictions, Staff staff, Notifications notifications, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.obligations = obligations;
		this.annexes = annexes;
		this.figures = figures;
		this.units = units;
		this.plans = plans;
		this.jurisdictions = jurisdictions;
		this.staff = staff;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The report of an obligation the caller owes, drafted now (its annexes filled) when there is none yet. */
	public long open(long obligationId) {
		Obligation obligation = obligations.get(obligationId);
		SignedInUser user = requireReporter(obligation);
		if (obligation.reportId() != null) {
			return obligation.reportId();
		}
		long id = jdbc.sql("""
				INSERT INTO reporting.report (obligation_id, status, created_by, signer_title)
				VALUES (:obligation, 'DRAFT', :by, :title) RETURNING id""")
			.param("obligation", obligationId)
			.param("by", user.getUsername())
			.param("title", obligation.reporterLevel().equals("COMMUNE") ? "CHỦ TỊCH" : "GIÁM ĐỐC")
			.query(Long.class)
			.single();
		event(id, "CREATED", null);
		refreshFigures(id, obligation);
		audit.record("REPORT_DRAFTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		return id;
	}

	/** A report, for its unit's officers and its recipient's. */
	@Transactional(readOnly = true)
	public PeriodicReport get(long id) {
		long obligationId = jdbc.sql("SELECT obligation_id FROM reporting.report WHERE id = :id").param("id", id)
			.query(Long.class).optional()
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", id));
		Obligation obligation = obligations.find(obligationId)
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", id));
		requireStaff();
		return load(id, obligation);
	}

	/**
	 * Saves what the unit wrote: the sections, the number and signer, and the figures it enters (by indicator code,
	 * for the reporting unit; an empty value clears an entry). Refused once submitted and until returned.
	 */
	public void save(long id, int version, PeriodicReport.Sections sections, String number, String signerName,
			Map<String, BigDecimal> enteredFigures) {
		Obligation obligation = obligationOf(id);
		requireReporter(obligation);
		ReportStatus status = status(id);
		if (!status.editable()) {
			throw UserFacingException.conflict("reporting.error.not-editable", label(status));
		}
		Set<String> enterable = enterableCodes(obligation);
		List<InputProblem> problems = new ArrayList<>();
		enteredFigures.forEach((code, value) -> {
			if (!enterable.contains(code)) {
				problems.add(InputProblem.field("figure." + code, "reporting.error.not-enterable", code));
			}
		});
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		bump(id, version);
		jdbc.sql("""
				UPDATE reporting.report SET results = :results, limitations = :limitations, causes = :causes,
				       proposals = :proposals, number = :number, signer_name = :signer WHERE id = :id""")
			.param("results", VietnameseText.clean(sections.results()))
			.param("limitations", VietnameseText.clean(sections.limitations()))
			.param("causes", VietnameseText.clean(sections.causes()))
			.param("proposals", VietnameseText.clean(sections.proposals()))
			.param("number", VietnameseText.clean(number))
			.param("signer", VietnameseText.clean(signerName))
			.param("id", id)
			.update();
		enteredFigures.forEach((code, value) -> {
			if (value != null) {
				figures.enter(code, obligation.reporterUnitId(), obligation.period(), value);
			}
		});
		refreshFigures(id, obligation);
		event(id, "SAVED", null);
	}

	/** Fills the annexes again from the indicators (a draft or returned report only). */
	public void refresh(long id) {
		Obligation obligation = obligationOf(id);
		requireReporter(obligation);
		if (status(id).editable()) {
			refreshFigures(id, obligation);
		}
	}

	/** Submits the report to its recipient, whose officers are told; refused with a required figure missing. */
	public void submit(long id, int version) {
		Obligation obligation = obligationOf(id);
		SignedInUser user = requireReporter(obligation);
		ReportStatus status = status(id);
		if (!status.editable()) {
			throw UserFacingException.conflict("reporting.error.not-editable", label(status));
		}
		refreshFigures(id, obligation);
		PeriodicReport report = load(id, obligation);
		List<InputProblem> problems = new ArrayList<>();
		for (AnnexTable table : report.annexes()) {
			for (String code : table.missingRequired()) {
				String name = table.columns().stream().filter(c -> c.code().equals(code)).map(FigureSource.Column::name)
					.findFirst().orElse(code);
				problems.add(InputProblem.field("figure." + code, "reporting.error.required-figure", table.annex().title(),
						name));
			}
		}
		if (VietnameseText.clean(report.sections().results()) == null) {
			problems.add(InputProblem.field("results", "reporting.error.results-required"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		bump(id, version);
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				UPDATE reporting.report SET status = 'SUBMITTED', submitted_at = :now, submitted_by = :by,
				       first_submitted_at = COALESCE(first_submitted_at, :now) WHERE id = :id""")
			.param("now", now).param("by", user.getUsername()).param("id", id).update();
		event(id, "SUBMITTED", null);
		audit.record("REPORT_SUBMITTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		notifications.send(recipients(obligation), false, "/reporting/reports/" + id, "reporting.notify.submitted",
				obligation.reporterName(), obligation.title(), obligation.period());
	}

	/** The recipient returns the report with what must be corrected. */
	public void returnReport(long id, int version, String comment) {
		Obligation obligation = obligationOf(id);
		SignedInUser user = requireRecipient(obligation);
		String why = VietnameseText.clean(comment);
		if (why == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("comment", "reporting.error.comment-required")));
		}
		requireStatus(id, ReportStatus.SUBMITTED);
		bump(id, version);
		jdbc.sql("""
				UPDATE reporting.report SET status = 'RETURNED', returned_at = now(), returned_by = :by,
				       return_comment = :comment WHERE id = :id""")
			.param("by", user.getUsername()).param("comment", why).param("id", id).update();
		event(id, "RETURNED", why);
		audit.record("REPORT_RETURNED", "PeriodicReport", id, obligation.reporterUnitId(), why);
		notifications.send(reporters(obligation), true, "/reporting/reports/" + id, "reporting.notify.returned",
				obligation.title(), obligation.period(), why);
	}

	/** The recipient accepts the report: it is locked, and so are the entered figures it used. */
	public void accept(long id, int version) {
		Obligation obligation = obligationOf(id);
		SignedInUser user = requireRecipient(obligation);
		requireStatus(id, ReportStatus.SUBMITTED);
		bump(id, version);
		jdbc.sql("UPDATE reporting.report SET status = 'ACCEPTED', accepted_at = now(), accepted_by = :by WHERE id = :id")
			.param("by", user.getUsername()).param("id", id).update();
		List<String> entered = jdbc.sql("""
				SELECT DISTINCT indicator_code FROM reporting.annex_figure
				WHERE report_id = :id AND unit_id = :unit AND origin = 'ENTERED'""")
			.param("id", id).param("unit", obligation.reporterUnitId()).query(String.class).list();
		if (!entered.isEmpty()) {
			figures.lock(obligation.reporterUnitId(), obligation.period(), entered, "report:" + id);
		}
		event(id, "ACCEPTED", null);
		audit.record("REPORT_ACCEPTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		notifications.send(reporters(obligation), false, "/reporting/reports/" + id, "reporting.notify.accepted",
				obligation.title(), obligation.period());
	}

	// --- who may do what ---

	/** Whether the caller may write and submit the report now. */
	@Transactional(readOnly = true)
	public boolean mayEdit(PeriodicReport report) {
		return report.status().editable() && isReporter(report.obligation(), Jurisdictions.requireUser());
	}

	/** Whether the caller may accept or return the report now. */
	@Transactional(readOnly = true)
	public boolean mayReview(PeriodicReport report) {
		return report.status() == ReportStatus.SUBMITTED && isRecipient(report.obligation(), Jurisdictions.requireUser());
	}

	/** Whether the caller may draft the report of an obligation. */
	@Transactional(readOnly = true)
	public boolean mayDraft(Obligation obligation) {
		return isReporter(obligation, Jurisdictions.requireUser());
	}

	/** The codes of the figures the reporting unit enters in this report. */
	@Transactional(readOnly = true)
	public Set<String> enterable(PeriodicReport report) {
		return enterableCodes(report.obligation());
	}

	/** The reporting unit's officers: within their jurisdiction, at the unit's own level. */
	boolean isReporter(Obligation obligation, SignedInUser user) {
		return REPORTERS.stream().anyMatch(user::has) && jurisdictions.covers(obligation.reporterUnitId())
				&& rootLevels(user).contains(obligation.reporterLevel());
	}

	/**
	 * The recipient's officers: the chairman for a report to the unit's own council, the province's officers for a
	 * report to the province, system administrators for one to the ministry.
	 */
	boolean isRecipient(Obligation obligation, SignedInUser user) {
		if (obligation.recipientUnitId() == obligation.reporterUnitId()) {
			return user.has(Role.COMMUNE_CHAIRMAN) && jurisdictions.covers(obligation.recipientUnitId());
		}
		AdministrativeUnit recipient = units.findById(obligation.recipientUnitId()).orElseThrow();
		if (recipient.level() == UnitLevel.NATION) {
			return user.has(Role.SYSTEM_ADMIN);
		}
		return (user.has(Role.PROVINCE_OFFICER) || user.has(Role.DISTRICT_OFFICER))
				&& jurisdictions.covers(recipient.id()) && rootLevels(user).contains(recipient.level().name());
	}

	private SignedInUser requireReporter(Obligation obligation) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!isReporter(obligation, user)) {
			throw new UserFacingException(403, "reporting.error.not-reporter", obligation.reporterName());
		}
		return user;
	}

	private SignedInUser requireRecipient(Obligation obligation) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!isRecipient(obligation, user)) {
			throw new UserFacingException(403, "reporting.error.not-recipient", obligation.recipientName());
		}
		return user;
	}

	static SignedInUser requireStaff() {
		SignedInUser user = Jurisdictions.requireUser();
		if (STAFF.stream().noneMatch(user::has)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	private Set<String> rootLevels(SignedInUser user) {
		Set<String> levels = new LinkedHashSet<>();
		units.findAllById(user.unitIds()).forEach(u -> levels.add(u.level().name()));
		return levels;
	}

	private List<Long> recipients(Obligation obligation) {
		AdministrativeUnit recipient = units.findById(obligation.recipientUnitId()).orElseThrow();
		Set<Role> roles = obligation.recipientUnitId() == obligation.reporterUnitId() ? Set.of(Role.COMMUNE_CHAIRMAN)
				: recipient.level() == UnitLevel.NATION ? Set.of(Role.SYSTEM_ADMIN)
						: Set.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
		return staff.reaching(recipient.id(), roles, recipient.level()).stream().map(Staff.Member::id).toList();
	}

	private List<Long> reporters(Obligation obligation) {
		AdministrativeUnit reporter = units.findById(obligation.reporterUnitId()).orElseThrow();
		return staff.reaching(reporter.id(), REPORTERS, reporter.level()).stream().map(Staff.Member::id).toList();
	}

	// --- figures ---

	/** The codes the reporting unit may enter in this report: the entered indicators of its annexes. */
	private Set<String> enterableCodes(Obligation obligation) {
		Set<String> codes = new LinkedHashSet<>();
		for (Annex annex : annexes.of(obligation.annexes())) {
			figures.columns(annex.indicators()).values().stream().filter(FigureSource.Column::entered)
				.forEach(c -> codes.add(c.code()));
		}
		return codes;
	}

	private void refreshFigures(long reportId, Obligation obligation) {
		jdbc.sql("DELETE FROM reporting.annex_figure WHERE report_id = :id").param("id", reportId).update();
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		List<AdministrativeUnit> subdivisions = unit.level() == UnitLevel.COMMUNE ? List.of()
				: units.childrenOf(unit.id(), periodEnd(obligation.period()));
		for (Annex annex : annexes.of(obligation.annexes())) {
			Map<String, FigureSource.Column> columns = figures.columns(annex.indicators());
			Map<String, BigDecimal> sums = new HashMap<>();
			Set<String> incomplete = new java.util.HashSet<>();
			for (AdministrativeUnit sub : subdivisions) {
				Map<String, BigDecimal> reported = reportedFigures(sub.id(), obligation.period(), annex.code());
				Map<String, FigureSource.Figure> live = reported == null ? figures.figures(sub.id(), obligation.period(),
						columns.keySet()) : Map.of();
				for (FigureSource.Column column : columns.values()) {
					BigDecimal value = reported != null ? reported.get(column.code())
							: live.getOrDefault(column.code(), new FigureSource.Figure(null, false)).value();
					Origin origin = value == null ? Origin.MISSING
							: reported != null ? Origin.REPORTED : column.entered() ? Origin.ENTERED : Origin.COMPUTED;
					insertFigure(reportId, annex.code(), column.code(), sub.id(), value, origin);
					if (value == null) {
						incomplete.add(column.code());
					}
					else {
						sums.merge(column.code(), value, BigDecimal::add);
					}
				}
			}
			Map<String, FigureSource.Figure> own = figures.figures(unit.id(), obligation.period(), columns.keySet());
			for (FigureSource.Column column : columns.values()) {
				BigDecimal value;
				Origin origin;
				if (!subdivisions.isEmpty() && !column.rate() && !incomplete.contains(column.code())) {
					value = sums.get(column.code());
					origin = Origin.SUMMED;
				}
				else {
					value = own.getOrDefault(column.code(), new FigureSource.Figure(null, false)).value();
					origin = value == null ? Origin.MISSING : column.entered() ? Origin.ENTERED : Origin.COMPUTED;
				}
				insertFigure(reportId, annex.code(), column.code(), unit.id(), value, origin);
			}
		}
	}

	/** The figures of a subdivision's accepted report for the period in this annex, or null when it has none. */
	private Map<String, BigDecimal> reportedFigures(long unitId, String period, String annex) {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT f.indicator_code, f.value FROM reporting.report r
				JOIN reporting.obligation o ON o.id = r.obligation_id
				JOIN reporting.annex_figure f ON f.report_id = r.id AND f.unit_id = o.reporter_unit_id AND f.annex = :annex
				WHERE o.reporter_unit_id = :unit AND o.period = :period AND r.status = 'ACCEPTED'
				ORDER BY r.accepted_at DESC""")
			.param("annex", annex).param("unit", unitId).param("period", period)
			.query().listOfRows();
		if (rows.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> values = new HashMap<>();
		rows.forEach(r -> values.putIfAbsent((String) r.get("indicator_code"), (BigDecimal) r.get("value")));
		return values;
	}

	private void insertFigure(long reportId, String annex, String code, long unitId, BigDecimal value, Origin origin) {
		jdbc.sql("""
				INSERT INTO reporting.annex_figure (report_id, annex, indicator_code, unit_id, value, origin)
				VALUES (:report, :annex, :code, :unit, :value, :origin)""")
			.param("report", reportId).param("annex", annex).param("code", code).param("unit", unitId)
			.param("value", value).param("origin", origin.name())
			.update();
	}

	static LocalDate periodEnd(String period) {
		if (period.matches("\\d{4}-\\d{4}")) {
			return LocalDate.of(Integer.parseInt(period.substring(5)), 12, 31);
		}
		return vn.vongtay.core.Period.parse(period).end();
	}

	// --- reading ---

	private PeriodicReport load(long id, Obligation obligation) {
		List<AnnexTable> tables = new ArrayList<>();
		Map<String, Map<Long, Map<String, Figure>>> stored = new HashMap<>();
		jdbc.sql("SELECT annex, indicator_code, unit_id, value, origin FROM reporting.annex_figure WHERE report_id = :id")
			.param("id", id)
			.query((rs, n) -> stored.computeIfAbsent(rs.getString("annex"), k -> new HashMap<>())
				.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>())
				.put(rs.getString("indicator_code"), new Figure(rs.getString("indicator_code"), rs.getBigDecimal("value"),
						Origin.valueOf(rs.getString("origin")))))
			.list();
		AdministrativeUnit unit = units.findById(obligation.reporterUnitId()).orElseThrow();
		for (Annex annex : annexes.of(obligation.annexes())) {
			Map<String, FigureSource.Column> columns = figures.columns(annex.indicators());
			Map<Long, Map<String, Figure>> byUnit = stored.getOrDefault(annex.code(), Map.of());
			List<Row> rows = new ArrayList<>();
			rows.add(row(unit, true, null, columns, byUnit));
			List<Long> others = byUnit.keySet().stream().filter(u -> u != unit.id()).toList();
			Map<Long, ReportStatus> subReports = subdivisionReports(others, obligation.period());
			units.findAllById(others).forEach(sub -> rows.add(row(sub, false,
					subReports.getOrDefault(sub.id(), ReportStatus.NOT_STARTED), columns, byUnit)));
			tables.add(new AnnexTable(annex, List.copyOf(columns.values()), rows));
		}
		List<PeriodicReport.Event> events = jdbc.sql("""
				SELECT action, at, actor, comment FROM reporting.report_event WHERE report_id = :id ORDER BY at, id""")
			.param("id", id)
			.query((rs, n) -> new PeriodicReport.Event(rs.getString("action"), local(rs, "at"), rs.getString("actor"),
					rs.getString("comment")))
			.list();
		List<PeriodicReport.TaskLine> tasks = tasks(obligation);
		return jdbc.sql("SELECT * FROM reporting.report WHERE id = :id").param("id", id)
			.query((rs, n) -> new PeriodicReport(rs.getLong("id"), obligation, ReportStatus.valueOf(rs.getString("status")),
					rs.getString("number"), new PeriodicReport.Sections(rs.getString("results"),
							rs.getString("limitations"), rs.getString("causes"), rs.getString("proposals")),
					rs.getString("signer_name"), rs.getString("signer_title"), rs.getString("created_by"),
					local(rs, "submitted_at"), local(rs, "returned_at"), rs.getString("returned_by"),
					rs.getString("return_comment"), local(rs, "accepted_at"), rs.getString("accepted_by"), tables, tasks,
					events, rs.getInt("version")))
			.single();
	}

	private static Row row(AdministrativeUnit unit, boolean reporting, ReportStatus report,
			Map<String, FigureSource.Column> columns, Map<Long, Map<String, Figure>> byUnit) {
		Map<String, Figure> stored = byUnit.getOrDefault(unit.id(), Map.of());
		List<Figure> values = columns.keySet().stream()
			.map(code -> stored.getOrDefault(code, new Figure(code, null, Origin.MISSING))).toList();
		return new Row(unit.id(), unit.code(), unit.fullName(), reporting, report, values);
	}

	private Map<Long, ReportStatus> subdivisionReports(List<Long> unitIds, String period) {
		if (unitIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, ReportStatus> statuses = new HashMap<>();
		jdbc.sql("""
				SELECT o.reporter_unit_id, r.status FROM reporting.obligation o JOIN reporting.report r ON r.obligation_id = o.id
				WHERE o.reporter_unit_id IN (:units) AND o.period = :period""")
			.param("units", unitIds).param("period", period)
			.query((rs, n) -> statuses.merge(rs.getLong(1), ReportStatus.valueOf(rs.getString(2)),
					(a, b) -> a == ReportStatus.ACCEPTED ? a : b))
			.list();
		return statuses;
	}

	/** The tasks of the plan a plan-made obligation is for, read as the system (a plan is no personal data). */
	private List<PeriodicReport.TaskLine> tasks(Obligation obligation) {
		if (obligation.planId() == null) {
			return List.of();
		}
		AtomicReference<PlanDetail> plan = new AtomicReference<>();
		jurisdictions.runAsSystem("reporting", () -> plan.set(plans.get(obligation.planId())));
		return plan.get().tasks().stream()
			.map(t -> new PeriodicReport.TaskLine(t.number(), t.statement(),
					t.leadAgency() == null ? null : t.leadAgency().name(), t.status() == null ? null : t.status().name(),
					t.latestPeriod() == null ? null : t.latestPeriod().code()))
			.toList();
	}

	// --- plumbing ---

	private Obligation obligationOf(long reportId) {
		long obligationId = jdbc.sql("SELECT obligation_id FROM reporting.report WHERE id = :id").param("id", reportId)
			.query(Long.class).optional()
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", reportId));
		return obligations.find(obligationId)
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", reportId));
	}

	private ReportStatus status(long id) {
		return ReportStatus.valueOf(jdbc.sql("SELECT status FROM reporting.report WHERE id = :id").param("id", id)
			.query(String.class).single());
	}

	private void requireStatus(long id, ReportStatus expected) {
		ReportStatus status = status(id);
		if (status != expected) {
			throw UserFacingException.conflict("reporting.error.wrong-status", label(status));
		}
	}

	private void bump(long id, int version) {
		int changed = jdbc.sql("UPDATE reporting.report SET version = version + 1 WHERE id = :id AND version = :version")
			.param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("report " + id + " changed since version " + version);
		}
	}

	private void event(long id, String action, String comment) {
		jdbc.sql("INSERT INTO reporting.report_event (report_id, action, actor, comment) VALUES (:id, :action, :actor, :comment)")
			.param("id", id).param("action", action)
			.param("actor", Jurisdictions.currentUser().map(SignedInUser::displayName).orElse("Hệ thống"))
			.param("comment", comment)
			.update();
	}

	private static org.springframework.context.support.DefaultMessageSourceResolvable label(ReportStatus status) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "reporting.status." + status.name() }, status.name());
	}

	static LocalDateTime local(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
	}
}
