package vn.vongtay.prostitution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;

/** The register of prone establishments, as far as the caller's jurisdiction reaches. */
@Component
@Transactional
public class ProneEstablishments {

	private static final String SELECT = """
			SELECT e.id, e.type, e.name, e.address, e.unit_id, g.code AS unit_code, g.full_name AS unit_name,
			       e.owner_name, e.licence_number, e.registered_workers, e.status, e.opened_on, e.closed_on,
			       e.risk_notes, e.version, CAST(e.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) AS listed_on,
			       (SELECT max(i.inspected_on) FROM prostitution.inspection i WHERE i.establishment_id = e.id)
			         AS last_inspected_on
			FROM prostitution.establishment e JOIN geography.unit g ON g.id = e.unit_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final RecordUnits recordUnits;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ProneEstablishments(JdbcClient jdbc, Jurisdictions jurisdictions, RecordUnits recordUnits, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.recordUnits = recordUnits;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @param notInspectedSince when given, only establishments never inspected or last inspected before that date (the
	 *        inspector's <i>due for a visit</i> list)
	 */
	@Transactional(readOnly = true)
	public List<ProneEstablishment> list(String query, EstablishmentType type, EstablishmentStatus status,
			LocalDate notInspectedSince, int page, int size) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		String folded = query == null || query.isBlank() ? null : "%" + VietnameseText.fold(query.strip()) + "%";
		return jurisdiction.bind(jdbc.sql("SELECT * FROM (" + SELECT + " WHERE " + jurisdiction.restrict("e.unit_id")
				+ """
				  AND (CAST(:q AS text) IS NULL OR public.vn_fold(e.name) LIKE :q)
				  AND (CAST(:type AS text) IS NULL OR e.type = :type)
				  AND (CAST(:status AS text) IS NULL OR e.status = :status)) x
				WHERE CAST(:since AS date) IS NULL OR x.last_inspected_on IS NULL OR x.last_inspected_on < :since
				ORDER BY x.last_inspected_on NULLS FIRST, x.unit_code, x.name LIMIT :limit OFFSET :offset"""))
			.param("q", folded)
			.param("type", type == null ? null : type.name())
			.param("status", status == null ? null : status.name())
			.param("since", notInspectedSince)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ProneEstablishments::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ProneEstablishment> find(long id) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE e.id = :id AND " + jurisdiction.restrict("e.unit_id")))
			.param("id", id)
			.query(ProneEstablishments::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public ProneEstablishment get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("prostitution.error.establishment-not-found", id));
	}

	public long create(EstablishmentDraft draft) {
		ProstitutionRoles.requirePreventionStaff();
		AdministrativeUnit unit = validate(draft, LocalDate.now(clock));
		long id = bind(jdbc.sql("""
				INSERT INTO prostitution.establishment (type, name, address, unit_id, province_code, owner_name,
				       licence_number, registered_workers, status, opened_on, closed_on, risk_notes)
				VALUES (:type, :name, :address, :unit, :province, :owner, :licence, :workers, :status, :opened,
				       :closed, :risk) RETURNING id"""), draft, unit)
			.query(Long.class)
			.single();
		audit.record("PRONE_ESTABLISHMENT_CREATED", "ProneEstablishment", id, unit.id(), draft.name());
		events.publishEvent(new EstablishmentRegistered(id));
		return id;
	}

	/** Changes an establishment; refuses if someone else changed it since {@code version}. */
	public void update(long id, int version, EstablishmentDraft draft) {
		ProneEstablishment current = get(id);
		// an establishment stays with the commune of the day it was listed: editing one listed before the reform keeps
		// it in its commune of then, whose successor still sees and counts it
		AdministrativeUnit unit = validate(draft, current.listedOn());
		int changed = bind(jdbc.sql("""
				UPDATE prostitution.establishment SET type = :type, name = :name, address = :address, unit_id = :unit,
				       province_code = :province, owner_name = :owner, licence_number = :licence,
				       registered_workers = :workers, status = :status, opened_on = :opened, closed_on = :closed,
				       risk_notes = :risk, version = version + 1
				WHERE id = :id AND version = :version"""), draft, unit)
			.param("id", current.id())
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("establishment " + id + " changed since version " + version);
		}
		audit.record("PRONE_ESTABLISHMENT_UPDATED", "ProneEstablishment", id, unit.id(), draft.name());
		events.publishEvent(new EstablishmentUpdated(id));
	}

	private AdministrativeUnit validate(EstablishmentDraft draft, LocalDate listedOn) {
		List<InputProblem> problems = new ArrayList<>();
		if (draft.type() == null) {
			problems.add(InputProblem.field("type", "error.field.required", "type"));
		}
		if (VietnameseText.clean(draft.name()) == null) {
			problems.add(InputProblem.field("name", "error.field.required", "name"));
		}
		if (draft.status() == null) {
			problems.add(InputProblem.field("status", "error.field.required", "status"));
		}
		if (draft.registeredWorkers() != null && draft.registeredWorkers() < 0) {
			problems.add(InputProblem.field("registeredWorkers", "prostitution.error.negative", "registeredWorkers"));
		}
		LocalDate today = LocalDate.now(clock);
		if (draft.openedOn() != null && draft.openedOn().isAfter(today)) {
			problems.add(InputProblem.field("openedOn", "prostitution.error.date-in-future"));
		}
		if (draft.openedOn() != null && draft.closedOn() != null && draft.closedOn().isBefore(draft.openedOn())) {
			problems.add(InputProblem.field("closedOn", "error.field.dates-reversed"));
		}
		if (draft.status() == EstablishmentStatus.CLOSED && draft.closedOn() == null) {
			problems.add(InputProblem.field("closedOn", "prostitution.error.closed-needs-date"));
		}
		Optional<AdministrativeUnit> unit = recordUnits.byCode(draft.unitCode(), listedOn);
		if (unit.isEmpty()) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(draft.unitCode())));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return unit.get();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, EstablishmentDraft draft,
			AdministrativeUnit unit) {
		return statement.param("type", draft.type().name())
			.param("name", VietnameseText.clean(draft.name()))
			.param("address", VietnameseText.clean(draft.address()))
			.param("unit", unit.id())
			.param("province", unit.provinceCode())
			.param("owner", VietnameseText.clean(draft.ownerName()))
			.param("licence", VietnameseText.clean(draft.licenceNumber()))
			.param("workers", draft.registeredWorkers())
			.param("status", draft.status().name())
			.param("opened", draft.openedOn())
			.param("closed", draft.closedOn())
			.param("risk", VietnameseText.clean(draft.riskNotes()));
	}

	static ProneEstablishment map(ResultSet rs, int row) throws SQLException {
		return new ProneEstablishment(rs.getLong("id"), EstablishmentType.valueOf(rs.getString("type")),
				rs.getString("name"), rs.getString("address"), rs.getLong("unit_id"), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getString("owner_name"), rs.getString("licence_number"),
				(Integer) rs.getObject("registered_workers"), EstablishmentStatus.valueOf(rs.getString("status")),
				rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getString("risk_notes"), rs.getObject("last_inspected_on", LocalDate.class),
				rs.getObject("listed_on", LocalDate.class), rs.getInt("version"));
	}
}
