package vn.vongtay.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.SuccessionKind;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;

/**
 * The directory of agencies. A caller sees the agencies of the units within their jurisdiction and of the units above it
 * (a commune refers cases to the province's police), never those of a neighbouring commune.
 */
@Component
@Transactional
public class Agencies {

	/** An agency with the one that carries its duties today, at the end of its chain of successors ("nay là …"). */
	private static final String SELECT = """
			SELECT a.id, a.kind, a.name, a.unit_id, g.code AS unit_code, g.full_name AS unit_name, a.address, a.phone,
			       a.email, a.valid_from, a.valid_to, a.replaced_by_id, a.duties_transferred, a.transfer_basis, a.version,
			       cur.id AS current_id, cur.name AS current_name
			FROM directory.agency a JOIN geography.unit g ON g.id = a.unit_id
			LEFT JOIN LATERAL (
			  WITH RECURSIVE chain(id, depth) AS (
			    SELECT a.replaced_by_id, 1 WHERE a.replaced_by_id IS NOT NULL
			    UNION ALL
			    SELECT n.replaced_by_id, c.depth + 1 FROM chain c JOIN directory.agency n ON n.id = c.id
			    WHERE n.replaced_by_id IS NOT NULL AND c.depth < 20)
			  SELECT x.id, x.name FROM chain c JOIN directory.agency x ON x.id = c.id ORDER BY c.depth DESC LIMIT 1) cur ON true
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final AuditLog audit;

	/** How many agencies a person choosing for a document's agency is offered at most. */
	private static final int CANDIDATES = 8;

	Agencies(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, AuditLog audit) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Agency> list(String query, AgencyKind kind, int page, int size) {
		Jurisdiction jurisdiction = jurisdictions.current();
		String folded = query == null || query.isBlank() ? null : "%" + VietnameseText.fold(query.strip()) + "%";
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrictOrAbove("a.unit_id") + """
				  AND (CAST(:q AS text) IS NULL OR public.vn_fold(a.name) LIKE :q)
				  AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)
				ORDER BY g.level, g.code, a.kind, a.name LIMIT :limit OFFSET :offset"""))
			.param("q", folded)
			.param("kind", kind == null ? null : kind.name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Agencies::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Agency> find(long id) {
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE a.id = :id AND " + jurisdiction.restrictOrAbove("a.unit_id")))
			.param("id", id)
			.query(Agencies::map)
			.optional();
	}

	public Agency get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("error.agency.not-found", id));
	}

	/** Creates an agency in a unit within the caller's jurisdiction. */
	public long create(AgencyDraft draft) {
		AdministrativeUnit unit = validate(draft);
		long id = bindDraft(jdbc.sql("""
				INSERT INTO directory.agency (kind, name, unit_id, province_code, address, phone, email, valid_from, valid_to)
				VALUES (:kind, :name, :unit, :province, :address, :phone, :email, :from, :to) RETURNING id"""), draft, unit)
			.query(Long.class)
			.single();
		audit.record("AGENCY_CREATED", "Agency", id, unit.id(), draft.name());
		return id;
	}

	/**
	 * How an agency a document names, as of a date, compares with the directory: the same agency when the unit that
	 * had the code on that date has an agency of that kind, valid on that date, with the same name once locality,
	 * punctuation and abbreviations are set aside ({@link AgencyNames}); and the agencies of that kind of the unit and
	 * of the units that continue it or that it continues (the 2025 reform), for a person to choose from. Agencies are
	 * never created here: a new one is a person's decision.
	 */
	@Transactional(readOnly = true)
	public AgencyMatch match(AgencyKind kind, String name, String unitCode, LocalDate on) {
		Optional<AdministrativeUnit> found = units.findByCode(unitCode, on);
		if (found.isEmpty() || kind == null || VietnameseText.clean(name) == null) {
			return new AgencyMatch(null, List.of());
		}
		AdministrativeUnit unit = found.get();
		List<Long> nearby = new ArrayList<>(List.of(unit.id()));
		units.successorsOf(unit.id()).stream().filter(s -> s.kind() == SuccessionKind.FULL)
			.forEach(s -> nearby.add(s.unit().id()));
		units.predecessorsOf(unit.id()).stream().filter(s -> s.kind() == SuccessionKind.FULL)
			.forEach(s -> nearby.add(s.unit().id()));
		Jurisdiction jurisdiction = jurisdictions.current();
		List<Agency> sameKind = jurisdiction.bind(jdbc.sql(SELECT + " WHERE a.kind = :kind AND a.unit_id IN (:units) AND "
				+ jurisdiction.restrictOrAbove("a.unit_id") + " ORDER BY a.id"))
			.param("kind", kind.name())
			.param("units", nearby)
			.query(Agencies::map)
			.list();
		String core = AgencyNames.core(name, unit.fullName());
		Agency same = sameKind.stream()
			.filter(a -> a.unitId() == unit.id() && validOn(a, on) && AgencyNames.core(a.name(), a.unitName()).equals(core))
			.findFirst()
			.orElse(null);
		List<AgencyMatch.Candidate> candidates = sameKind.stream()
			.filter(a -> a != same)
			.map(a -> new AgencyMatch.Candidate(a, AgencyNames.core(a.name(), a.unitName()).equals(core)))
			.sorted(Comparator.comparing((AgencyMatch.Candidate c) -> !c.sameName())
				.thenComparing(c -> c.agency().unitId() != unit.id())
				.thenComparing(c -> -AgencyNames.likeness(core, AgencyNames.core(c.agency().name(), c.agency().unitName()))))
			.limit(CANDIDATES)
			.toList();
		return new AgencyMatch(same, candidates);
	}

	private static boolean validOn(Agency agency, LocalDate on) {
		return (agency.validFrom() == null || !on.isBefore(agency.validFrom()))
				&& (agency.validTo() == null || !on.isAfter(agency.validTo()));
	}

	/**
	 * The agency and every agency it replaced, however many renamings back: whoever speaks for an agency today also
	 * answers for what was addressed to the bodies it took over (the health department for the labour department's
	 * child affairs in 2025).
	 */
	@Transactional(readOnly = true)
	public List<Long> withPredecessors(long agencyId) {
		return jdbc.sql("""
				WITH RECURSIVE chain(id) AS (
				  SELECT CAST(:id AS bigint)
				  UNION
				  SELECT a.id FROM directory.agency a JOIN chain c ON a.replaced_by_id = c.id)
				SELECT id FROM chain""")
			.param("id", agencyId)
			.query(Long.class)
			.list();
	}

	/**
	 * How the agency's duties passed on, from the agency to the one carrying them today: each handover with its day (the
	 * day after the agency handing over ended), the duties and the legal texts. Empty for an agency never replaced.
	 */
	@Transactional(readOnly = true)
	public List<Handover> successionOf(long id) {
		List<Handover> handovers = new ArrayList<>();
		Agency from = get(id);
		while (from.replacedById() != null && handovers.size() < 20) {
			Agency to = jdbc.sql(SELECT + " WHERE a.id = :id").param("id", from.replacedById()).query(Agencies::map).single();
			handovers.add(new Handover(from, to, from.validTo() == null ? null : from.validTo().plusDays(1),
					from.dutiesTransferred(), from.transferBasis()));
			from = to;
		}
		return handovers;
	}

	/** Changes an agency the caller may administer; refuses if someone else changed it since {@code version}. */
	public void update(long id, int version, AgencyDraft draft) {
		Agency current = get(id);
		jurisdictions.requireWithin(current.unitId(), "error.agency.not-found", id);
		AdministrativeUnit unit = validate(draft);
		int changed = bindDraft(jdbc.sql("""
				UPDATE directory.agency SET kind = :kind, name = :name, unit_id = :unit, province_code = :province,
				       address = :address, phone = :phone, email = :email, valid_from = :from, valid_to = :to,
				       version = version + 1
				WHERE id = :id AND version = :version"""), draft, unit)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("agency " + id + " changed since version " + version);
		}
		audit.record("AGENCY_UPDATED", "Agency", id, unit.id(), draft.name());
	}

	private AdministrativeUnit validate(AgencyDraft draft) {
		List<InputProblem> problems = new ArrayList<>();
		if (draft.kind() == null) {
			problems.add(InputProblem.field("kind", "error.field.required", "kind"));
		}
		if (VietnameseText.clean(draft.name()) == null) {
			problems.add(InputProblem.field("name", "error.field.required", "name"));
		}
		if (draft.validFrom() != null && draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
			problems.add(InputProblem.field("validTo", "error.field.dates-reversed"));
		}
		LocalDate asOf = draft.validFrom() != null ? draft.validFrom()
				: draft.validTo() != null ? draft.validTo() : units.today();
		Optional<AdministrativeUnit> unit = units.findByCode(draft.unitCode(), asOf);
		if (unit.isEmpty() || !jurisdictions.covers(unit.get().id())) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(draft.unitCode())));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return unit.get();
	}

	private static JdbcClient.StatementSpec bindDraft(JdbcClient.StatementSpec statement, AgencyDraft draft,
			AdministrativeUnit unit) {
		return statement.param("kind", draft.kind().name())
			.param("name", VietnameseText.clean(draft.name()))
			.param("unit", unit.id())
			.param("province", unit.provinceCode())
			.param("address", VietnameseText.clean(draft.address()))
			.param("phone", VietnameseText.clean(draft.phone()))
			.param("email", VietnameseText.clean(draft.email()))
			.param("from", draft.validFrom())
			.param("to", draft.validTo());
	}

	static Agency map(ResultSet rs, int row) throws SQLException {
		return new Agency(rs.getLong("id"), AgencyKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("address"),
				rs.getString("phone"), rs.getString("email"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), (Long) rs.getObject("replaced_by_id"),
				rs.getString("duties_transferred"), rs.getString("transfer_basis"), (Long) rs.getObject("current_id"),
				rs.getString("current_name"), rs.getInt("version"));
	}
}
