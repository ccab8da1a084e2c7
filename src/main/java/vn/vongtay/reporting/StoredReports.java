package vn.vongtay.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where periodic reports are kept: the only writer of {@code reporting.report} and its history
 * ({@code reporting.report_event}). Saving checks the version the report was loaded with, so that two officers
 * changing one report cannot overwrite each other.
 */
@Component
class StoredReports {

	private final JdbcClient jdbc;

	StoredReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PeriodicReport> find(long id) {
		return jdbc.sql("SELECT * FROM reporting.report WHERE id = :id").param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The id of the obligation a report answers, when the report exists. */
	Optional<Long> obligationOf(long reportId) {
		return jdbc.sql("SELECT obligation_id FROM reporting.report WHERE id = :id").param("id", reportId)
			.query(Long.class).optional();
	}

	/**
	 * Stores a new report, or the changes of one loaded at its version, and appends the steps it took.
	 *
	 * @return the report's id
	 * @throws OptimisticLockingFailureException when someone else changed it since it was loaded
	 */
	long save(PeriodicReport report) {
		long id;
		if (report.id() == null) {
			id = jdbc.sql("""
					INSERT INTO reporting.report (obligation_id, status, signer_title, created_by)
					VALUES (:obligation, :status, :signerTitle, :createdBy) RETURNING id""")
				.param("obligation", report.obligationId())
				.param("status", report.status().name())
				.param("signerTitle", report.signerTitle())
				.param("createdBy", report.createdBy())
				.query(Long.class)
				.single();
		}
		else {
			id = report.id();
			int changed = jdbc.sql("""
					UPDATE reporting.report SET status = :status, number = :number, results = :results,
					       limitations = :limitations, causes = :causes, proposals = :proposals, signer_name = :signerName,
					       submitted_at = :submittedAt, first_submitted_at = :firstSubmittedAt, submitted_by = :submittedBy,
					       returned_at = :returnedAt, returned_by = :returnedBy, return_comment = :returnComment,
					       accepted_at = :acceptedAt, accepted_by = :acceptedBy, version = version + 1
					WHERE id = :id AND version = :version""")
				.param("status", report.status().name())
				.param("number", report.number())
				.param("results", report.sections().results())
				.param("limitations", report.sections().limitations())
				.param("causes", report.sections().causes())
				.param("proposals", report.sections().proposals())
				.param("signerName", report.signerName())
				.param("submittedAt", timestamp(report.submittedAt()))
				.param("firstSubmittedAt", timestamp(report.firstSubmittedAt()))
				.param("submittedBy", report.submittedBy())
				.param("returnedAt", timestamp(report.returnedAt()))
				.param("returnedBy", report.returnedBy())
				.param("returnComment", report.returnComment())
				.param("acceptedAt", timestamp(report.acceptedAt()))
				.param("acceptedBy", report.acceptedBy())
				.param("id", id)
				.param("version", report.version())
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("report " + id + " changed since version " + report.version());
			}
		}
		for (PeriodicReport.Step step : report.newSteps()) {
			jdbc.sql("""
					INSERT INTO reporting.report_event (report_id, action, at, actor, comment)
					VALUES (:id, :action, :at, :actor, :comment)""")
				.param("id", id).param("action", step.action()).param("at", timestamp(step.at()))
				.param("actor", step.actor()).param("comment", step.comment())
				.update();
		}
		return id;
	}

	/** The report's history, in order. */
	List<PeriodicReport.Step> history(long id) {
		return jdbc.sql("SELECT action, at, actor, comment FROM reporting.report_event WHERE report_id = :id ORDER BY at, id")
			.param("id", id)
			.query((rs, n) -> new PeriodicReport.Step(rs.getString("action"), instant(rs, "at"), rs.getString("actor"),
					rs.getString("comment")))
			.list();
	}

	/** Where the committee reports of these units for the period stand (accepted wins over a later draft). */
	Map<Long, ReportStatus> statusesOf(List<Long> unitIds, String period) {
		Map<Long, ReportStatus> statuses = new HashMap<>();
		if (unitIds.isEmpty()) {
			return statuses;
		}
		jdbc.sql("""
				SELECT o.reporter_unit_id, r.status FROM reporting.obligation o
				JOIN reporting.report r ON r.obligation_id = o.id
				WHERE o.reporter_unit_id IN (:units) AND o.reporter_agency_id IS NULL AND o.period = :period""")
			.param("units", unitIds).param("period", period)
			.query(rs -> {
				statuses.merge(rs.getLong(1), ReportStatus.valueOf(rs.getString(2)),
						(a, b) -> a == ReportStatus.ACCEPTED ? a : b);
			});
		return statuses;
	}

	private static PeriodicReport map(ResultSet rs) throws SQLException {
		return new PeriodicReport(rs.getLong("id"), rs.getLong("obligation_id"),
				ReportStatus.valueOf(rs.getString("status")), rs.getString("number"),
				new PeriodicReport.Sections(rs.getString("results"), rs.getString("limitations"), rs.getString("causes"),
						rs.getString("proposals")),
				rs.getString("signer_name"), rs.getString("signer_title"), rs.getString("created_by"),
				instant(rs, "submitted_at"), instant(rs, "first_submitted_at"), rs.getString("submitted_by"),
				instant(rs, "returned_at"), rs.getString("returned_by"), rs.getString("return_comment"),
				instant(rs, "accepted_at"), rs.getString("accepted_by"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private static OffsetDateTime timestamp(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}
}
