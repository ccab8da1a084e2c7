package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.children.Sex;

/**
 * What statistics need of cases, and nothing that identifies a child: where and when each case and its reports
 * happened, the child's sex and date of birth, the classification, the outcome, and whether the deadlines were met.
 * For the indicators module, which turns these facts into figures; it never reads the casework tables.
 */
@Component
@Transactional(readOnly = true)
public class CaseFacts {

	/**
	 * The facts of one case. {@code unitId} is the commune (or province) responsible now; {@code firstPlanApprovedAt}
	 * is the approval of the first plan the case needed and {@code firstPlanOnTime} whether it met its deadline;
	 * {@code emergencyRequired} says whether measures were needed (null: never decided) and
	 * {@code emergencyOnTime} whether they were taken by the emergency deadline. Whether a deadline was met is the
	 * casework's rule ({@link Deadline}), never the reader's.
	 */
	public record Facts(long caseId, long unitId, LocalDateTime receivedAt, LocalDateTime closedAt, Sex childSex,
			LocalDate childBirthDate, Boolean abuseConfirmed, Set<AbuseForm> forms, Set<AbuseSubtype> subtypes,
			AbuseSetting setting, PerpetratorType perpetratorType, Boolean emergencyRequired, boolean emergencyOnTime,
			LocalDateTime firstPlanApprovedAt, boolean firstPlanOnTime, CaseOutcome outcome, List<ReportFact> reports) {
	}

	/** A report of the case: when it came, by which channel, about a child of which unit. */
	public record ReportFact(long reportId, LocalDateTime receivedAt, ReportChannel channel, long unitId) {
	}

	private static final String SELECT = """
			SELECT c.id, c.unit_id, c.received_at, c.closed_at, c.child_sex, c.child_birth_date, c.abuse_confirmed,
			       c.abuse_forms, c.abuse_subtypes, c.setting, c.perpetrator_type, c.emergency_required,
			       c.emergency_due_at, c.emergency_taken_at, c.first_plan_due_at, c.first_plan_approved_at, c.outcome
			FROM casework.child_case c
			""";

	private final JdbcClient jdbc;

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The facts of these cases; a case that does not exist is absent. */
	public Map<Long, Facts> of(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = List.copyOf(caseIds);
		Map<Long, List<ReportFact>> reports = reports(" WHERE r.case_id IN (:ids)", ids);
		Map<Long, Facts> facts = new LinkedHashMap<>();
		jdbc.sql(SELECT + " WHERE c.id IN (:ids) ORDER BY c.id").param("ids", ids)
			.query((rs, n) -> map(rs, reports))
			.list()
			.forEach(f -> facts.put(f.caseId(), f));
		return facts;
	}

	/** The case a report belongs to (reports of one case are counted with it). */
	public java.util.Optional<Long> caseOfReport(long reportId) {
		return jdbc.sql("SELECT case_id FROM casework.report WHERE id = :id").param("id", reportId)
			.query(Long.class).optional();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM casework.child_case").query(Long.class).single();
	}

	/** Every case, in batches of {@code size} in the order of their ids, for a full recount. */
	public void forEachBatch(int size, Consumer<List<Facts>> batch) {
		long after = 0;
		while (true) {
			List<Long> ids = jdbc.sql("SELECT id FROM casework.child_case WHERE id > :after ORDER BY id LIMIT :size")
				.param("after", after).param("size", size).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			batch.accept(new ArrayList<>(of(ids).values()));
			after = ids.get(ids.size() - 1);
		}
	}

	private Map<Long, List<ReportFact>> reports(String where, List<Long> ids) {
		Map<Long, List<ReportFact>> byCase = new HashMap<>();
		jdbc.sql("SELECT r.id, r.case_id, r.received_at, r.channel, r.unit_id FROM casework.report r" + where
				+ " ORDER BY r.received_at, r.id")
			.param("ids", ids)
			.query((rs, n) -> byCase.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
				.add(new ReportFact(rs.getLong("id"), CaseRecords.local(rs, "received_at"),
						ReportChannel.valueOf(rs.getString("channel")), rs.getLong("unit_id"))))
			.list();
		return byCase;
	}

	private static Facts map(ResultSet rs, Map<Long, List<ReportFact>> reports) throws SQLException {
		String setting = rs.getString("setting");
		String perpetrator = rs.getString("perpetrator_type");
		String outcome = rs.getString("outcome");
		long id = rs.getLong("id");
		LocalDateTime firstPlanApproved = CaseRecords.local(rs, "first_plan_approved_at");
		return new Facts(id, rs.getLong("unit_id"), CaseRecords.local(rs, "received_at"),
				CaseRecords.local(rs, "closed_at"), Sex.valueOf(rs.getString("child_sex")),
				rs.getObject("child_birth_date", LocalDate.class), (Boolean) rs.getObject("abuse_confirmed"),
				Cases.enums(AbuseForm.class, rs.getArray("abuse_forms")),
				Cases.enums(AbuseSubtype.class, rs.getArray("abuse_subtypes")),
				setting == null ? null : AbuseSetting.valueOf(setting),
				perpetrator == null ? null : PerpetratorType.valueOf(perpetrator), (Boolean) rs.getObject("emergency_required"),
				Deadline.metBy(CaseRecords.local(rs, "emergency_due_at"), CaseRecords.local(rs, "emergency_taken_at")),
				firstPlanApproved, Deadline.metBy(CaseRecords.local(rs, "first_plan_due_at"), firstPlanApproved),
				outcome == null ? null : CaseOutcome.valueOf(outcome), reports.getOrDefault(id, List.of()));
	}
}
