package vn.vongtay.prostitution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;

/**
 * Interagency inspection teams. A team set up by a district or province inspects the communes below it, so a caller
 * sees the teams of their units and of the units above them, and sets up teams only within their jurisdiction.
 */
@Component
@Transactional
public class InspectionTeams {

	private static final String SELECT = """
			SELECT t.id, t.name, t.decision_number, t.decision_date, t.unit_id, g.full_name AS unit_name, t.version
			FROM prostitution.inspection_team t JOIN geography.unit g ON g.id = t.unit_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Agencies agencies;
	private final AuditLog audit;
	private final Clock clock;

	InspectionTeams(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, Agencies agencies, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<InspectionTeam> list() {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		List<Row> rows = jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrictOrAbove("t.unit_id")
				+ " ORDER BY t.decision_date DESC, t.id DESC LIMIT 200"))
			.query(InspectionTeams::row)
			.list();
		return withMembers(rows);
	}

	@Transactional(readOnly = true)
	public Optional<InspectionTeam> find(long id) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		List<Row> rows = jurisdiction.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND "
				+ jurisdiction.restrictOrAbove("t.unit_id")))
			.param("id", id)
			.query(InspectionTeams::row)
			.list();
		return withMembers(rows).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public InspectionTeam get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("prostitution.error.team-not-found", id));
	}

	public long create(TeamDraft draft) {
		ProstitutionRoles.requirePreventionStaff();
		List<InputProblem> problems = new ArrayList<>();
		if (VietnameseText.clean(draft.name()) == null) {
			problems.add(InputProblem.field("name", "error.field.required", "name"));
		}
		if (VietnameseText.clean(draft.decisionNumber()) == null) {
			problems.add(InputProblem.field("decisionNumber", "error.field.required", "decisionNumber"));
		}
		LocalDate today = LocalDate.now(clock);
		if (draft.decisionDate() == null) {
			problems.add(InputProblem.field("decisionDate", "error.field.required", "decisionDate"));
		}
		else if (draft.decisionDate().isAfter(today)) {
			problems.add(InputProblem.field("decisionDate", "prostitution.error.date-in-future"));
		}
		Optional<AdministrativeUnit> unit = units.findByCode(draft.unitCode(),
				draft.decisionDate() == null ? today : draft.decisionDate());
		if (unit.isEmpty() || !jurisdictions.covers(unit.get().id())) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(draft.unitCode())));
		}
		if (draft.members().isEmpty()) {
			problems.add(InputProblem.field("members", "prostitution.error.team-needs-members"));
		}
		for (int i = 0; i < draft.members().size(); i++) {
			TeamDraft.Member m = draft.members().get(i);
			String field = "members[" + i + "]";
			if (VietnameseText.clean(m.personName()) == null) {
				problems.add(InputProblem.field(field + ".personName", "error.field.required", "personName"));
			}
			if (m.role() == null) {
				problems.add(InputProblem.field(field + ".role", "error.field.required", "role"));
			}
			if (m.agencyId() == null || agencies.find(m.agencyId()).isEmpty()) {
				problems.add(InputProblem.field(field + ".agencyId", "prostitution.error.agency-unknown",
						String.valueOf(m.agencyId())));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long id = jdbc.sql("""
				INSERT INTO prostitution.inspection_team (name, decision_number, decision_date, unit_id, province_code)
				VALUES (:name, :number, :date, :unit, :province) RETURNING id""")
			.param("name", VietnameseText.clean(draft.name()))
			.param("number", VietnameseText.clean(draft.decisionNumber()))
			.param("date", draft.decisionDate())
			.param("unit", unit.get().id())
			.param("province", unit.get().provinceCode())
			.query(Long.class)
			.single();
		for (TeamDraft.Member m : draft.members()) {
			jdbc.sql("""
					INSERT INTO prostitution.team_member (team_id, person_name, agency_id, role)
					VALUES (:team, :name, :agency, :role)""")
				.param("team", id)
				.param("name", VietnameseText.clean(m.personName()))
				.param("agency", m.agencyId())
				.param("role", m.role().name())
				.update();
		}
		audit.record("INSPECTION_TEAM_CREATED", "InspectionTeam", id, unit.get().id(), draft.decisionNumber());
		return id;
	}

	private List<InspectionTeam> withMembers(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<InspectionTeam.Member>> members = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT m.team_id, m.person_name, m.agency_id, a.name AS agency_name, m.role
				FROM prostitution.team_member m JOIN directory.agency a ON a.id = m.agency_id
				WHERE m.team_id IN (:ids)
				ORDER BY m.team_id, CASE m.role WHEN 'HEAD' THEN 0 WHEN 'DEPUTY' THEN 1 WHEN 'MEMBER' THEN 2 ELSE 3 END, m.id""")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				members.computeIfAbsent(rs.getLong("team_id"), k -> new ArrayList<>())
					.add(new InspectionTeam.Member(rs.getString("person_name"), rs.getLong("agency_id"),
							rs.getString("agency_name"), TeamRole.valueOf(rs.getString("role"))));
			});
		return rows.stream()
			.map(r -> new InspectionTeam(r.id(), r.name(), r.decisionNumber(), r.decisionDate(), r.unitId(), r.unitName(),
					List.copyOf(members.getOrDefault(r.id(), List.of())), r.version()))
			.toList();
	}

	private record Row(long id, String name, String decisionNumber, LocalDate decisionDate, long unitId,
			String unitName, int version) {
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("decision_number"),
				rs.getObject("decision_date", LocalDate.class), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getInt("version"));
	}
}
