package vn.vongtay.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.vongtay.core.VietnamTime;

/**
 * The append-only record of who read or changed what. Entries are written in their own transaction so that a read done
 * in a read-only transaction, or a change that later fails, is still on record.
 */
@Component
public class AuditLog {


	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an action by the current user. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, String subjectType, Object subjectId, Long unitId, String details) {
		recordAs(currentActor(), action, subjectType, subjectId, unitId, details);
	}

	/** Records an action on behalf of a named actor, for events before anyone is signed in (a failed login). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAs(String actor, String action, String subjectType, Object subjectId, Long unitId,
			String details) {
		jdbc.sql("""
				INSERT INTO audit.entry (actor, action, subject_type, subject_id, unit_id, client_address, details)
				VALUES (:actor, :action, :subjectType, :subjectId, :unitId, :address, :details)""")
			.param("actor", actor)
			.param("action", action)
			.param("subjectType", subjectType)
			.param("subjectId", subjectId == null ? null : subjectId.toString())
			.param("unitId", unitId)
			.param("address", clientAddress())
			.param("details", details)
			.update();
	}

	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		Map<String, Object> params = new HashMap<>();
		if (query.actor() != null && !query.actor().isBlank()) {
			where.append(" AND actor = :actor");
			params.put("actor", query.actor().strip().toLowerCase());
		}
		if (query.action() != null && !query.action().isBlank()) {
			where.append(" AND action = :action");
			params.put("action", query.action().strip());
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", query.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", query.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
		}
		List<AuditEntry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, action, subject_type, subject_id, unit_id, client_address, details
				FROM audit.entry""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", query.size() + 1)
			.param("offset", (long) query.page() * query.size())
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), (Long) rs.getObject("unit_id"), rs.getString("client_address"),
					rs.getString("details")))
			.list();
		boolean more = entries.size() > query.size();
		return new AuditPage(new ArrayList<>(more ? entries.subList(0, query.size()) : entries), query.page(), more);
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	public record AuditQuery(String actor, String action, LocalDate from, LocalDate to, int page, int size) {

		public AuditQuery {
			page = Math.max(0, page);
			size = size <= 0 || size > 500 ? 50 : size;
		}
	}

	public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, Long unitId, String clientAddress, String details) {
	}

	public record AuditPage(List<AuditEntry> entries, int page, boolean hasNext) {
	}
}
