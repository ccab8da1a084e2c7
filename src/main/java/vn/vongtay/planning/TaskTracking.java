package vn.vongtay.planning;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.AttachedFiles;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.TaskProgress.Evidence;
import vn.vongtay.planning.internal.PlanAccess;

/**
 * Progress on tasks: per reporting period the lead agency records how the task stands, what was done, figures and
 * evidence files; each partner agency adds its contribution; the officers of the issuing unit may record for either.
 */
@Component
@Transactional(readOnly = true)
public class TaskTracking {

	/** A file a user uploads. */
	public record Upload(String fileName, String contentType, byte[] content) {
	}

	/** An evidence file's content, for download. */
	public record EvidenceFile(String fileName, String contentType, byte[] content) {
	}

	/** Which agency the caller may record progress for on a task, and in which role. */
	public record Reporter(AgencyRef agency, boolean lead) {
	}

	private final JdbcClient jdbc;
	private final Plans plans;
	private final PlanAccess access;
	private final AuditLog audit;
	private final Clock clock;

	TaskTracking(JdbcClient jdbc, Plans plans, PlanAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** @throws UserFacingException 404 when the task does not exist or its plan is not visible */
	public Task task(long taskId) {
		Long planId = jdbc.sql("SELECT plan_id FROM planning.task WHERE id = :id").param("id", taskId)
			.query(Long.class).optional()
			.orElseThrow(() -> UserFacingException.notFound("error.plan.task-not-found", taskId));
		access.requireVisible(planId);
		return plans.tasks("t.id = :id", Map.of("id", taskId)).get(0);
	}

	/** Every report and contribution on the task, newest period first. */
	public List<TaskProgress> progressOf(long taskId) {
		task(taskId);
		Map<Long, List<Evidence>> evidence = new HashMap<>();
		jdbc.sql("""
				SELECT e.id, e.progress_id, e.file_name, e.content_type, e.size_bytes FROM planning.evidence e
				JOIN planning.progress p ON p.id = e.progress_id WHERE p.task_id = :task ORDER BY e.id""")
			.param("task", taskId)
			.query(rs -> {
				evidence.computeIfAbsent(rs.getLong("progress_id"), k -> new ArrayList<>())
					.add(new Evidence(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
							rs.getLong("size_bytes")));
			});
		record Row(long id, String period, long agency, boolean lead, ProgressStatus status, String done,
				String figures, String by, java.time.Instant at, int version) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT p.*, u.display_name FROM planning.progress p LEFT JOIN identity.app_user u ON u.id = p.recorded_by
				WHERE p.task_id = :task ORDER BY p.period_end DESC, p.role, p.recorded_at DESC""")
			.param("task", taskId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("period"), rs.getLong("agency_id"),
					"LEAD".equals(rs.getString("role")), ProgressStatus.valueOf(rs.getString("status")),
					rs.getString("done"), rs.getString("figures"), rs.getString("display_name"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getInt("version")))
			.list();
		Set<Long> agencyIds = new HashSet<>();
		rows.forEach(r -> agencyIds.add(r.agency()));
		Map<Long, AgencyRef> refs = plans.agencyRefs(agencyIds);
		return rows.stream()
			.map(r -> new TaskProgress(r.id(), taskId, Period.parse(r.period()), refs.get(r.agency()), r.lead(),
					r.status(), r.done(), r.figures(), r.by(), r.at(), r.version(),
					evidence.getOrDefault(r.id(), List.of())))
			.toList();
	}

	/** The tasks of lower plans that answer this one, with how far they are. */
	public List<Task> lowerTasks(long taskId) {
		task(taskId);
		return plans.tasks("""
				t.id IN (SELECT ta.task_id FROM planning.task_answer ta
				         JOIN planning.task h ON h.id = :task JOIN planning.plan hp2 ON hp2.id = h.plan_id
				         WHERE ta.higher_plan_number = hp2.number AND ta.higher_task_number = h.number
				           AND (ta.higher_plan_date IS NULL OR ta.higher_plan_date = hp2.issued_on))
				ORDER BY hp.issued_on, t.position""", Map.of("task", taskId));
	}

	/** The agencies the caller may record progress for on this task: empty when they may only read. */
	public List<Reporter> reportersFor(long taskId) {
		Task task = task(taskId);
		List<Reporter> reporters = new ArrayList<>();
		long issuerUnit = jdbc.sql("SELECT p.issuer_unit_id FROM planning.plan p WHERE p.id = :plan")
			.param("plan", task.planId()).query(Long.class).single();
		if (!Jurisdictions.requireUser().may(NeedToKnow.Data.PLANS, NeedToKnow.Use.WRITE)) {
			return reporters;
		}
		if (task.status() == ProgressStatus.CLOSED) {
			return reporters;
		}
		List<Long> mine = access.myAgencies();
		boolean manages = access.managesPlan(issuerUnit);
		// the agency a task was handed to reports as its lead
		AgencyRef owner = task.owner();
		if (owner != null && (manages || mine.contains(owner.id()))) {
			reporters.add(new Reporter(owner, true));
		}
		for (AgencyRef partner : task.partnerAgencies()) {
			if (manages || mine.contains(partner.id())) {
				reporters.add(new Reporter(partner, false));
			}
		}
		return reporters;
	}

	/**
	 * Records (or corrects, when {@code version} is the one read) what an agency did on a task in a period, with
	 * evidence files added to those already there.
	 *
	 * @throws OptimisticLockingFailureException when someone else changed the same report since it was read
	 */
	@Transactional
	public long record(long taskId, long agencyId, Period period, ProgressStatus status, String done, String figures,
			Integer version, List<Upload> files) {
		Reporter reporter = reportersFor(taskId).stream().filter(r -> r.agency().id() == agencyId).findFirst()
			.orElseThrow(() -> new UserFacingException(403, "error.plan.not-responsible"));
		List<InputProblem> problems = new ArrayList<>();
		if (period == null) {
			problems.add(InputProblem.field("period", "error.field.required", "period"));
		}
		else if (period.start().isAfter(LocalDate.now(clock))) {
			problems.add(InputProblem.field("period", "error.plan.period-in-future", period.code()));
		}
		if (status == null) {
			problems.add(InputProblem.field("status", "error.field.required", "status"));
		}
		else if (!ProgressStatus.reportable().contains(status)) {
			problems.add(InputProblem.field("status", "error.plan.status-not-reportable", status.name()));
		}
		for (Upload file : files) {
			problems.addAll(checkEvidence(file));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long userId = Jurisdictions.requireUser().id();
		Long existing = jdbc.sql("""
				SELECT id FROM planning.progress WHERE task_id = :task AND period = :period AND agency_id = :agency""")
			.param("task", taskId).param("period", period.code()).param("agency", agencyId)
			.query(Long.class).optional().orElse(null);
		long progressId;
		if (existing == null) {
			progressId = jdbc.sql("""
					INSERT INTO planning.progress (task_id, period, period_end, agency_id, role, status, done, figures,
					       recorded_by)
					VALUES (:task, :period, :end, :agency, :role, :status, :done, :figures, :by)
					ON CONFLICT (task_id, period, agency_id) DO NOTHING RETURNING id""")
				.param("task", taskId)
				.param("period", period.code())
				.param("end", period.end())
				.param("agency", agencyId)
				.param("role", reporter.lead() ? "LEAD" : "PARTNER")
				.param("status", status.name())
				.param("done", VietnameseText.clean(done))
				.param("figures", VietnameseText.clean(figures))
				.param("by", userId)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new OptimisticLockingFailureException("progress recorded concurrently"));
		}
		else {
			if (version == null) {
				throw new OptimisticLockingFailureException("progress " + existing + " exists; its version was not given");
			}
			int changed = jdbc.sql("""
					UPDATE planning.progress SET status = :status, done = :done, figures = :figures, recorded_by = :by,
					       recorded_at = now(), version = version + 1
					WHERE id = :id AND version = :version""")
				.param("status", status.name())
				.param("done", VietnameseText.clean(done))
				.param("figures", VietnameseText.clean(figures))
				.param("by", userId)
				.param("id", existing)
				.param("version", version)
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("progress " + existing + " changed since version " + version);
			}
			progressId = existing;
		}
		for (Upload file : files) {
			AttachedFiles.bind(jdbc.sql("""
					INSERT INTO planning.evidence (progress_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
					VALUES (:progress, :name, :type, :size, :sha, :content, :by)"""),
					file.fileName(), file.content())
				.param("progress", progressId)
				.param("by", userId)
				.update();
		}
		audit.record("TASK_PROGRESS_RECORDED", "Task", taskId, null,
				period.code() + " " + status + " agency " + agencyId + " files " + files.size());
		return progressId;
	}

	/**
	 * The agencies that may now carry a task whose lead agency ended: those valid today of the units that continue the
	 * lead's unit, and of the province that continues the lead's province (the district offices' duties went to the
	 * communes and to the province's departments on 01/07/2025). Empty unless the caller manages the plan.
	 */
	public List<AgencyRef> successorsFor(long taskId) {
		Task task = task(taskId);
		if (task.status() != ProgressStatus.NO_OWNER || !managesPlanOf(task)) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				WITH lead_unit AS (SELECT a.unit_id, u.parent_id FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				                   WHERE a.id = :agency),
				     continuing AS (
				       SELECT s.successor_id AS unit_id FROM geography.succession s, lead_unit l WHERE s.predecessor_id = l.unit_id
				       UNION
				       SELECT s.successor_id FROM geography.succession s, lead_unit l WHERE s.predecessor_id = l.parent_id)
				SELECT a.id FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.unit_id IN (SELECT unit_id FROM continuing)
				  AND (a.valid_from IS NULL OR a.valid_from <= :today) AND (a.valid_to IS NULL OR a.valid_to >= :today)
				ORDER BY u.level, u.code, a.kind, a.name""")
			.param("agency", task.owner().currentId())
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.list();
		Map<Long, AgencyRef> refs = plans.agencyRefs(ids);
		return ids.stream().map(refs::get).toList();
	}

	/**
	 * Gives a task without an owner to the agency that now carries it; that agency's focal points then see it among
	 * their tasks and report on it as its lead.
	 *
	 * @throws UserFacingException 403 unless the caller manages the plan, 409 when the task has an owner
	 * @throws OptimisticLockingFailureException when someone else decided on the task since {@code version}
	 */
	@Transactional
	public void handOver(long taskId, Long agencyId, int version) {
		Task task = requireWithoutOwner(taskId);
		if (agencyId == null || successorsFor(taskId).stream().noneMatch(a -> a.id() == agencyId)) {
			throw UserFacingException.rejected(List.of(InputProblem.field("agencyId", "error.plan.successor-invalid")));
		}
		decide(task, version, agencyId, null);
		audit.record("TASK_HANDED_OVER", "Task", taskId, null, "agency " + agencyId);
	}

	/**
	 * Closes a task without an owner, with the reason (the duty ended with the district level, or was done by others).
	 *
	 * @throws UserFacingException 403 unless the caller manages the plan, 409 when the task has an owner, 422 without
	 *         a reason
	 * @throws OptimisticLockingFailureException when someone else decided on the task since {@code version}
	 */
	@Transactional
	public void close(long taskId, String reason, int version) {
		Task task = requireWithoutOwner(taskId);
		if (VietnameseText.clean(reason) == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("reason", "error.field.required", "reason")));
		}
		decide(task, version, null, VietnameseText.clean(reason));
		audit.record("TASK_CLOSED", "Task", taskId, null, VietnameseText.clean(reason));
	}

	/** Whether the caller may hand over or close the plan's tasks that have no owner. */
	public boolean mayDecideOwners(long planId) {
		long issuerUnit = jdbc.sql("SELECT issuer_unit_id FROM planning.plan WHERE id = :plan").param("plan", planId)
			.query(Long.class).single();
		return access.managesPlan(issuerUnit);
	}

	private boolean managesPlanOf(Task task) {
		return mayDecideOwners(task.planId());
	}

	private Task requireWithoutOwner(long taskId) {
		Task task = task(taskId);
		if (!managesPlanOf(task)) {
			throw new UserFacingException(403, "error.plan.not-responsible");
		}
		if (task.status() != ProgressStatus.NO_OWNER) {
			throw UserFacingException.conflict("error.plan.task-has-owner", task.number());
		}
		return task;
	}

	private void decide(Task task, int version, Long agencyId, String reason) {
		int changed = jdbc.sql("""
				UPDATE planning.task SET carried_by_agency_id = COALESCE(:agency, carried_by_agency_id),
				       closed_on = CASE WHEN CAST(:reason AS text) IS NULL THEN NULL ELSE CAST(:today AS date) END,
				       closure_reason = :reason, decided_by = :by, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("agency", agencyId)
			.param("reason", reason)
			.param("today", LocalDate.now(clock))
			.param("by", Jurisdictions.requireUser().id())
			.param("id", task.id())
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("task " + task.id() + " changed since version " + version);
		}
	}

	/** @throws UserFacingException 404 when the file's plan is not visible to the caller */
	public EvidenceFile evidence(long evidenceId) {
		record Row(long taskId, String name, byte[] content) {
		}
		Row row = jdbc.sql("""
				SELECT p.task_id, e.file_name, e.content FROM planning.evidence e
				JOIN planning.progress p ON p.id = e.progress_id WHERE e.id = :id""")
			.param("id", evidenceId)
			.query((ResultSet rs, int n) -> new Row(rs.getLong("task_id"), rs.getString("file_name"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.plan.evidence-not-found", evidenceId));
		task(row.taskId());
		audit.record("EVIDENCE_DOWNLOADED", "Evidence", evidenceId, null, row.name());
		return new EvidenceFile(row.name(), AttachedFiles.mediaType(row.name()), row.content());
	}

	private static List<InputProblem> checkEvidence(Upload file) {
		return AttachedFiles.problem("files", file.fileName(), file.content(), "error.plan.evidence-type",
				"error.plan.evidence-too-large").stream().toList();
	}
}
