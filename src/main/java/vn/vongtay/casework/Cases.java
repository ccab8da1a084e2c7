package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.children.Children;
import vn.vongtay.children.Sex;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * Reading cases: lists within the caller's jurisdiction (the child's name only where the caller needs to know it),
 * deadlines due and overdue, a case's summary, and the whole case for those who need to know it. Every read is
 * audited; a supervisor breaks the glass here.
 */
@Component
@Transactional(readOnly = true)
public class Cases {

	/** A case in a list, with its next deadline as {@link CaseFiles} stored it. */
	static final String SUMMARY = """
			SELECT c.id, c.number, u.code AS unit_code, u.full_name AS unit_name, c.child_name, c.child_sex, c.stage,
			       c.case_worker_name, c.received_at, c.escalated_at, c.next_due_at, %s AS full_access
			FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id
			""".formatted(CaseAccess.fullAccessSql());

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final CaseFiles files;
	private final CaseRecords records;
	private final CaseAccess access;
	private final Reports reports;
	private final Referrals referrals;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Children children;
	private final Units units;
	private final Clock clock;
	private final int breakGlassHours;

	Cases(JdbcClient jdbc, Jurisdictions jurisdictions, CaseFiles files, CaseRecords records, CaseAccess access,
			Reports reports, Referrals referrals, AuditLog audit, ApplicationEventPublisher events, Children children,
			Units units, Clock clock, @Value("${vongtay.casework.break-glass-hours:8}") int breakGlassHours) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.files = files;
		this.records = records;
		this.access = access;
		this.reports = reports;
		this.referrals = referrals;
		this.audit = audit;
		this.events = events;
		this.children = children;
		this.units = units;
		this.clock = clock;
		this.breakGlassHours = breakGlassHours;
	}

	/**
	 * What a list asks for.
	 *
	 * @param mine only the caller's own cases (as case worker)
	 * @param dueOnly only open cases with a deadline still open
	 * @param overdueOnly only cases past a deadline
	 * @param text a case number, or a child's name (matched only among the cases the caller needs to know)
	 */
	public record Filter(CaseStage stage, boolean openOnly, boolean mine, boolean dueOnly, boolean overdueOnly,
			String unitCode, String text) {

		public static Filter open() {
			return new Filter(null, true, false, false, false, null, null);
		}

		public static Filter due() {
			return new Filter(null, true, false, true, false, null, null);
		}
	}

	/** Cases within the caller's jurisdiction, overdue first, then by their next deadline, then the latest received. */
	public List<CaseSummary> list(Filter filter, int page, int size) {
		SignedInUser user = CaseAccess.requireCaseRole();
		Jurisdiction jurisdiction = jurisdictions.current();
		StringBuilder where = new StringBuilder(" WHERE " + jurisdiction.restrict("c.unit_id"));
		Map<String, Object> params = new HashMap<>();
		if (filter.stage() != null) {
			where.append(" AND c.stage = :stage");
			params.put("stage", filter.stage().name());
		}
		if (filter.openOnly()) {
			where.append(" AND c.closed_at IS NULL");
		}
		if (filter.mine()) {
			where.append(" AND c.case_worker_id = :me");
			params.put("me", user.id());
		}
		if (filter.dueOnly()) {
			where.append(" AND c.next_due_at IS NOT NULL");
		}
		if (filter.overdueOnly()) {
			where.append(" AND c.next_due_at < :now");
		}
		if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
			// a text block would drop the leading space, and "IS NOT NULLAND" follows the deadline filter
			where.append(" AND c.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r")
				.append(" JOIN geography.unit g ON g.id = r.root_id WHERE g.code = :unitCode)");
			params.put("unitCode", filter.unitCode().strip());
		}
		String text = VietnameseText.clean(filter.text());
		if (text != null) {
			where.append(" AND (c.number = upper(:text) OR (public.vn_fold(c.child_name) LIKE :name AND "
					+ CaseAccess.fullAccessSql() + "))");
			params.put("text", text);
			params.put("name", "%" + VietnameseText.fold(text).replace("%", "").replace("_", "") + "%");
		}
		LocalDateTime now = now();
		List<CaseSummary> found = access.bind(jurisdiction.bind(jdbc.sql(SUMMARY + where + """
				 ORDER BY (c.next_due_at < :now) DESC NULLS LAST, c.next_due_at NULLS LAST, c.received_at DESC, c.id DESC
				LIMIT :limit OFFSET :offset""")))
			.params(params)
			.param("now", CaseRecords.zoned(now))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> summary(rs, now))
			.list();
		if (found.stream().anyMatch(CaseSummary::fullAccess)) {
			audit.record("CASES_LISTED", "Case", null, null, found.size() + " cases");
		}
		return found;
	}

	/** How the caller may see a case: its details, its summary only, or not at all (answered as not found). */
	public enum View {
		FULL, SUMMARY
	}

	public View view(long id) {
		CaseAccess.Level level = access.level(records.header(id)
			.orElseThrow(() -> UserFacingException.notFound("casework.error.case-not-found", id)));
		return switch (level) {
			case FULL -> View.FULL;
			case SUMMARY -> View.SUMMARY;
			case NONE -> throw UserFacingException.notFound("casework.error.case-not-found", id);
		};
	}

	/** A case's summary (number, stage, deadlines, commune, never the child), for anyone who may see the case. */
	public CaseSummary summary(long id) {
		CaseRecords.Header header = records.requireHeader(id);
		if (access.level(header) == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", id);
		}
		audit.record("CASE_SUMMARY_VIEWED", "Case", id, header.unitId(), null);
		LocalDateTime now = now();
		CaseSummary found = access.bind(jdbc.sql(SUMMARY + " WHERE c.id = :id")).param("id", id)
			.query((rs, n) -> summary(rs, now)).single();
		return found;
	}

	/**
	 * The whole case, for those who need to know it.
	 *
	 * @throws UserFacingException 404 outside the caller's jurisdiction; 403 for a caller who may see only the summary
	 */
	public ChildCase get(long id) {
		CaseRecords.Header header = records.requireHeader(id);
		CaseAccess.Level level = access.level(header);
		if (level == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", id);
		}
		if (level == CaseAccess.Level.SUMMARY) {
			throw new UserFacingException(403, "casework.error.need-to-know");
		}
		audit.record("CASE_VIEWED", "Case", id, header.unitId(), null);
		return load(id);
	}

	/** The case without checks or audit, for components that already checked (the forms). */
	ChildCase load(long id) {
		SignedInUser user = Jurisdictions.currentUser().orElse(null);
		LocalDateTime now = now();
		CaseFile file = files.load(new CaseId(id));
		List<CaseStep> steps = jdbc.sql("""
				SELECT id, step, cycle, taken_at, actor_name, content::text AS content, note FROM casework.case_step
				WHERE case_id = :case ORDER BY taken_at, id""")
			.param("case", id)
			.query((rs, n) -> new CaseStep(rs.getLong("id"), rs.getString("step"), rs.getInt("cycle"),
					CaseRecords.local(rs, "taken_at"), rs.getString("actor_name"), records.contentMap(rs.getString("content")),
					rs.getString("note")))
			.list();
		AdministrativeUnit unit = units.findById(file.unitId()).orElseThrow();
		boolean caseWorker = user != null && file.caseWorkerId() != null && file.caseWorkerId() == user.id();
		ReportedChild child = file.child();
		return new ChildCase(id, file.number(), file.unitId(), unit.code(), unit.fullName(), file.provinceCode(),
				child.registerId(), child.name(), child.sex(), child.birthDate(), child.birthEstimated(), file.stage(),
				file.cycle(), file.receivedAt(), file.openedAt(), file.caseWorkerId(), file.caseWorkerName(),
				file.escalatedAt(), file.escalationReason(), file.riskLevel(), file.emergencyRequired(),
				file.deadlines(now), file.nextDueAt().orElse(null), file.classification(), file.outcome(),
				file.closedAt(), file.closureReason(), reports.ofCase(id, caseWorker), steps, plans(id, now.toLocalDate()),
				referrals.ofCase(id), suggestedGroups(file, steps, now.toLocalDate()), file.childToRegister(),
				file.version());
	}

	/**
	 * Opens a case the caller may see only in summary, for the given number of hours, with a written reason: audited,
	 * and the case worker and the commune's chairman are told who opened it and why.
	 */
	@Transactional
	public void breakGlass(long id, String reason) {
		SignedInUser user = Jurisdictions.requireUser();
		CaseRecords.Header header = records.requireHeader(id);
		CaseAccess.Level level = access.level(header);
		if (level == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", id);
		}
		if (!CaseAccess.maySupervise(user)) {
			throw new UserFacingException(403, "casework.error.break-glass-supervisors-only");
		}
		String why = VietnameseText.clean(reason);
		if (why == null || why.length() < 15) {
			throw UserFacingException.rejected(List.of(InputProblem.field("reason", "casework.error.break-glass-reason")));
		}
		if (level == CaseAccess.Level.FULL) {
			return;
		}
		LocalDateTime now = now();
		jdbc.sql("""
				INSERT INTO casework.access_grant (case_id, user_id, reason, granted_at, expires_at)
				VALUES (:case, :user, :reason, :now, :expires)""")
			.param("case", id)
			.param("user", user.id())
			.param("reason", why)
			.param("now", CaseRecords.zoned(now))
			.param("expires", CaseRecords.zoned(now.plusHours(breakGlassHours)))
			.update();
		audit.record("CASE_BREAK_GLASS", "Case", id, header.unitId(), why);
		events.publishEvent(new CaseAccessGranted(id, header.unitId(), user.id(), user.displayName(), why));
	}

	/**
	 * The register's groups a confirmed abuse points to that the child is not in (the caller then records them in the
	 * register), nor was recorded in from this case.
	 */
	private List<String> suggestedGroups(CaseFile file, List<CaseStep> steps, LocalDate today) {
		List<String> pointed = file.groupsPointedTo();
		if (pointed.isEmpty()) {
			return List.of();
		}
		Set<String> recorded = new java.util.HashSet<>(children.groupsOn(file.child().registerId(), today));
		steps.stream().filter(s -> s.step().equals("CIRCUMSTANCE_RECORDED")).forEach(s -> recorded.add(s.note()));
		return pointed.stream().filter(g -> !recorded.contains(g)).toList();
	}

	private List<InterventionPlan> plans(long caseId, LocalDate today) {
		Map<Long, List<InterventionPlan.PlanItem>> items = new HashMap<>();
		jdbc.sql("""
				SELECT i.*, a.name AS agency_name FROM casework.plan_item i
				JOIN casework.intervention_plan p ON p.id = i.plan_id
				LEFT JOIN directory.agency a ON a.id = i.agency_id
				WHERE p.case_id = :case ORDER BY i.plan_id, i.position""")
			.param("case", caseId)
			.query((rs, n) -> {
				PlanItemStatus status = PlanItemStatus.valueOf(rs.getString("status"));
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				items.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
					.add(new InterventionPlan.PlanItem(rs.getLong("id"), rs.getInt("position"),
							ServiceKind.valueOf(rs.getString("service")), rs.getString("description"),
							(Long) rs.getObject("agency_id"), rs.getString("agency_name"), rs.getString("provider_name"), due,
							status, rs.getString("result"),
							(status == PlanItemStatus.PLANNED || status == PlanItemStatus.IN_PROGRESS) && due.isBefore(today),
							rs.getInt("version")));
				return null;
			})
			.list();
		return jdbc.sql("SELECT * FROM casework.intervention_plan WHERE case_id = :case ORDER BY cycle")
			.param("case", caseId)
			.query((rs, n) -> {
				CaseRecords.PlanContent content = records.planContent(rs.getString("content"));
				return new InterventionPlan(rs.getLong("id"), rs.getInt("cycle"), PlanStatus.valueOf(rs.getString("status")),
						rs.getString("goals"), rs.getObject("review_on", LocalDate.class), content.notes(),
						content.meeting(), rs.getString("drafted_by_name"),
						CaseRecords.local(rs, "drafted_at"), CaseRecords.local(rs, "submitted_at"),
						rs.getString("returned_comment"), rs.getString("approved_by_name"),
						CaseRecords.local(rs, "approved_at"), rs.getString("decision_number"),
						items.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("version"));
			})
			.list();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	static CaseSummary summary(ResultSet rs, LocalDateTime now) throws SQLException {
		boolean full = rs.getBoolean("full_access");
		LocalDateTime next = CaseRecords.local(rs, "next_due_at");
		return new CaseSummary(rs.getLong("id"), rs.getString("number"), rs.getString("unit_code"),
				rs.getString("unit_name"), full ? rs.getString("child_name") : null,
				full ? Sex.valueOf(rs.getString("child_sex")) : null, CaseStage.valueOf(rs.getString("stage")),
				rs.getString("case_worker_name"), CaseRecords.local(rs, "received_at"), next,
				next != null && next.isBefore(now), rs.getObject("escalated_at") != null, full);
	}

	static <E extends Enum<E>> Set<E> enums(Class<E> type, java.sql.Array array) throws SQLException {
		Set<E> set = EnumSet.noneOf(type);
		if (array != null) {
			Arrays.stream((String[]) array.getArray()).map(v -> Enum.valueOf(type, v)).forEach(set::add);
		}
		return set;
	}
}
