package vn.vongtay.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.planning.PlanDetail.Achievement;
import vn.vongtay.planning.PlanDetail.Allowance;
import vn.vongtay.planning.PlanDetail.Figure;
import vn.vongtay.planning.PlanDetail.Objective;
import vn.vongtay.planning.PlanDetail.Reference;
import vn.vongtay.planning.PlanDetail.ReportingRule;
import vn.vongtay.planning.PlanDetail.Target;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.PlanDetail.Timeframe;
import vn.vongtay.planning.internal.PlanAccess;
import vn.vongtay.planning.internal.PlanExporter;
import vn.vongtay.planning.internal.PlanImporter;
import vn.vongtay.planning.internal.TargetStatusPolicy;

/**
 * The plans the caller may see, with their targets and tasks tracked: the status of a task is what its lead agency last
 * reported, or overdue once its deadline has passed without it being done.
 */
@Component
@Transactional(readOnly = true)
public class Plans {

	/**
	 * True for the task {@code t} when the agency answering for it (the one it was handed to, else its lead, followed
	 * through its replacements) has ended and nobody carries its duties: the district offices abolished on 01/07/2025
	 * (Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 51 khoản 3). Binds {@code :today}.
	 */
	private static final String WITHOUT_OWNER = """
			(t.closed_on IS NULL AND EXISTS (
			   WITH RECURSIVE chain(id, depth) AS (
			     SELECT COALESCE(t.carried_by_agency_id, t.lead_agency_id), 0
			     UNION ALL
			     SELECT a.replaced_by_id, c.depth + 1 FROM chain c JOIN directory.agency a ON a.id = c.id
			     WHERE a.replaced_by_id IS NOT NULL AND c.depth < 20)
			   SELECT 1 FROM chain c JOIN directory.agency e ON e.id = c.id
			   WHERE e.replaced_by_id IS NULL AND e.valid_to < CAST(:today AS date)))""";

	private static final String SUMMARY = """
			SELECT p.id, p.key, p.kind, p.number, p.title, u.code AS unit_code, u.full_name AS unit_name, p.issued_on,
			       p.year_from, p.year_to, p.status,
			       (SELECT count(*) FROM planning.target t WHERE t.plan_id = p.id AND t.parent_id IS NULL) AS target_count,
			       s.task_count, s.tasks_done, s.tasks_overdue, s.tasks_without_owner
			FROM planning.plan p
			JOIN geography.unit u ON u.id = p.issuer_unit_id
			CROSS JOIN LATERAL (
			  SELECT count(*) AS task_count,
			         count(*) FILTER (WHERE lp.status = 'DONE') AS tasks_done,
			         count(*) FILTER (WHERE lp.status IS DISTINCT FROM 'DONE' AND t.closed_on IS NULL AND NOT w.without_owner
			                          AND (lp.status = 'OVERDUE' OR t.due_on < :today)) AS tasks_overdue,
			         count(*) FILTER (WHERE lp.status IS DISTINCT FROM 'DONE' AND w.without_owner) AS tasks_without_owner
			  FROM planning.task t
			  LEFT JOIN LATERAL (SELECT pr.status FROM planning.progress pr WHERE pr.task_id = t.id AND pr.role = 'LEAD'
			                     ORDER BY pr.period_end DESC, pr.recorded_at DESC LIMIT 1) lp ON true
			  CROSS JOIN LATERAL (SELECT """ + WITHOUT_OWNER + """
			 AS without_owner) w
			  WHERE t.plan_id = p.id) s
			""";

	private static final String TASK = """
			SELECT t.id, t.plan_id, t.number, t.section, t.statement, t.lead_agency_id, t.timeframe_kind, t.timeframe_year,
			       t.timeframe_quarter, t.due_on, t.timeframe_text, t.expected_result, lp.status AS latest_status,
			       lp.period AS latest_period, t.carried_by_agency_id, t.closed_on, t.closure_reason, t.version,
			       """ + WITHOUT_OWNER + """
			 AS without_owner,
			       ARRAY(SELECT tp.agency_id FROM planning.task_partner tp WHERE tp.task_id = t.id ORDER BY tp.position) AS partners,
			       (SELECT count(*) FROM planning.task_answer ta JOIN planning.task lt ON lt.id = ta.task_id
			          JOIN planning.plan lower_plan ON lower_plan.id = lt.plan_id
			        WHERE ta.higher_plan_number = hp.number AND ta.higher_task_number = t.number
			          AND (ta.higher_plan_date IS NULL OR ta.higher_plan_date = hp.issued_on)) AS lower_count
			FROM planning.task t
			JOIN planning.plan hp ON hp.id = t.plan_id
			LEFT JOIN LATERAL (SELECT pr.status, pr.period FROM planning.progress pr WHERE pr.task_id = t.id AND pr.role = 'LEAD'
			                   ORDER BY pr.period_end DESC, pr.recorded_at DESC LIMIT 1) lp ON true
			""";

	private final JdbcClient jdbc;
	private final PlanAccess access;
	private final PlanImporter importer;
	private final PlanExporter exporter;
	private final AuditLog audit;
	private final Clock clock;
	private final ObjectProvider<IndicatorReadings> indicatorReadings;

	Plans(JdbcClient jdbc, PlanAccess access, PlanImporter importer, PlanExporter exporter, AuditLog audit,
			Clock clock, ObjectProvider<IndicatorReadings> indicatorReadings) {
		this.jdbc = jdbc;
		this.indicatorReadings = indicatorReadings;
		this.access = access;
		this.importer = importer;
		this.exporter = exporter;
		this.audit = audit;
		this.clock = clock;
	}

	public List<PlanSummary> list(String query, PlanStatus status, int page, int size) {
		access.requireReader();
		String folded = query == null || query.isBlank() ? null : "%" + VietnameseText.fold(query.strip()) + "%";
		return access.bind(jdbc.sql(SUMMARY + " WHERE " + access.visible("p") + """
				  AND (CAST(:q AS text) IS NULL OR public.vn_fold(p.title) LIKE :q OR public.vn_fold(coalesce(p.number, '')) LIKE :q
				       OR public.vn_fold(u.full_name) LIKE :q)
				  AND (CAST(:status AS text) IS NULL OR p.status = :status)
				ORDER BY coalesce(p.issued_on, make_date(p.year_from, 1, 1)) DESC, p.id DESC LIMIT :limit OFFSET :offset"""))
			.param("today", today())
			.param("q", folded)
			.param("status", status == null ? null : status.name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Plans::summary)
			.list();
	}

	public PlanDetail get(long id) {
		access.requireVisible(id);
		PlanSummary summary = jdbc.sql(SUMMARY + " WHERE p.id = :id")
			.param("today", today())
			.param("id", id)
			.query(Plans::summary)
			.single();
		record Header(Long issuerAgency, String submissionNumber, LocalDate submissionDate, String submissionTitle,
				String sourceFile, String summaryText, boolean hasText, int version) {
		}
		Header header = jdbc.sql("""
				SELECT issuer_agency_id, submission_number, submission_date, submission_title, source_file, summary,
				       original_text IS NOT NULL AS has_text, version
				FROM planning.plan WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Header((Long) rs.getObject("issuer_agency_id"), rs.getString("submission_number"),
					rs.getObject("submission_date", LocalDate.class), rs.getString("submission_title"),
					rs.getString("source_file"), rs.getString("summary"), rs.getBoolean("has_text"), rs.getInt("version")))
			.single();
		List<Reference> references = jdbc.sql("""
				SELECT kind, number, issued_on, issuer, title, implements FROM planning.plan_reference
				WHERE plan_id = :id ORDER BY position""")
			.param("id", id)
			.query((rs, n) -> new Reference(rs.getString("kind"), rs.getString("number"),
					rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getString("title"),
					rs.getBoolean("implements")))
			.list();
		List<PlanSummary> implemented = access.bind(jdbc.sql(SUMMARY + """
				 JOIN planning.plan_reference r ON r.implements AND r.number = p.number
				      AND (r.issued_on IS NULL OR r.issued_on = p.issued_on)
				WHERE r.plan_id = :id AND p.id <> :id AND """ + " " + access.visible("p") + " ORDER BY p.issued_on"))
			.param("today", today())
			.param("id", id)
			.query(Plans::summary)
			.list();
		List<Task> tasks = tasks("t.plan_id = :plan ORDER BY t.position", Map.of("plan", id));
		List<ReportingRule> reporting = reportingRules(id);
		AgencyRef issuerAgency = header.issuerAgency() == null ? null
				: agencyRefs(List.of(header.issuerAgency())).get(header.issuerAgency());
		return new PlanDetail(summary, issuerAgency, header.submissionNumber(), header.submissionDate(),
				header.submissionTitle(), header.sourceFile(), header.summaryText(), header.hasText(), references,
				implemented, objectives(id, summary.yearFrom()), figures(id), allowances(id), tasks, reporting,
				header.version());
	}

	/** The plan's text as issued, when the document carried it. */
	public String originalText(long id) {
		access.requireVisible(id);
		return jdbc.sql("SELECT original_text FROM planning.plan WHERE id = :id").param("id", id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}

	/** The lower-level plans that implement this one (that cite its number and date as a plan they carry out). */
	public List<PlanSummary> lowerPlans(long id) {
		access.requireVisible(id);
		return access.bind(jdbc.sql(SUMMARY + """
				WHERE EXISTS (SELECT 1 FROM planning.plan h JOIN planning.plan_reference r ON r.implements
				                AND r.number = h.number AND (r.issued_on IS NULL OR r.issued_on = h.issued_on)
				              WHERE h.id = :id AND r.plan_id = p.id AND p.id <> h.id)
				  AND """ + " " + access.visible("p") + " ORDER BY u.code, p.issued_on"))
			.param("today", today())
			.param("id", id)
			.query(Plans::summary)
			.list();
	}

	/** The tasks the caller's agency leads or takes part in, across every plan, by plan and overdue first. */
	public List<Task> myTasks() {
		access.requireReader();
		List<Long> mine = access.myAgencies();
		if (mine.isEmpty()) {
			return List.of();
		}
		List<Task> tasks = new ArrayList<>(tasks("""
				(t.lead_agency_id IN (:mine) OR t.carried_by_agency_id IN (:mine)
				 OR EXISTS (SELECT 1 FROM planning.task_partner tp WHERE tp.task_id = t.id AND tp.agency_id IN (:mine)))
				ORDER BY hp.issued_on DESC NULLS LAST, t.plan_id, t.position""", Map.of("mine", mine)));
		// grouped by plan, the newest plan first as the query ordered them, and overdue first within each plan
		Map<Long, Integer> planOrder = new HashMap<>();
		tasks.forEach(t -> planOrder.putIfAbsent(t.planId(), planOrder.size()));
		tasks.sort(Comparator.comparing((Task t) -> planOrder.get(t.planId())).thenComparing(byUrgency()));
		return tasks;
	}

	/** The plans with these ids that the caller may see, by id (to name the plans of a list of tasks). */
	public Map<Long, PlanSummary> summaries(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, PlanSummary> found = new HashMap<>();
		access.bind(jdbc.sql(SUMMARY + " WHERE p.id IN (:ids) AND " + access.visible("p")))
			.param("today", today())
			.param("ids", ids)
			.query(Plans::summary)
			.list()
			.forEach(plan -> found.put(plan.id(), plan));
		return found;
	}

	/** The tasks of a plan grouped by lead agency, each group overdue first; tasks without a lead come last. */
	public Map<AgencyRef, List<Task>> tasksByAgency(long planId) {
		access.requireVisible(planId);
		Map<AgencyRef, List<Task>> groups = new LinkedHashMap<>();
		List<Task> tasks = new ArrayList<>(tasks("t.plan_id = :plan ORDER BY t.position", Map.of("plan", planId)));
		tasks.sort(Comparator.comparing((Task t) -> t.leadAgency() == null ? "\uffff" : t.leadAgency().name(),
				VietnameseText.alphabetical()).thenComparing(byUrgency()));
		for (Task task : tasks) {
			groups.computeIfAbsent(task.leadAgency(), k -> new ArrayList<>()).add(task);
		}
		return groups;
	}

	/**
	 * Imports a plan written in the exchange format; see {@code docs/plan-format.md}.
	 *
	 * @param choices what a person decided for the agencies the directory does not have under the same name
	 * @throws UserFacingException 403 when the caller may not import plans ({@link #mayImport()}), 422 with every
	 *         problem of the document
	 * @throws AgenciesToConfirm when the document is right but names agencies a person has to confirm
	 */
	@Transactional
	public long importDocument(String text, AgencyChoices choices) {
		return importer.importDocument(text, choices);
	}

	/** Whether the caller may read plans at all (the need-to-know table, {@code Data.PLANS}). */
	public boolean mayRead() {
		return Jurisdictions.requireUser().may(Data.PLANS, Use.READ);
	}

	/** Whether the caller may import plans: those who write plans for the units of their jurisdiction. */
	public boolean mayImport() {
		return access.writesForUnits();
	}

	/** @throws UserFacingException 403 unless the caller {@link #mayImport() may import} plans */
	public void requireImporter() {
		access.requireImporter();
	}

	/** The plan in the exchange format, for another system or to be edited and loaded again. */
	public String export(long id) {
		access.requireVisible(id);
		audit.record("PLAN_EXPORTED", "Plan", id, null, null);
		return exporter.export(id);
	}

	/**
	 * Records what a target achieved on a date: a value for a measured target, an assessment for a qualitative one.
	 * Only the officers of the issuing unit, or an agency leading one of the plan's tasks, may.
	 */
	@Transactional
	public void recordAchievement(long targetId, LocalDate asOf, BigDecimal value, TargetStatus assessment,
			String note) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.PLANS, Use.WRITE);
		var target = jdbc.sql("""
				SELECT t.plan_id, t.measure, p.issuer_unit_id, t.indicator_code FROM planning.target t
				JOIN planning.plan p ON p.id = t.plan_id
				WHERE t.id = :id""")
			.param("id", targetId)
			.query((rs, n) -> new Object[] { rs.getLong("plan_id"), Measure.valueOf(rs.getString("measure")),
					rs.getLong("issuer_unit_id"), rs.getString("indicator_code") })
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.plan.target-not-found", targetId));
		long planId = (Long) target[0];
		access.requireVisible(planId);
		if (!mayRecordAchievements(planId)) {
			throw new UserFacingException(403, "error.plan.not-responsible");
		}
		List<InputProblem> problems = new ArrayList<>();
		if (asOf == null) {
			problems.add(InputProblem.field("asOf", "error.field.required", "asOf"));
		}
		else if (asOf.isAfter(today())) {
			problems.add(InputProblem.field("asOf", "error.plan.date-in-future"));
		}
		boolean quantitative = ((Measure) target[1]).quantitative();
		if (quantitative && target[3] != null) {
			// one target, one value: the indicator's (issue 18)
			throw UserFacingException.rejected(List.of(InputProblem.field("value", "error.plan.target-from-indicator",
					target[3])));
		}
		if (quantitative && value == null) {
			problems.add(InputProblem.field("value", "error.field.required", "value"));
		}
		if (!quantitative && (assessment == null || assessment == TargetStatus.NO_DATA)) {
			problems.add(InputProblem.field("assessment", "error.field.required", "assessment"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		jdbc.sql("""
				INSERT INTO planning.achievement (target_id, as_of, value, assessment, note, recorded_by)
				VALUES (:target, :asOf, :value, :assessment, :note, :by)""")
			.param("target", targetId)
			.param("asOf", asOf)
			.param("value", quantitative ? value : null)
			.param("assessment", quantitative ? null : assessment.name())
			.param("note", VietnameseText.clean(note))
			.param("by", Jurisdictions.requireUser().id())
			.update();
		audit.record("TARGET_ACHIEVEMENT_RECORDED", "Target", targetId, (Long) target[2], String.valueOf(value));
	}

	/** Whether the caller may record what the plan's targets achieved. */
	public boolean mayRecordAchievements(long planId) {
		if (!Jurisdictions.requireUser().may(Data.PLANS, Use.WRITE)) {
			return false;
		}
		long issuerUnit = jdbc.sql("SELECT issuer_unit_id FROM planning.plan WHERE id = :id").param("id", planId)
			.query(Long.class).single();
		return access.managesPlan(issuerUnit) || leadsTaskOf(planId);
	}

	private boolean leadsTaskOf(long planId) {
		List<Long> mine = access.myAgencies();
		return !mine.isEmpty() && jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM planning.task WHERE plan_id = :plan AND lead_agency_id IN (:mine))""")
			.param("plan", planId)
			.param("mine", mine)
			.query(Boolean.class)
			.single();
	}

	// --- read model ---

	List<Task> tasks(String condition, Map<String, ?> parameters) {
		LocalDate today = today();
		var rows = jdbc.sql(TASK + " WHERE " + condition).params(parameters).param("today", today)
			.query(TaskRow::map).list();
		Set<Long> agencyIds = new HashSet<>();
		for (TaskRow row : rows) {
			if (row.lead() != null) {
				agencyIds.add(row.lead());
			}
			if (row.carriedBy() != null) {
				agencyIds.add(row.carriedBy());
			}
			agencyIds.addAll(row.partners());
		}
		Map<Long, AgencyRef> refs = agencyRefs(agencyIds);
		return rows.stream().map(row -> row.toTask(refs, today)).toList();
	}

	private record TaskRow(long id, long planId, String number, String section, String statement, Long lead,
			List<Long> partners, Timeframe timeframe, String expectedResult, ProgressStatus latest, String latestPeriod,
			int lowerCount, Long carriedBy, LocalDate closedOn, String closureReason, int version,
			boolean withoutOwner) {

		static TaskRow map(ResultSet rs, int n) throws SQLException {
			Long[] partners = (Long[]) rs.getArray("partners").getArray();
			String latest = rs.getString("latest_status");
			return new TaskRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("number"), rs.getString("section"),
					rs.getString("statement"), (Long) rs.getObject("lead_agency_id"), List.of(partners),
					new Timeframe(TimeframeKind.valueOf(rs.getString("timeframe_kind")),
							(Integer) rs.getObject("timeframe_year"), (Integer) rs.getObject("timeframe_quarter"),
							rs.getObject("due_on", LocalDate.class), rs.getString("timeframe_text")),
					rs.getString("expected_result"), latest == null ? null : ProgressStatus.valueOf(latest),
					rs.getString("latest_period"), rs.getInt("lower_count"), (Long) rs.getObject("carried_by_agency_id"),
					rs.getObject("closed_on", LocalDate.class), rs.getString("closure_reason"), rs.getInt("version"),
					rs.getBoolean("without_owner"));
		}

		Task toTask(Map<Long, AgencyRef> refs, LocalDate today) {
			ProgressStatus status = closedOn != null ? ProgressStatus.CLOSED
					: withoutOwner && latest != ProgressStatus.DONE ? ProgressStatus.NO_OWNER
					: effectiveStatus(latest, timeframe.dueOn(), today);
			return new Task(id, planId, number, section, statement, lead == null ? null : refs.get(lead),
					partners.stream().map(refs::get).toList(), timeframe, expectedResult, status,
					latestPeriod == null ? null : Period.parse(latestPeriod), lowerCount,
					carriedBy == null ? null : refs.get(carriedBy), closedOn, closureReason, version);
		}
	}

	/** Done stays done; past its deadline a task not done is overdue whatever was last reported. */
	static ProgressStatus effectiveStatus(ProgressStatus latest, LocalDate dueOn, LocalDate today) {
		if (latest == ProgressStatus.DONE) {
			return ProgressStatus.DONE;
		}
		if (latest == ProgressStatus.OVERDUE || (dueOn != null && dueOn.isBefore(today))) {
			return ProgressStatus.OVERDUE;
		}
		return latest == null ? ProgressStatus.NOT_STARTED : latest;
	}

	static Comparator<Task> byUrgency() {
		return Comparator.comparing((Task t) -> urgency(t.status()))
			.thenComparing(t -> t.timeframe().dueOn(), Comparator.nullsLast(Comparator.naturalOrder()));
	}

	private static int urgency(ProgressStatus status) {
		return switch (status) {
			case NO_OWNER -> 0;
			case OVERDUE -> 1;
			case AT_RISK -> 2;
			case NOT_STARTED -> 3;
			case ON_TRACK -> 4;
			case DONE -> 5;
			case CLOSED -> 6;
		};
	}

	Map<Long, AgencyRef> agencyRefs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, AgencyRef> refs = new HashMap<>();
		jdbc.sql("""
				WITH RECURSIVE chain(start_id, id, depth) AS (
				  SELECT a.id, a.id, 0 FROM directory.agency a WHERE a.id IN (:ids)
				  UNION ALL
				  SELECT c.start_id, a.replaced_by_id, c.depth + 1
				  FROM chain c JOIN directory.agency a ON a.id = c.id
				  WHERE a.replaced_by_id IS NOT NULL AND c.depth < 20)
				SELECT DISTINCT ON (c.start_id) c.start_id, s.name, su.code AS unit_code, c.id AS current_id,
				       cur.name AS current_name, cur.valid_to AS current_valid_to
				FROM chain c
				JOIN directory.agency s ON s.id = c.start_id
				JOIN geography.unit su ON su.id = s.unit_id
				JOIN directory.agency cur ON cur.id = c.id
				ORDER BY c.start_id, c.depth DESC""")
			.param("ids", ids)
			.query((rs, n) -> new AgencyRef(rs.getLong("start_id"), rs.getString("name"), rs.getString("unit_code"),
					rs.getLong("current_id"), rs.getString("current_name"),
					rs.getObject("current_valid_to", LocalDate.class)))
			.list()
			.forEach(ref -> refs.put(ref.id(), ref));
		return refs;
	}

	private List<Objective> objectives(long planId, int planStartYear) {
		SortedMap<Long, SortedMap<Integer, BigDecimal>> values = new TreeMap<>();
		SortedMap<Long, SortedMap<Integer, BigDecimal>> upper = new TreeMap<>();
		jdbc.sql("""
				SELECT v.target_id, v.year, v.value, v.upper_value FROM planning.target_value v
				JOIN planning.target t ON t.id = v.target_id
				WHERE t.plan_id = :plan""")
			.param("plan", planId)
			.query(rs -> {
				values.computeIfAbsent(rs.getLong("target_id"), k -> new TreeMap<>())
					.put(rs.getInt("year"), rs.getBigDecimal("value"));
				if (rs.getBigDecimal("upper_value") != null) {
					upper.computeIfAbsent(rs.getLong("target_id"), k -> new TreeMap<>())
						.put(rs.getInt("year"), rs.getBigDecimal("upper_value"));
				}
			});
		LocalDate today = today();
		List<TargetData> rows = jdbc.sql("""
				SELECT t.id, t.objective_id, t.parent_id, t.code, t.statement, t.measure, t.direction, t.baseline_value,
				       t.baseline_year, t.base_year, t.unit_id, u.code AS unit_code, u.valid_to AS unit_end, t.indicator_code,
				       a.as_of, a.value, a.assessment, a.note, au.display_name AS recorded_by
				FROM planning.target t
				JOIN geography.unit u ON u.id = t.unit_id
				LEFT JOIN LATERAL (SELECT * FROM planning.achievement x WHERE x.target_id = t.id
				                   ORDER BY x.as_of DESC, x.id DESC LIMIT 1) a ON true
				LEFT JOIN identity.app_user au ON au.id = a.recorded_by
				WHERE t.plan_id = :plan ORDER BY t.parent_id NULLS FIRST, t.position""")
			.param("plan", planId)
			.query((rs, n) -> {
				String direction = rs.getString("direction");
				String assessment = rs.getString("assessment");
				LocalDate asOf = rs.getObject("as_of", LocalDate.class);
				return new TargetData(rs.getLong("id"), rs.getLong("objective_id"), (Long) rs.getObject("parent_id"),
						rs.getString("code"), rs.getString("statement"), Measure.valueOf(rs.getString("measure")),
						direction == null ? null : Direction.valueOf(direction), rs.getBigDecimal("baseline_value"),
						(Integer) rs.getObject("baseline_year"), (Integer) rs.getObject("base_year"), rs.getLong("unit_id"),
						rs.getString("unit_code"), rs.getObject("unit_end", LocalDate.class), rs.getString("indicator_code"),
						asOf == null ? null
								: new Achievement(asOf, rs.getBigDecimal("value"),
										assessment == null ? null : TargetStatus.valueOf(assessment), rs.getString("note"),
										rs.getString("recorded_by"), null, null, null, false));
			})
			.list();
		Map<Long, Achievement> read = indicatorValues(rows, planStartYear, today);
		record TargetRow(long objectiveId, Long parentId, Target target) {
		}
		List<TargetRow> targets = new ArrayList<>();
		for (TargetData row : rows) {
			SortedMap<Integer, BigDecimal> targetValues = values.getOrDefault(row.id(), new TreeMap<>());
			Achievement latest = row.boundToIndicator() ? read.get(row.id()) : row.recorded();
			TargetStatus status = latest != null && latest.assessment() != null ? latest.assessment()
					: TargetStatusPolicy.assess(row.direction(), row.baseline(), row.baselineYear(), planStartYear,
							targetValues, latest == null ? null : latest.value(), latest == null ? today : latest.asOf());
			targets.add(new TargetRow(row.objectiveId(), row.parentId(), new Target(row.id(), row.code(),
					row.statement(), row.measure(), row.direction(), row.baseline(), row.baselineYear(), targetValues,
					upper.getOrDefault(row.id(), new TreeMap<>()), row.baseYear(), row.unitCode(), row.indicator(),
					latest, status, new ArrayList<>())));
		}
		Map<Long, Target> byId = new HashMap<>();
		Map<Long, List<Target>> byObjective = new HashMap<>();
		for (TargetRow row : targets) {
			byId.put(row.target().id(), row.target());
			if (row.parentId() == null) {
				byObjective.computeIfAbsent(row.objectiveId(), k -> new ArrayList<>()).add(row.target());
			}
			else {
				byId.get(row.parentId()).parts().add(row.target());
			}
		}
		return jdbc.sql("SELECT id, number, kind, statement FROM planning.objective WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> new Objective(rs.getLong("id"), rs.getString("number"), rs.getString("kind"),
					rs.getString("statement"), byObjective.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** A target as stored, with the latest value a person recorded for it. */
	private record TargetData(long id, long objectiveId, Long parentId, String code, String statement, Measure measure,
			Direction direction, BigDecimal baseline, Integer baselineYear, Integer baseYear, long unitId,
			String unitCode, LocalDate unitEnd, String indicator, Achievement recorded) {

		boolean boundToIndicator() {
			return indicator != null && measure.quantitative();
		}
	}

	/**
	 * What the indicators give the targets bound to one (one target, one value), read once per unit and year, by target
	 * id; a target whose indicator has no value for the caller has none.
	 */
	private Map<Long, Achievement> indicatorValues(List<TargetData> targets, int planStartYear, LocalDate today) {
		record UnitYear(long unitId, int year) {
		}
		Map<Long, Achievement> read = new HashMap<>();
		IndicatorReadings readings = indicatorReadings.getIfAvailable();
		if (readings == null) {
			return read;
		}
		Map<UnitYear, List<TargetData>> byUnitAndYear = new LinkedHashMap<>();
		for (TargetData target : targets) {
			Integer year = readingYear(planStartYear, target.unitEnd(), today);
			if (target.boundToIndicator() && year != null) {
				byUnitAndYear.computeIfAbsent(new UnitYear(target.unitId(), year), k -> new ArrayList<>()).add(target);
			}
		}
		byUnitAndYear.forEach((key, bound) -> {
			LocalDate yearEnd = LocalDate.of(key.year(), 12, 31);
			LocalDate asOf = yearEnd.isAfter(today) ? today : yearEnd;
			Map<String, IndicatorReadings.Reading> found = readings.read(key.unitId(), key.year(),
					bound.stream().map(TargetData::indicator).distinct().toList());
			for (TargetData target : bound) {
				IndicatorReadings.Reading reading = found.get(target.indicator());
				if (reading != null && (reading.value() != null || reading.suppressed())) {
					read.put(target.id(), new Achievement(asOf, reading.value(), null, null, null, target.indicator(),
							reading.numerator(), reading.denominator(), reading.suppressed()));
				}
			}
		});
		return read;
	}

	/**
	 * The year a bound target's indicator is read for: this year, or for a unit that has ended (a district abolished
	 * on 01/07/2025) the last year it lasted through; none before the plan's first year.
	 */
	static Integer readingYear(int planStartYear, LocalDate unitEnd, LocalDate today) {
		int year = today.getYear();
		if (unitEnd != null) {
			int lastWholeYear = unitEnd.getMonthValue() == 12 && unitEnd.getDayOfMonth() == 31 ? unitEnd.getYear()
					: unitEnd.getYear() - 1;
			year = Math.min(year, lastWholeYear);
		}
		return year < planStartYear ? null : year;
	}

	private List<Figure> figures(long planId) {
		return jdbc.sql("""
				SELECT f.*, u.code AS unit_code FROM planning.plan_figure f JOIN geography.unit u ON u.id = f.unit_id
				WHERE f.plan_id = :plan ORDER BY f.position""")
			.param("plan", planId)
			.query((rs, n) -> new Figure(rs.getString("statement"), rs.getBigDecimal("value"),
					Measure.valueOf(rs.getString("measure")), (Integer) rs.getObject("year_from"), rs.getInt("year_to"),
					rs.getString("unit_code"), rs.getString("indicator_code"), rs.getString("note")))
			.list();
	}

	private List<Allowance> allowances(long planId) {
		return jdbc.sql("SELECT * FROM planning.plan_allowance WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> new Allowance(rs.getString("recipient"), rs.getBigDecimal("coefficient"),
					rs.getString("basis") == null ? null : AllowanceBasis.valueOf(rs.getString("basis")),
					rs.getBigDecimal("amount"), AllowancePeriod.valueOf(rs.getString("period")), rs.getString("text")))
			.list();
	}

	private List<ReportingRule> reportingRules(long planId) {
		record Row(long id, ReportKind kind, Long reporter, List<Long> reporters, Long recipient, Integer from,
				Integer to, Integer half, Integer quarter, Integer month, LocalDate due, List<String> annexes,
				String text) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM planning.reporting_rule WHERE plan_id = :plan ORDER BY position")
			.param("plan", planId)
			.query((rs, n) -> new Row(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")),
					(Long) rs.getObject("reporter_agency_id"), List.of((Long[]) rs.getArray("reporter_agency_ids").getArray()),
					(Long) rs.getObject("recipient_agency_id"), (Integer) rs.getObject("period_from"),
					(Integer) rs.getObject("period_to"), (Integer) rs.getObject("period_half"),
					(Integer) rs.getObject("period_quarter"), (Integer) rs.getObject("period_month"),
					rs.getObject("due_on", LocalDate.class), List.of((String[]) rs.getArray("annexes").getArray()),
					rs.getString("text")))
			.list();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			if (r.reporter() != null) {
				ids.add(r.reporter());
			}
			ids.addAll(r.reporters());
			if (r.recipient() != null) {
				ids.add(r.recipient());
			}
		});
		Map<Long, AgencyRef> refs = agencyRefs(ids);
		return rows.stream()
			.map(r -> new ReportingRule(r.id(), r.kind(), r.reporter() == null ? null : refs.get(r.reporter()),
					r.reporters().stream().map(refs::get).toList(), r.recipient() == null ? null : refs.get(r.recipient()),
					r.from(), r.to(), r.half(), r.quarter(), r.month(), r.due(), r.annexes(), r.text()))
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static PlanSummary summary(ResultSet rs, int row) throws SQLException {
		return new PlanSummary(rs.getLong("id"), rs.getString("key"), PlanKind.valueOf(rs.getString("kind")),
				rs.getString("number"), rs.getString("title"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getObject("issued_on", LocalDate.class), rs.getInt("year_from"), (Integer) rs.getObject("year_to"),
				PlanStatus.valueOf(rs.getString("status")), rs.getInt("target_count"), rs.getInt("task_count"),
				rs.getInt("tasks_done"), rs.getInt("tasks_overdue"), rs.getInt("tasks_without_owner"));
	}
}
