package vn.vongtay.prostitution;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;

/**
 * Support-service records of people who sell sex. Only social-services staff reach them, within their jurisdiction, and
 * every read (a list as much as a single record) is written to the audit log.
 */
@Component
@Transactional
public class SupportRecords {

	private static final String SELECT = """
			SELECT r.id, r.code, r.birth_year, r.sex, r.unit_id, g.code AS unit_code, g.full_name AS unit_name,
			       r.consent_on, r.needs, r.reintegration_status, r.notes, r.version,
			       CAST(r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) AS recorded_on
			FROM prostitution.support_record r JOIN geography.unit g ON g.id = r.unit_id
			""";

	// No 0/O or 1/I: codes are read aloud and copied by hand.
	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final RecordUnits recordUnits;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	SupportRecords(JdbcClient jdbc, Jurisdictions jurisdictions, RecordUnits recordUnits, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.recordUnits = recordUnits;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<SupportRecord> list(ReintegrationStatus status, int page, int size) {
		ProstitutionRoles.requireSocialServices();
		Jurisdiction jurisdiction = jurisdictions.current();
		List<SupportRecord> records = jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("r.unit_id")
				+ """
				  AND (CAST(:status AS text) IS NULL OR r.reintegration_status = :status)
				ORDER BY r.consent_on DESC, r.id DESC LIMIT :limit OFFSET :offset"""))
			.param("status", status == null ? null : status.name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs, List.of()))
			.list();
		audit.record("SUPPORT_RECORDS_LISTED", "SupportRecord", null, null,
				records.stream().map(SupportRecord::code).collect(Collectors.joining(",", "[", "]")));
		return records;
	}

	@Transactional(readOnly = true)
	public Optional<SupportRecord> find(long id) {
		ProstitutionRoles.requireSocialServices();
		Jurisdiction jurisdiction = jurisdictions.current();
		Optional<SupportRecord> found = jurisdiction.bind(jdbc.sql(SELECT + " WHERE r.id = :id AND "
				+ jurisdiction.restrict("r.unit_id")))
			.param("id", id)
			.query((rs, n) -> map(rs, services(id)))
			.optional();
		found.ifPresent(r -> audit.record("SUPPORT_RECORD_READ", "SupportRecord", r.id(), r.unitId(), r.code()));
		return found;
	}

	@Transactional(readOnly = true)
	public SupportRecord get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("prostitution.error.support-record-not-found", id));
	}

	/** Opens a record with a fresh pseudonymous code. */
	public long create(SupportRecordDraft draft) {
		ProstitutionRoles.requireSocialServices();
		AdministrativeUnit unit = validate(draft, LocalDate.now(clock));
		// 32^8 codes make a clash rare; ON CONFLICT keeps the transaction usable so a clash just draws again.
		while (true) {
			String code = newCode();
			Optional<Long> id = bind(jdbc.sql("""
					INSERT INTO prostitution.support_record (code, birth_year, sex, unit_id, province_code, consent_on,
					       needs, reintegration_status, notes)
					VALUES (:code, :birthYear, :sex, :unit, :province, :consent, CAST(:needs AS text[]), :status, :notes)
					ON CONFLICT (code) DO NOTHING
					RETURNING id"""), draft, unit)
				.param("code", code)
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				audit.record("SUPPORT_RECORD_CREATED", "SupportRecord", id.get(), unit.id(), code);
				events.publishEvent(new SupportRecordOpened(id.get()));
				return id.get();
			}
		}
	}

	public void update(long id, int version, SupportRecordDraft draft) {
		SupportRecord current = get(id);
		// a record stays with the commune of the day it was opened, as an establishment stays with its listing's
		AdministrativeUnit unit = validate(draft, current.recordedOn());
		int changed = bind(jdbc.sql("""
				UPDATE prostitution.support_record SET birth_year = :birthYear, sex = :sex, unit_id = :unit,
				       province_code = :province, consent_on = :consent, needs = CAST(:needs AS text[]),
				       reintegration_status = :status, notes = :notes, version = version + 1
				WHERE id = :id AND version = :version"""), draft, unit)
			.param("id", current.id())
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("support record " + id + " changed since version " + version);
		}
		audit.record("SUPPORT_RECORD_UPDATED", "SupportRecord", id, unit.id(), current.code());
		events.publishEvent(new SupportRecordUpdated(id));
	}

	/** Records a service the person received. */
	public void addService(long id, SupportServiceKind service, LocalDate providedOn, String provider) {
		SupportRecord record = get(id);
		List<InputProblem> problems = new ArrayList<>();
		if (service == null) {
			problems.add(InputProblem.field("service", "error.field.required", "service"));
		}
		if (providedOn == null) {
			problems.add(InputProblem.field("providedOn", "error.field.required", "providedOn"));
		}
		else if (providedOn.isAfter(LocalDate.now(clock))) {
			problems.add(InputProblem.field("providedOn", "prostitution.error.date-in-future"));
		}
		else if (providedOn.isBefore(record.consentOn())) {
			problems.add(InputProblem.field("providedOn", "prostitution.error.service-before-consent",
					VietnameseFormats.date(record.consentOn())));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		jdbc.sql("""
				INSERT INTO prostitution.support_service (record_id, service, provided_on, provider)
				VALUES (:record, :service, :on, :provider)""")
			.param("record", record.id())
			.param("service", service.name())
			.param("on", providedOn)
			.param("provider", VietnameseText.clean(provider))
			.update();
		audit.record("SUPPORT_SERVICE_ADDED", "SupportRecord", record.id(), record.unitId(), service.name());
		events.publishEvent(new SupportServiceProvided(record.id()));
	}

	private AdministrativeUnit validate(SupportRecordDraft draft, LocalDate recordedOn) {
		List<InputProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		if (draft.sex() == null) {
			problems.add(InputProblem.field("sex", "error.field.required", "sex"));
		}
		if (draft.reintegrationStatus() == null) {
			problems.add(InputProblem.field("reintegrationStatus", "error.field.required", "reintegrationStatus"));
		}
		if (draft.birthYear() != null && (draft.birthYear() < today.getYear() - 100 || draft.birthYear() > today.getYear() - 10)) {
			problems.add(InputProblem.field("birthYear", "prostitution.error.birth-year", String.valueOf(draft.birthYear())));
		}
		if (draft.consentOn() == null) {
			problems.add(InputProblem.field("consentOn", "prostitution.error.consent-required"));
		}
		else if (draft.consentOn().isAfter(today)) {
			problems.add(InputProblem.field("consentOn", "prostitution.error.date-in-future"));
		}
		Optional<AdministrativeUnit> unit = recordUnits.byCode(draft.unitCode(), recordedOn);
		if (unit.isEmpty()) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(draft.unitCode())));
		}
		else if (unit.get().level() != UnitLevel.COMMUNE) {
			problems.add(InputProblem.field("unitCode", "prostitution.error.commune-required", draft.unitCode()));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return unit.get();
	}

	private String newCode() {
		StringBuilder code = new StringBuilder("HT-");
		for (int i = 0; i < 8; i++) {
			code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SupportRecordDraft draft,
			AdministrativeUnit unit) {
		return statement.param("birthYear", draft.birthYear())
			.param("sex", draft.sex().name())
			.param("unit", unit.id())
			.param("province", unit.provinceCode())
			.param("consent", draft.consentOn())
			.param("needs", "{" + draft.needs().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}")
			.param("status", draft.reintegrationStatus().name())
			.param("notes", VietnameseText.clean(draft.notes()));
	}

	private List<SupportRecord.ServiceReceived> services(long id) {
		return jdbc.sql("""
				SELECT id, service, provided_on, provider FROM prostitution.support_service
				WHERE record_id = :id ORDER BY provided_on, id""")
			.param("id", id)
			.query((rs, n) -> new SupportRecord.ServiceReceived(rs.getLong("id"),
					SupportServiceKind.valueOf(rs.getString("service")), rs.getObject("provided_on", LocalDate.class),
					rs.getString("provider")))
			.list();
	}

	private static SupportRecord map(ResultSet rs, List<SupportRecord.ServiceReceived> services) throws SQLException {
		Set<SupportServiceKind> needs = EnumSet.noneOf(SupportServiceKind.class);
		Array array = rs.getArray("needs");
		if (array != null) {
			Arrays.stream((String[]) array.getArray()).map(SupportServiceKind::valueOf).forEach(needs::add);
		}
		return new SupportRecord(rs.getLong("id"), rs.getString("code"), (Integer) rs.getObject("birth_year"),
				Sex.valueOf(rs.getString("sex")), rs.getLong("unit_id"), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getObject("consent_on", LocalDate.class), needs,
				ReintegrationStatus.valueOf(rs.getString("reintegration_status")), rs.getString("notes"), services,
				rs.getObject("recorded_on", LocalDate.class), rs.getInt("version"));
	}
}
