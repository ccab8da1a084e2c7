package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.identity.SignedInUser;

/** What the casework components share: a case's header, its steps, the form contents kept as JSON, time in Vietnam. */
@Component
class CaseRecords {

	/**
	 * The earliest deadline of a case still open, as SQL over a row {@code c}: emergency measures while undecided or
	 * required and not taken, the plan until approved, the review while the plan is implemented.
	 */
	static final String NEXT_DUE = """
			(CASE WHEN c.closed_at IS NULL THEN LEAST(
			   CASE WHEN c.emergency_taken_at IS NULL AND c.emergency_required IS DISTINCT FROM FALSE THEN c.emergency_due_at END,
			   CASE WHEN c.plan_approved_at IS NULL THEN c.plan_due_at END,
			   CASE WHEN c.stage = 'IN_PROGRESS' AND c.reviewed_at IS NULL AND c.review_due_on IS NOT NULL
			        THEN (c.review_due_on + TIME '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh' END) END)""";

	record Header(long id, String number, long unitId, String provinceCode, Long childId, CaseStage stage, int cycle,
			Long caseWorkerId, LocalDateTime escalatedAt, LocalDateTime receivedAt, LocalDateTime emergencyDueAt,
			LocalDateTime emergencyTakenAt, Boolean emergencyRequired, LocalDateTime planDueAt,
			LocalDateTime planApprovedAt, int version) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CaseRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Header> header(long id) {
		return jdbc.sql("""
				SELECT id, number, unit_id, province_code, child_id, stage, cycle, case_worker_id, escalated_at,
				       received_at, emergency_due_at, emergency_taken_at, emergency_required, plan_due_at,
				       plan_approved_at, version
				FROM casework.child_case WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Header(rs.getLong("id"), rs.getString("number"), rs.getLong("unit_id"),
					rs.getString("province_code"), (Long) rs.getObject("child_id"), CaseStage.valueOf(rs.getString("stage")),
					rs.getInt("cycle"), (Long) rs.getObject("case_worker_id"), local(rs, "escalated_at"),
					local(rs, "received_at"), local(rs, "emergency_due_at"), local(rs, "emergency_taken_at"),
					(Boolean) rs.getObject("emergency_required"), local(rs, "plan_due_at"), local(rs, "plan_approved_at"),
					rs.getInt("version")))
			.optional();
	}

	Header requireHeader(long id) {
		return header(id).orElseThrow(() -> UserFacingException.notFound("casework.error.case-not-found", id));
	}

	/** Raises the case's version, or fails when someone changed it since {@code version}. */
	void bump(long caseId, int version) {
		int changed = jdbc.sql("UPDATE casework.child_case SET version = version + 1 WHERE id = :id AND version = :version")
			.param("id", caseId)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("case " + caseId + " changed since version " + version);
		}
	}

	void step(long caseId, String step, int cycle, LocalDateTime at, SignedInUser actor, Object content, String note) {
		jdbc.sql("""
				INSERT INTO casework.case_step (case_id, step, cycle, taken_at, actor_id, actor_name, content, note)
				VALUES (:case, :step, :cycle, :at, :actor, :name, CAST(:content AS jsonb), :note)""")
			.param("case", caseId)
			.param("step", step)
			.param("cycle", cycle)
			.param("at", zoned(at))
			.param("actor", actor == null || actor.id() <= 0 ? null : actor.id())
			.param("name", actor == null ? "Hệ thống" : actor.displayName())
			.param("content", content == null ? null : json.writeValueAsString(content))
			.param("note", note)
			.update();
	}

	String json(Object value) {
		return json.writeValueAsString(value);
	}

	Map<String, Object> contentMap(String text) {
		if (text == null) {
			return null;
		}
		return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/** The content of the latest step of a kind in the case, read back as the form's record. */
	<T> Optional<T> latestContent(long caseId, String step, Class<T> type) {
		return jdbc.sql("""
				SELECT content::text FROM casework.case_step WHERE case_id = :case AND step = :step AND content IS NOT NULL
				ORDER BY taken_at DESC, id DESC LIMIT 1""")
			.param("case", caseId)
			.param("step", step)
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, type));
	}

	static OffsetDateTime zoned(LocalDateTime at) {
		return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
	}

	static LocalDateTime local(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
	}
}
