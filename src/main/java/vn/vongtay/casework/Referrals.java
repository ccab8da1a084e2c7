package vn.vongtay.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Referrals (step 7): the case worker sends an agency (police, health station, school, a service provider) what it
 * needs for one service, and nothing else of the case; the agency's focal point accepts or declines with a reason and
 * reports back. The case worker may record an agency's answer given by phone. All of it shows in the case.
 */
@Component
@Transactional
public class Referrals {

	private static final String SELECT = """
			SELECT f.*, c.number AS case_number, a.name AS agency_name
			FROM casework.referral f
			JOIN casework.child_case c ON c.id = f.case_id
			JOIN directory.agency a ON a.id = f.agency_id
			""";

	private final JdbcClient jdbc;
	private final CaseFiles files;
	private final CaseRecords records;
	private final CaseAccess access;
	private final Agencies agencies;
	private final AuditLog audit;
	private final JsonMapper json;
	private final Clock clock;
	private final Jurisdictions jurisdictions;

	Referrals(JdbcClient jdbc, CaseFiles files, CaseRecords records, CaseAccess access, Agencies agencies,
			AuditLog audit, JsonMapper json, Clock clock, Jurisdictions jurisdictions) {
		this.jdbc = jdbc;
		this.files = files;
		this.records = records;
		this.access = access;
		this.agencies = agencies;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.jurisdictions = jurisdictions;
	}

	/** Sends a referral from a case the caller works on. */
	public long refer(long caseId, int version, ReferralDraft draft) {
		SignedInUser user = Jurisdictions.requireUser();
		CaseFile file = requireCaseStaff(caseId, user);
		Actor by = Actor.of(user);
		file.permit(by, CaseAction.REFER);
		List<InputProblem> problems = new ArrayList<>();
		Agency agency = draft.agencyId() == null ? null : agencies.find(draft.agencyId()).orElse(null);
		if (agency == null) {
			problems.add(InputProblem.field("agencyId", "casework.error.agency-required"));
		}
		if (draft.service() == null) {
			problems.add(InputProblem.field("service", "error.field.required", "service"));
		}
		String request = VietnameseText.clean(draft.request());
		if (request == null) {
			problems.add(InputProblem.field("request", "error.field.required", "request"));
		}
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		if (draft.respondBy() != null && draft.respondBy().isBefore(now.toLocalDate())) {
			problems.add(InputProblem.field("respondBy", "casework.error.date-in-past"));
		}
		if (draft.planItemId() != null && !jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM casework.plan_item i JOIN casework.intervention_plan p ON p.id = i.plan_id
				               WHERE i.id = :item AND p.case_id = :case)""")
			.param("item", draft.planItemId()).param("case", caseId).query(Boolean.class).single()) {
			problems.add(InputProblem.field("planItemId", "casework.error.plan-item-not-found"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		file.requireVersion(version);
		Referral.Shared shared = shared(caseId, draft, user);
		long id = jdbc.sql("""
				INSERT INTO casework.referral (case_id, plan_item_id, agency_id, service, request, shared, respond_by,
				       sent_at, sent_by_id, sent_by_name, status)
				VALUES (:case, :item, :agency, :service, :request, CAST(:shared AS jsonb), :respondBy, :at, :by, :byName, 'SENT')
				RETURNING id""")
			.param("case", caseId)
			.param("item", draft.planItemId())
			.param("agency", agency.id())
			.param("service", draft.service().name())
			.param("request", request)
			.param("shared", json.writeValueAsString(shared))
			.param("respondBy", draft.respondBy())
			.param("at", CaseRecords.zoned(now))
			.param("by", user.id())
			.param("byName", user.displayName())
			.query(Long.class)
			.single();
		file.referralSent(by, id, agency.id(), agency.name(), now);
		files.save(file);
		audit.record("REFERRAL_SENT", "Referral", id, file.unitId(), agency.name());
		return id;
	}

	/** What the agency is allowed to see: age and sex always, the rest as ticked, and the case worker's summary. */
	private Referral.Shared shared(long caseId, ReferralDraft draft, SignedInUser user) {
		Map<String, Object> row = jdbc.sql("""
				SELECT c.child_name, c.child_sex, c.child_birth_date, c.case_worker_name, u.full_name AS unit_name,
				       (SELECT r.child_address FROM casework.report r WHERE r.case_id = c.id AND r.child_address IS NOT NULL
				        ORDER BY r.received_at DESC LIMIT 1) AS address,
				       (SELECT r.caregiver FROM casework.report r WHERE r.case_id = c.id AND r.caregiver IS NOT NULL
				        ORDER BY r.received_at DESC LIMIT 1) AS caregiver
				FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id WHERE c.id = :case""")
			.param("case", caseId)
			.query()
			.singleRow();
		java.sql.Date birth = (java.sql.Date) row.get("child_birth_date");
		Integer age = birth == null ? null
				: java.time.Period.between(birth.toLocalDate(), LocalDate.now(clock)).getYears();
		return new Referral.Shared(draft.shareName() ? (String) row.get("child_name") : null, age,
				(String) row.get("child_sex"), draft.shareAddress() ? (String) row.get("address") : null,
				draft.shareCaregiver() ? (String) row.get("caregiver") : null, VietnameseText.clean(draft.summary()),
				row.get("case_worker_name") == null ? user.displayName() : (String) row.get("case_worker_name"),
				(String) row.get("unit_name"));
	}

	/** The referrals sent to the caller's agency, those awaiting an answer first. */
	@Transactional(readOnly = true)
	public List<Referral> forMyAgency(int page, int size) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.AGENCY_FOCAL_POINT) || user.agencyId() == null) {
			throw new UserFacingException(403, "error.access-denied");
		}
		List<Referral> found = jdbc.sql(SELECT + """
				WHERE f.agency_id = :agency
				ORDER BY (f.status = 'SENT') DESC, (f.status = 'ACCEPTED') DESC, f.sent_at DESC, f.id DESC
				LIMIT :limit OFFSET :offset""")
			.param("agency", user.agencyId())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
		audit.record("REFERRALS_LISTED", "Referral", null, null, found.size() + " referrals");
		return found;
	}

	/** How many referrals wait for an agency, and the first of them. */
	public record Waiting(long count, List<Referral> first) {
	}

	/**
	 * The referrals sent from the open cases the caller works whole that still wait for the agency: not yet answered,
	 * or accepted without the report back; those past the day to answer by first, then the oldest. The home page's
	 * work queue of the commune's case workers and officers.
	 */
	@Transactional(readOnly = true)
	public Waiting waitingForAgencies(int size) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!CaseAccess.hasCaseRole(user) || !user.may(NeedToKnow.Data.REFERRALS, NeedToKnow.Use.READ)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		Jurisdiction jurisdiction = jurisdictions.current();
		String where = " WHERE f.status IN ('SENT', 'ACCEPTED') AND c.closed_at IS NULL AND "
				+ jurisdiction.restrict("c.unit_id") + " AND " + CaseAccess.fullAccessSql();
		long count = access.bind(jurisdiction.bind(jdbc.sql("""
				SELECT count(*) FROM casework.referral f JOIN casework.child_case c ON c.id = f.case_id""" + where)))
			.query(Long.class)
			.single();
		List<Referral> first = count == 0 ? List.of() : access.bind(jurisdiction.bind(jdbc.sql(SELECT + where + """
				 ORDER BY (f.status = 'SENT' AND f.respond_by < :today) DESC, f.respond_by NULLS LAST, f.sent_at, f.id
				LIMIT :limit""")))
			.param("today", LocalDate.now(clock))
			.param("limit", size)
			.query((rs, n) -> map(rs))
			.list();
		if (!first.isEmpty()) {
			audit.record("REFERRALS_LISTED", "Referral", null, null, "work queue: " + first.size() + " referrals");
		}
		return new Waiting(count, first);
	}

	/** A referral, for the agency's focal point or for those who need to know its case. Audited. */
	@Transactional(readOnly = true)
	public Referral get(long id) {
		Referral referral = find(id);
		requireParty(referral, Jurisdictions.requireUser(), false);
		audit.record("REFERRAL_VIEWED", "Referral", id, null, null);
		return referral;
	}

	public void accept(long id, int version, String note) {
		respond(id, version, ReferralStatus.ACCEPTED, note);
	}

	public void decline(long id, int version, String reason) {
		respond(id, version, ReferralStatus.DECLINED, reason);
	}

	/** The agency reports back what it did; the referral is then complete. */
	public void complete(long id, int version, String feedback) {
		respond(id, version, ReferralStatus.COMPLETED, feedback);
	}

	private void respond(long id, int version, ReferralStatus to, String text) {
		SignedInUser user = Jurisdictions.requireUser();
		Referral referral = find(id);
		requireParty(referral, user, true);
		boolean allowed = switch (to) {
			case ACCEPTED, DECLINED -> referral.status() == ReferralStatus.SENT;
			case COMPLETED -> referral.status() == ReferralStatus.ACCEPTED;
			case SENT -> false;
		};
		if (!allowed) {
			throw UserFacingException.conflict("casework.error.referral-transition", referral.status().name(), to.name());
		}
		String clean = VietnameseText.clean(text);
		if ((to == ReferralStatus.DECLINED || to == ReferralStatus.COMPLETED) && clean == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field(to == ReferralStatus.DECLINED ? "reason"
					: "feedback", to == ReferralStatus.DECLINED ? "casework.error.decline-reason-required"
							: "casework.error.feedback-required")));
		}
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		int changed = jdbc.sql("""
				UPDATE casework.referral SET status = :status, version = version + 1,
				       responded_at = CASE WHEN :status IN ('ACCEPTED', 'DECLINED') THEN :now ELSE responded_at END,
				       responded_by_name = CASE WHEN :status IN ('ACCEPTED', 'DECLINED') THEN :name ELSE responded_by_name END,
				       decline_reason = CASE WHEN :status = 'DECLINED' THEN :text ELSE decline_reason END,
				       feedback = CASE WHEN :status = 'COMPLETED' THEN :text
				                       WHEN :status = 'ACCEPTED' THEN :text ELSE feedback END,
				       feedback_at = CASE WHEN :status = 'COMPLETED' THEN :now ELSE feedback_at END
				WHERE id = :id AND version = :version""")
			.param("status", to.name())
			.param("now", CaseRecords.zoned(now))
			.param("name", user.displayName())
			.param("text", clean)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("referral " + id + " changed since version " + version);
		}
		CaseFile file = files.load(new CaseId(referral.caseId()));
		file.referralAnswered(Actor.of(user), id, referral.agencyId(), referral.agencyName(), to, clean, now);
		files.save(file);
		audit.record("REFERRAL_" + to.name(), "Referral", id, file.unitId(), clean);
	}

	/** The referrals of a case, for a caller already found to need to know it. */
	@Transactional(readOnly = true)
	List<Referral> ofCase(long caseId) {
		return jdbc.sql(SELECT + " WHERE f.case_id = :case ORDER BY f.sent_at, f.id").param("case", caseId)
			.query((rs, n) -> map(rs)).list();
	}

	private Referral find(long id) {
		return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
			.orElseThrow(() -> UserFacingException.notFound("casework.error.referral-not-found", id));
	}

	/**
	 * The agency's focal point, or someone who sees the case whole; anyone else is answered not found. Answering on
	 * the agency's behalf (a case worker records an answer given by phone) takes the casework of referrals as well:
	 * who only reads the case, as the chairman does, is refused.
	 */
	private void requireParty(Referral referral, SignedInUser user, boolean answering) {
		boolean agency = user.has(Role.AGENCY_FOCAL_POINT) && user.agencyId() != null
				&& user.agencyId() == referral.agencyId();
		if (agency) {
			return;
		}
		CaseRecords.Header header = records.requireHeader(referral.caseId());
		if (access.level(header) != CaseAccess.Level.FULL) {
			throw UserFacingException.notFound("casework.error.referral-not-found", referral.id());
		}
		if (answering && !CaseAction.REFER.mayBeTakenBy(user.roles())) {
			throw new UserFacingException(403, "casework.error.case-staff-only");
		}
	}

	private CaseFile requireCaseStaff(long caseId, SignedInUser user) {
		CaseFile file = files.load(new CaseId(caseId));
		CaseAccess.Level level = access.level(file.header());
		if (level == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", caseId);
		}
		if (level != CaseAccess.Level.FULL || !CaseAction.REFER.mayBeTakenBy(user.roles())) {
			throw new UserFacingException(403, "casework.error.case-staff-only");
		}
		return file;
	}

	private Referral map(ResultSet rs) throws SQLException {
		ReferralStatus status = ReferralStatus.valueOf(rs.getString("status"));
		LocalDate respondBy = rs.getObject("respond_by", LocalDate.class);
		return new Referral(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"),
				(Long) rs.getObject("plan_item_id"), rs.getLong("agency_id"), rs.getString("agency_name"),
				ServiceKind.valueOf(rs.getString("service")), rs.getString("request"),
				json.readValue(rs.getString("shared"), Referral.Shared.class), respondBy,
				CaseRecords.local(rs, "sent_at"), rs.getString("sent_by_name"), status,
				CaseRecords.local(rs, "responded_at"), rs.getString("responded_by_name"), rs.getString("decline_reason"),
				rs.getString("feedback"), CaseRecords.local(rs, "feedback_at"),
				status == ReferralStatus.SENT && respondBy != null && respondBy.isBefore(LocalDate.now(clock)),
				rs.getInt("version"));
	}
}
