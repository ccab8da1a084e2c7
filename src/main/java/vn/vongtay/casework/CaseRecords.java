package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;

/**
 * What the casework readers share: a case's header, the form contents kept as JSON, time in Vietnam. Cases are
 * written by {@link CaseFiles} only.
 */
@Component
class CaseRecords {

	/** What access checks and readers need of a case: where it is, who works it, whether it is escalated. */
	record Header(long id, String number, long unitId, String provinceCode, Long childId, CaseStage stage, int cycle,
			Long caseWorkerId, LocalDateTime escalatedAt, LocalDateTime receivedAt, int version) {
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
				       received_at, version
				FROM casework.child_case WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Header(rs.getLong("id"), rs.getString("number"), rs.getLong("unit_id"),
					rs.getString("province_code"), (Long) rs.getObject("child_id"), CaseStage.valueOf(rs.getString("stage")),
					rs.getInt("cycle"), (Long) rs.getObject("case_worker_id"), local(rs, "escalated_at"),
					local(rs, "received_at"), rs.getInt("version")))
			.optional();
	}

	Header requireHeader(long id) {
		return header(id).orElseThrow(() -> UserFacingException.notFound("casework.error.case-not-found", id));
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
