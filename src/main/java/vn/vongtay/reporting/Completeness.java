package vn.vongtay.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.ReportKind;

/**
 * Completeness and timeliness: for a report kind and period, which units within the caller's jurisdiction reported on
 * time, late, or not at all, by level, judged by each report's first submission.
 */
@Component
@Transactional(readOnly = true)
public class Completeness {

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Obligations obligations;
	private final Clock clock;

	Completeness(JdbcClient jdbc, Jurisdictions jurisdictions, Obligations obligations, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.obligations = obligations;
		this.clock = clock;
	}

	/** How the units of a level stand: how many owe the report, and how many reported on time, late, or not yet. */
	public record Level(String level, long owed, long onTime, long late, long overdue, long pending) {

		/** Reports received, out of those owed, 0-100. */
		public int percentReceived() {
			return owed == 0 ? 0 : (int) Math.round(100.0 * (onTime + late) / owed);
		}
	}

	public record View(ReportKind kind, String period, List<Level> levels, List<Obligation> obligations) {
	}

	/** The periods the caller sees obligations for, latest first. */
	public List<String> periods() {
		SignedInUser user = Obligations.requireReader();
		return Obligations.bindCaller(jdbc.sql("SELECT DISTINCT o.period, max(o.period_end) AS period_end"
				+ " FROM reporting.obligation o WHERE o.withdrawn_at IS NULL AND " + Obligations.visibleToCaller(user.jurisdiction())
				+ " GROUP BY o.period ORDER BY max(o.period_end) DESC, o.period LIMIT 40"), user)
			.query((rs, n) -> rs.getString("period"))
			.list();
	}

	public View of(ReportKind kind, String period) {
		SignedInUser user = Obligations.requireReader();
		String where = " WHERE o.withdrawn_at IS NULL AND " + Obligations.visibleToCaller(user.jurisdiction()) + """
				 AND (CAST(:kind AS text) IS NULL OR o.kind = :kind) AND o.period = :period""";
		List<Level> levels = Obligations.bindCaller(jdbc.sql("""
				SELECT ru.level, count(*) AS owed,
				       count(*) FILTER (WHERE r.first_submitted_at IS NOT NULL
				                          AND (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= o.due_on) AS on_time,
				       count(*) FILTER (WHERE r.first_submitted_at IS NOT NULL
				                          AND (r.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > o.due_on) AS late,
				       count(*) FILTER (WHERE r.first_submitted_at IS NULL AND o.due_on < :today) AS overdue,
				       count(*) FILTER (WHERE r.first_submitted_at IS NULL AND o.due_on >= :today) AS pending
				FROM reporting.obligation o
				JOIN geography.unit ru ON ru.id = o.reporter_unit_id
				LEFT JOIN reporting.report r ON r.obligation_id = o.id""" + where + " GROUP BY ru.level"
				+ " ORDER BY CASE ru.level WHEN 'NATION' THEN 0 WHEN 'PROVINCE' THEN 1 WHEN 'DISTRICT' THEN 2 ELSE 3 END"), user)
			.param("kind", kind == null ? null : kind.name())
			.param("period", period)
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new Level(rs.getString("level"), rs.getLong("owed"), rs.getLong("on_time"),
					rs.getLong("late"), rs.getLong("overdue"), rs.getLong("pending")))
			.list();
		List<Obligation> list = Obligations.bindCaller(jdbc.sql(Obligations.SELECT + where
				+ " ORDER BY (r.first_submitted_at IS NULL AND o.due_on < :today) DESC, ru.level, ru.code,"
				+ " o.reporter_name LIMIT 2000"), user)
			.param("kind", kind == null ? null : kind.name())
			.param("period", period)
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> obligations.map(rs))
			.list();
		return new View(kind, period, levels, list);
	}
}
