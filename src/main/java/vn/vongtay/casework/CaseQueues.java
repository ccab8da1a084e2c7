package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.SignedInUser;

/**
 * The casework waiting on the caller, as a work queue counts it and shows the first of it (issue 17): the open cases of
 * their jurisdiction that they see whole (their own, or all of the commune's for its officers and chairman), by what
 * the process of Nghị định 56/2017, Chapter III asks next; and, for the province, the overdue cases by commune.
 */
@Component
@Transactional(readOnly = true)
public class CaseQueues {

	/** What waits, as a condition on a row {@code c} of {@code casework.child_case} (an open case). */
	public enum Queue {
		/** Received and not yet verified (step 2 of the process). */
		TO_VERIFY("c.stage = 'OPENED'"),
		/** A deadline still to be met and not yet past. */
		DUE("c.next_due_at >= :now"),
		/** A deadline past and not met. */
		OVERDUE("c.next_due_at < :now"),
		/** The plan (Mẫu 04) submitted, waiting for the chairman's approval (Mẫu 05, Art. 28). */
		PLAN_AWAITING_APPROVAL("c.stage = 'AWAITING_APPROVAL'"),
		/** The plan of the current cycle returned by the chairman with a comment, back in draft. */
		PLAN_RETURNED("""
				c.stage = 'PLANNING' AND EXISTS (SELECT 1 FROM casework.intervention_plan p
				  WHERE p.case_id = c.id AND p.cycle = c.cycle AND p.status = 'DRAFT' AND p.returned_comment IS NOT NULL)"""),
		/**
		 * The initial assessment found the child in serious danger and no emergency measure is recorded yet: the
		 * chairman decides one (Mẫu 07, within 12 hours of the report, Art. 24).
		 */
		EMERGENCY_UNDECIDED("c.emergency_required AND c.emergency_taken_at IS NULL");

		private final String condition;

		Queue(String condition) {
			this.condition = condition;
		}
	}

	/** How many cases wait, and the first of them, the most pressing first. */
	public record Waiting(long count, List<CaseSummary> first) {
	}

	/**
	 * The overdue open cases of a commune. {@code count} is null when {@code suppressed}: a small count hidden from a
	 * caller who does not read the cases behind it.
	 */
	public record CommuneCount(String unitCode, String unitName, Long count, boolean suppressed) {
	}

	/** The overdue cases of the communes of the caller's jurisdiction, and their total (null when hidden). */
	public record ByCommune(List<CommuneCount> communes, Long total, boolean totalSuppressed, int threshold) {

		public boolean anySuppressed() {
			return totalSuppressed || communes.stream().anyMatch(CommuneCount::suppressed);
		}
	}

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final CaseAccess access;
	private final Units units;
	private final AuditLog audit;
	private final Clock clock;
	private final int threshold;

	CaseQueues(JdbcClient jdbc, Jurisdictions jurisdictions, CaseAccess access, Units units, AuditLog audit, Clock clock,
			@Value("${vongtay.privacy.small-count-threshold:5}") int threshold) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.access = access;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
		this.threshold = threshold;
	}

	/**
	 * The open cases of the caller's jurisdiction they see whole that wait as {@code queue} says, the nearest deadline
	 * first. A case another case worker holds is theirs, not the caller's work; a supervisor above the commune sees
	 * only the cases escalated to them.
	 *
	 * @throws UserFacingException 403 for a caller who works with no cases
	 */
	public Waiting waiting(Queue queue, int size) {
		CaseAccess.requireCaseRole();
		Jurisdiction jurisdiction = jurisdictions.current();
		String where = " WHERE " + jurisdiction.restrict("c.unit_id") + " AND c.closed_at IS NULL AND "
				+ CaseAccess.fullAccessSql() + " AND (" + queue.condition + ")";
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		var zonedNow = CaseRecords.zoned(now);
		long count = access.bind(jurisdiction.bind(jdbc.sql("SELECT count(*) FROM casework.child_case c" + where)))
			.param("now", zonedNow)
			.query(Long.class)
			.single();
		List<CaseSummary> first = count == 0 ? List.of()
				: access.bind(jurisdiction.bind(jdbc.sql(Cases.SUMMARY + where
						+ " ORDER BY c.next_due_at NULLS LAST, c.received_at, c.id LIMIT :limit")))
					.param("now", zonedNow)
					.param("limit", size)
					.query((rs, n) -> Cases.summary(rs, now))
					.list();
		if (!first.isEmpty()) {
			audit.record("CASES_LISTED", "Case", null, null, "work queue " + queue + ": " + first.size() + " cases");
		}
		return new Waiting(count, first);
	}

	/**
	 * The open cases past a deadline, by commune of the caller's jurisdiction as it is today (a case of a former
	 * commune counts for the commune that continues it). Exact for whoever reads the cases' summaries and exact figures;
	 * for whoever reads only aggregated figures (the province's leaders) a count from 1 to
	 * {@code vongtay.privacy.small-count-threshold} - 1 is hidden, and where exactly one is, so is the smallest other
	 * non-zero count, as the indicators hide theirs (decision 0009).
	 *
	 * @throws UserFacingException 403 for a caller who may read neither cases nor figures
	 */
	public ByCommune overdueByCommune() {
		SignedInUser user = Jurisdictions.requireUser();
		boolean exact = user.may(Data.CASE_SUMMARY, Use.READ) && user.may(Data.EXACT_FIGURES, Use.READ);
		if (!exact && !user.may(Data.FIGURES, Use.READ)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		LocalDate today = units.today();
		List<AdministrativeUnit> communes = new ArrayList<>();
		for (AdministrativeUnit root : units.findAllById(user.unitIds())) {
			communesUnder(root, today, communes);
		}
		communes.sort(Comparator.comparing(AdministrativeUnit::code));
		Map<Long, Long> counts = new HashMap<>();
		if (!communes.isEmpty()) {
			Jurisdiction jurisdiction = jurisdictions.current();
			jurisdiction.bind(jdbc.sql("""
					SELECT r.root_id, count(DISTINCT c.id) AS overdue
					FROM casework.child_case c JOIN geography.unit_reach r ON r.unit_id = c.unit_id
					WHERE r.root_id IN (:communes) AND c.closed_at IS NULL AND c.next_due_at < :now"""
					+ " AND " + jurisdiction.restrict("c.unit_id") + " GROUP BY r.root_id"))
				.param("communes", communes.stream().map(AdministrativeUnit::id).toList())
				.param("now", CaseRecords.zoned(LocalDateTime.now(clock).withNano(0)))
				.query((rs, n) -> Map.entry(rs.getLong("root_id"), rs.getLong("overdue")))
				.list()
				.forEach(e -> counts.put(e.getKey(), e.getValue()));
		}
		List<CommuneCount> rows = new ArrayList<>();
		long total = 0;
		for (AdministrativeUnit commune : communes) {
			long count = counts.getOrDefault(commune.id(), 0L);
			total += count;
			boolean hidden = !exact && hidden(count);
			rows.add(new CommuneCount(commune.code(), commune.fullName(), hidden ? null : count, hidden));
		}
		boolean totalHidden = !exact && hidden(total);
		if (!totalHidden && rows.stream().filter(CommuneCount::suppressed).count() == 1) {
			rows.stream().filter(r -> !r.suppressed() && r.count() > 0).min(Comparator.comparing(CommuneCount::count))
				.ifPresent(smallest -> rows.replaceAll(r -> r == smallest
						? new CommuneCount(r.unitCode(), r.unitName(), null, true) : r));
		}
		return new ByCommune(rows, totalHidden ? null : total, totalHidden, threshold);
	}

	private boolean hidden(long count) {
		return count > 0 && count < threshold;
	}

	/** The communes of a unit on a day (a district abolished in 2025: on its last day). */
	private void communesUnder(AdministrativeUnit unit, LocalDate today, List<AdministrativeUnit> into) {
		if (unit.level() == UnitLevel.COMMUNE) {
			into.add(unit);
			return;
		}
		LocalDate on = unit.validTo() != null && unit.validTo().isBefore(today) ? unit.validTo() : today;
		for (AdministrativeUnit child : units.childrenOf(unit.id(), on)) {
			communesUnder(child, today, into);
		}
	}
}
