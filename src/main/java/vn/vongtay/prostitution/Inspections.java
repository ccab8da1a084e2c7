package vn.vongtay.prostitution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/**
 * Inspections of prone establishments. An inspection belongs to the commune its establishment lay in on the day of the
 * inspection, and is visible there; its violations must cite the sanctions decree in force on that day.
 */
@Component
@Transactional
public class Inspections {

	private static final String SUMMARY = """
			SELECT i.id, i.establishment_id, e.name AS establishment_name, t.name AS team_name, i.inspected_on,
			       g.full_name AS unit_name,
			       (SELECT count(*) FROM prostitution.violation v WHERE v.inspection_id = i.id) AS violations,
			       (SELECT COALESCE(sum(v.fine_vnd), 0) FROM prostitution.violation v WHERE v.inspection_id = i.id) AS fines,
			       (SELECT count(*) FROM prostitution.follow_up f WHERE f.inspection_id = i.id AND f.done_on IS NULL)
			         AS open_follow_ups
			FROM prostitution.inspection i
			JOIN prostitution.establishment e ON e.id = i.establishment_id
			JOIN prostitution.inspection_team t ON t.id = i.team_id
			JOIN geography.unit g ON g.id = i.unit_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final ProneEstablishments establishments;
	private final InspectionTeams teams;
	private final SanctionsDecrees decrees;
	private final RecordUnits recordUnits;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Inspections(JdbcClient jdbc, Jurisdictions jurisdictions, ProneEstablishments establishments, InspectionTeams teams,
			SanctionsDecrees decrees, RecordUnits recordUnits, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.establishments = establishments;
		this.teams = teams;
		this.decrees = decrees;
		this.recordUnits = recordUnits;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** The inspection calendar between two dates (either may be open), latest first. */
	@Transactional(readOnly = true)
	public List<InspectionSummary> list(LocalDate from, LocalDate to, int page, int size) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SUMMARY + " WHERE " + jurisdiction.restrict("i.unit_id") + """
				  AND (CAST(:from AS date) IS NULL OR i.inspected_on >= :from)
				  AND (CAST(:to AS date) IS NULL OR i.inspected_on <= :to)
				ORDER BY i.inspected_on DESC, i.id DESC LIMIT :limit OFFSET :offset"""))
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Inspections::summary)
			.list();
	}

	/** The history of one establishment, latest first. */
	@Transactional(readOnly = true)
	public List<InspectionSummary> ofEstablishment(long establishmentId) {
		ProneEstablishment establishment = establishments.get(establishmentId);
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SUMMARY + " WHERE i.establishment_id = :id AND "
				+ jurisdiction.restrict("i.unit_id") + " ORDER BY i.inspected_on DESC, i.id DESC"))
			.param("id", establishment.id())
			.query(Inspections::summary)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> find(long id) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql("""
				SELECT i.id, i.establishment_id, e.name AS establishment_name, i.team_id, t.name AS team_name,
				       i.inspected_on, i.findings, d.number AS decree_number, i.unit_id, g.full_name AS unit_name,
				       i.recorded_by
				FROM prostitution.inspection i
				JOIN prostitution.establishment e ON e.id = i.establishment_id
				JOIN prostitution.inspection_team t ON t.id = i.team_id
				JOIN geography.unit g ON g.id = i.unit_id
				LEFT JOIN prostitution.sanctions_decree d ON d.id = i.decree_id
				WHERE i.id = :id AND """ + " " + jurisdiction.restrict("i.unit_id")))
			.param("id", id)
			.query((rs, n) -> new Inspection(rs.getLong("id"), rs.getLong("establishment_id"),
					rs.getString("establishment_name"), rs.getLong("team_id"), rs.getString("team_name"),
					rs.getObject("inspected_on", LocalDate.class), rs.getString("findings"),
					rs.getString("decree_number"), rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getString("recorded_by"), violations(id), followUps(id)))
			.optional();
	}

	@Transactional(readOnly = true)
	public Inspection get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("prostitution.error.inspection-not-found", id));
	}

	/**
	 * Records an inspection of an establishment within the caller's jurisdiction by a team the caller can see.
	 *
	 * @throws UserFacingException 422 listing every problem, among them a violation citing an article of a decree not
	 *         in force on the day of the inspection
	 */
	public long record(InspectionDraft draft) {
		SignedInUser user = ProstitutionRoles.requirePreventionStaff();
		List<InputProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		Optional<ProneEstablishment> establishment = draft.establishmentId() == null ? Optional.empty()
				: establishments.find(draft.establishmentId());
		if (establishment.isEmpty()) {
			problems.add(InputProblem.field("establishmentId", "prostitution.error.establishment-not-found",
					String.valueOf(draft.establishmentId())));
		}
		Optional<InspectionTeam> team = draft.teamId() == null ? Optional.empty() : teams.find(draft.teamId());
		if (team.isEmpty()) {
			problems.add(InputProblem.field("teamId", "prostitution.error.team-not-found", String.valueOf(draft.teamId())));
		}
		LocalDate on = draft.inspectedOn();
		Optional<SanctionsDecree> inForce = Optional.empty();
		if (on == null) {
			problems.add(InputProblem.field("inspectedOn", "error.field.required", "inspectedOn"));
		}
		else {
			if (on.isAfter(today)) {
				problems.add(InputProblem.field("inspectedOn", "prostitution.error.date-in-future"));
			}
			if (team.isPresent() && on.isBefore(team.get().decisionDate())) {
				problems.add(InputProblem.field("inspectedOn", "prostitution.error.before-team-decision",
						VietnameseFormats.date(team.get().decisionDate())));
			}
			inForce = decrees.inForceOn(on);
			if (inForce.isEmpty() && !draft.violations().isEmpty()) {
				problems.add(InputProblem.field("inspectedOn", "prostitution.error.no-decree-in-force", VietnameseFormats.date(on)));
			}
		}
		for (int i = 0; i < draft.violations().size(); i++) {
			checkViolation(draft.violations().get(i), "violations[" + i + "]", on, inForce, problems);
		}
		for (int i = 0; i < draft.followUps().size(); i++) {
			InspectionDraft.FollowUpDraft f = draft.followUps().get(i);
			String field = "followUps[" + i + "]";
			if (VietnameseText.clean(f.action()) == null) {
				problems.add(InputProblem.field(field + ".action", "error.field.required", "action"));
			}
			if (f.dueOn() == null) {
				problems.add(InputProblem.field(field + ".dueOn", "error.field.required", "dueOn"));
			}
			else if (on != null && f.dueOn().isBefore(on)) {
				problems.add(InputProblem.field(field + ".dueOn", "prostitution.error.due-before-inspection"));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		ProneEstablishment place = establishment.get();
		// the commune of the day of the inspection: a 2024 inspection of an establishment listed since the reform
		// belongs to the commune of 2024, a recent one of an establishment listed before it to today's commune
		AdministrativeUnit unit = recordUnits.onDate(place.unitId(), on);
		long id = jdbc.sql("""
				INSERT INTO prostitution.inspection (establishment_id, team_id, inspected_on, findings, decree_id, unit_id,
				       province_code, recorded_by)
				VALUES (:establishment, :team, :on, :findings, :decree, :unit, :province, :by)
				RETURNING id""")
			.param("establishment", place.id())
			.param("unit", unit.id())
			.param("province", unit.provinceCode())
			.param("team", team.get().id())
			.param("on", on)
			.param("findings", VietnameseText.clean(draft.findings()))
			.param("decree", inForce.map(SanctionsDecree::id).orElse(null))
			.param("by", user.displayName())
			.query(Long.class)
			.single();
		for (InspectionDraft.ViolationDraft v : draft.violations()) {
			jdbc.sql("""
					INSERT INTO prostitution.violation (inspection_id, article_id, clause, description, sanction, fine_vnd)
					VALUES (:inspection, :article, :clause, :description, :sanction, :fine)""")
				.param("inspection", id)
				.param("article", v.articleId())
				.param("clause", VietnameseText.clean(v.clause()))
				.param("description", VietnameseText.clean(v.description()))
				.param("sanction", v.sanction().name())
				.param("fine", v.fineVnd() == null ? 0L : v.fineVnd())
				.update();
		}
		for (InspectionDraft.FollowUpDraft f : draft.followUps()) {
			jdbc.sql("INSERT INTO prostitution.follow_up (inspection_id, action, due_on) VALUES (:inspection, :action, :due)")
				.param("inspection", id)
				.param("action", VietnameseText.clean(f.action()))
				.param("due", f.dueOn())
				.update();
		}
		audit.record("INSPECTION_RECORDED", "Inspection", id, unit.id(),
				place.name() + " · " + draft.violations().size() + " vi phạm");
		events.publishEvent(new InspectionRecorded(id, place.id()));
		return id;
	}

	/** Marks a follow-up action of a visible inspection as done on a date. */
	public void completeFollowUp(long inspectionId, long followUpId, LocalDate doneOn) {
		Inspection inspection = get(inspectionId);
		LocalDate date = doneOn == null ? LocalDate.now(clock) : doneOn;
		if (date.isAfter(LocalDate.now(clock)) || date.isBefore(inspection.inspectedOn())) {
			throw UserFacingException.rejected(List.of(InputProblem.field("doneOn", "prostitution.error.done-date")));
		}
		int changed = jdbc.sql("""
				UPDATE prostitution.follow_up SET done_on = :done
				WHERE id = :id AND inspection_id = :inspection AND done_on IS NULL""")
			.param("done", date)
			.param("id", followUpId)
			.param("inspection", inspection.id())
			.update();
		if (changed == 0) {
			throw UserFacingException.notFound("prostitution.error.follow-up-not-found", followUpId);
		}
		audit.record("FOLLOW_UP_DONE", "Inspection", inspection.id(), inspection.unitId(), String.valueOf(followUpId));
	}

	private void checkViolation(InspectionDraft.ViolationDraft v, String field, LocalDate on,
			Optional<SanctionsDecree> inForce, List<InputProblem> problems) {
		if (VietnameseText.clean(v.description()) == null) {
			problems.add(InputProblem.field(field + ".description", "error.field.required", "description"));
		}
		if (v.sanction() == null) {
			problems.add(InputProblem.field(field + ".sanction", "error.field.required", "sanction"));
		}
		long fine = v.fineVnd() == null ? 0 : v.fineVnd();
		if (fine < 0) {
			problems.add(InputProblem.field(field + ".fineVnd", "prostitution.error.negative", "fineVnd"));
		}
		if (v.sanction() == Sanction.FINE && fine <= 0) {
			problems.add(InputProblem.field(field + ".fineVnd", "prostitution.error.fine-required"));
		}
		Optional<DecreeArticle> article = v.articleId() == null ? Optional.empty() : decrees.article(v.articleId());
		if (article.isEmpty()) {
			problems.add(InputProblem.field(field + ".articleId", "prostitution.error.article-unknown",
					String.valueOf(v.articleId())));
			return;
		}
		DecreeArticle a = article.get();
		if (on != null && inForce.isPresent() && a.decreeId() != inForce.get().id()) {
			problems.add(InputProblem.field(field + ".articleId", "prostitution.error.article-not-in-force",
					a.article(), a.decreeNumber(), VietnameseFormats.date(on), inForce.get().number()));
		}
		if (v.sanction() == Sanction.FINE && fine > 0 && ((a.fineMinVnd() != null && fine < a.fineMinVnd())
				|| (a.fineMaxVnd() != null && fine > a.fineMaxVnd()))) {
			problems.add(InputProblem.field(field + ".fineVnd", "prostitution.error.fine-out-of-range",
					VietnameseFormats.number(fine), a.citation(),
					a.fineMinVnd() == null ? "0" : VietnameseFormats.number(a.fineMinVnd()),
					a.fineMaxVnd() == null ? "…" : VietnameseFormats.number(a.fineMaxVnd())));
		}
	}

	private List<Inspection.Violation> violations(long inspectionId) {
		return jdbc.sql("""
				SELECT v.id, v.article_id, a.article, d.number, a.title, v.clause, v.description, v.sanction, v.fine_vnd
				FROM prostitution.violation v
				JOIN prostitution.decree_article a ON a.id = v.article_id
				JOIN prostitution.sanctions_decree d ON d.id = a.decree_id
				WHERE v.inspection_id = :id ORDER BY v.id""")
			.param("id", inspectionId)
			.query((rs, n) -> new Inspection.Violation(rs.getLong("id"), rs.getLong("article_id"),
					rs.getString("article") + " Nghị định " + rs.getString("number"), rs.getString("title"),
					rs.getString("clause"), rs.getString("description"), Sanction.valueOf(rs.getString("sanction")),
					rs.getLong("fine_vnd")))
			.list();
	}

	private List<Inspection.FollowUp> followUps(long inspectionId) {
		return jdbc.sql("SELECT id, action, due_on, done_on FROM prostitution.follow_up WHERE inspection_id = :id ORDER BY due_on, id")
			.param("id", inspectionId)
			.query((rs, n) -> new Inspection.FollowUp(rs.getLong("id"), rs.getString("action"),
					rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class)))
			.list();
	}

	private static InspectionSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new InspectionSummary(rs.getLong("id"), rs.getLong("establishment_id"), rs.getString("establishment_name"),
				rs.getString("team_name"), rs.getObject("inspected_on", LocalDate.class), rs.getString("unit_name"),
				rs.getInt("violations"), rs.getLong("fines"), rs.getInt("open_follow_ups"));
	}
}
