package vn.vongtay.casework;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.children.Child;
import vn.vongtay.children.Children;
import vn.vongtay.children.Sex;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.SuccessionKind;
import vn.vongtay.geography.Successor;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;

/**
 * Intake (step 1 of the process, Mẫu 01): anyone who receives a concern records it, from the staff form, the public page
 * or the hotline's system. A report goes to the commune where the child lives (or, when that is unknown, where it
 * happened), joins the open case of the same child if there is one or opens a case file ({@link CaseFile#open}), and
 * the commune's officers are told at once ({@link CaseNotices}). What the receiver is told of the case depends on what
 * they may see, never on the records their report touched.
 */
@Component
@Transactional
public class Reports {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final int MAX_TEXT = 4000;

	private static final String SELECT = """
			SELECT r.*, u.full_name AS unit_name, c.number AS case_number, c.stage AS case_stage,
			       c.case_worker_id AS case_worker_id, c.unit_id AS case_unit_id
			FROM casework.report r
			JOIN geography.unit u ON u.id = r.unit_id
			JOIN casework.child_case c ON c.id = r.case_id
			""";

	private final JdbcClient jdbc;
	private final Units units;
	private final Children children;
	private final DeadlineRules deadlineRules;
	private final CaseFiles files;
	private final CaseRecords records;
	private final CaseAccess access;
	private final Jurisdictions jurisdictions;
	private final Staff staff;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Reports(JdbcClient jdbc, Units units, Children children, DeadlineRules deadlineRules, CaseFiles files,
			CaseRecords records, CaseAccess access, Jurisdictions jurisdictions, Staff staff, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.children = children;
		this.deadlineRules = deadlineRules;
		this.files = files;
		this.records = records;
		this.access = access;
		this.jurisdictions = jurisdictions;
		this.staff = staff;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the receiver is told: the reference to quote and the unit the report went to; the case it went to (its id
	 * and number, and whether it joined an open case of the same child) only for a receiver who may see that case's
	 * summary, so that a report never tells its sender about records they cannot see.
	 */
	public record Receipt(long reportId, String reference, Long caseId, String caseNumber, Boolean joinedOpenCase,
			String unitName) implements java.io.Serializable {
	}

	/**
	 * The caller, who may record a concern: whoever the need-to-know table lets write REPORTS (decision 0009), the
	 * hotline, the commune, the officers above it and village collaborators. Agencies, viewers and inspectors pass a
	 * concern on to them, or through the public form, as anyone does.
	 *
	 * @throws UserFacingException 403 for anyone else
	 */
	public SignedInUser requireReceiver() {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.may(NeedToKnow.Data.REPORTS, NeedToKnow.Use.WRITE)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}

	/**
	 * Records a concern received by the caller. A call repeating the {@code externalReference} of a report the caller
	 * already recorded answers that report's receipt and records nothing.
	 */
	public Receipt receive(ReportDraft draft) {
		SignedInUser user = requireReceiver();
		String external = VietnameseText.clean(draft.externalReference());
		if (external != null) {
			// two retries of one call arriving together: the second waits for the first and answers its receipt
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
				.param("key", "report:" + user.id() + ":" + external).query().singleRow();
			Optional<Receipt> earlier = jdbc.sql(SELECT + " WHERE r.received_by_id = :user AND r.external_reference = :ref")
				.param("user", user.id())
				.param("ref", external)
				.query((rs, n) -> receipt(rs, user))
				.optional();
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		return record(draft, user, false);
	}

	/**
	 * Records a concern from the public page: no account, no link to the register, the channel is online. The caller
	 * (the page) has already checked the submission's rate and that it is not a robot's.
	 */
	public Receipt receiveFromPublic(ReportDraft draft) {
		ReportDraft online = new ReportDraft(ReportChannel.ONLINE, null, null, null, draft.childName(), draft.childSex(),
				draft.childBirthDate(), draft.childAgeYears(), draft.childAddress(), draft.childUnitCode(), draft.place(),
				draft.placeUnitCode(), draft.condition(), draft.consequences(), draft.parents(), draft.caregiver(),
				draft.actionsTaken(), draft.suspectedForms(), draft.informantName(), draft.informantPhone(),
				draft.informantAddress(), draft.informantRelation());
		return record(online, null, true);
	}

	private Receipt record(ReportDraft draft, SignedInUser user, boolean fromPublic) {
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		LocalDateTime receivedAt = draft.receivedAt() == null ? now : draft.receivedAt().withNano(0);
		List<InputProblem> problems = new ArrayList<>();
		if (draft.channel() == null) {
			problems.add(InputProblem.field("channel", "error.field.required", "channel"));
		}
		if (receivedAt.isAfter(now.plusMinutes(5))) {
			problems.add(InputProblem.field("receivedAt", "casework.error.date-in-future"));
		}
		String condition = text(draft.condition(), "condition", problems);
		if (condition == null) {
			problems.add(InputProblem.field("condition", "error.field.required", "condition"));
		}
		Child child = null;
		if (draft.childId() != null) {
			try {
				child = children.get(draft.childId());
			}
			catch (UserFacingException e) {
				problems.add(InputProblem.field("childId", "casework.error.child-not-found", draft.childId()));
			}
		}
		String childName = child != null ? child.fullName() : text(draft.childName(), "childName", problems);
		Sex sex = child != null ? child.sex() : draft.childSex() == null ? Sex.UNKNOWN : draft.childSex();
		LocalDate birthDate = child != null ? child.dateOfBirth() : draft.childBirthDate();
		boolean estimated = child != null ? child.dateOfBirthEstimated() : false;
		if (child == null && birthDate == null && draft.childAgeYears() != null) {
			if (draft.childAgeYears() < 0 || draft.childAgeYears() > 15) {
				problems.add(InputProblem.field("childAgeYears", "casework.error.not-a-child"));
			}
			else {
				birthDate = LocalDate.of(receivedAt.getYear() - draft.childAgeYears(), 1, 1);
				estimated = true;
			}
		}
		if (birthDate != null && birthDate.isAfter(receivedAt.toLocalDate())) {
			problems.add(InputProblem.field("childBirthDate", "casework.error.date-in-future"));
		}
		else if (birthDate != null && !estimated && !birthDate.plusYears(16).isAfter(receivedAt.toLocalDate())) {
			problems.add(InputProblem.field("childBirthDate", "casework.error.not-a-child"));
		}
		AdministrativeUnit childUnit = child != null ? units.findById(child.unitId()).orElse(null)
				: unitNamed(draft.childUnitCode(), "childUnitCode", problems);
		AdministrativeUnit placeUnit = unitNamed(draft.placeUnitCode(), "placeUnitCode", problems);
		AdministrativeUnit destination = null;
		if (childUnit == null && placeUnit == null) {
			if (draft.childUnitCode() == null && draft.placeUnitCode() == null && draft.childId() == null) {
				problems.add(InputProblem.field("childUnitCode", "casework.error.unit-required"));
			}
		}
		else {
			destination = destination(childUnit != null ? childUnit : placeUnit,
					childUnit != null ? "childUnitCode" : "placeUnitCode", problems);
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}

		Long childId = child == null ? null : child.id();
		Actor receiver = user == null ? null : Actor.of(user);
		Optional<CaseFile> open = childId == null ? Optional.empty() : files.openCaseOf(childId);
		boolean joined = open.isPresent();
		CaseFile file = joined ? open.get()
				: CaseFile.open(files.nextId(), files.nextNumber(CaseUnit.of(destination), receivedAt.getYear()),
						CaseUnit.of(destination), new ReportedChild(childId, childName, sex, birthDate, estimated),
						receivedAt, Actor.soleCaseWorker(staff, destination.id()),
						deadlineRules.termsFor(destination.id()), now);
		AdministrativeUnit caseUnit = joined ? units.findById(file.unitId()).orElseThrow() : destination;
		String reference = newReference();
		file.reportReceived(reference, receivedAt, receiver, joined);
		files.save(file);
		long caseId = file.id().value();
		long reportId = jdbc.sql("""
				INSERT INTO casework.report (reference, channel, received_at, recorded_at, received_by_id,
				       received_by_name, from_public, external_reference, child_id, child_name, child_sex, child_birth_date,
				       child_birth_estimated, child_address, child_unit_id, place, place_unit_id, condition, consequences,
				       parents, caregiver, actions_taken, suspected_forms, informant_name, informant_phone,
				       informant_address, informant_relation, unit_id, province_code, case_id, joined_open_case)
				VALUES (:reference, :channel, :receivedAt, :recordedAt, :by, :byName, :fromPublic, :external, :child,
				       :childName, :sex, :birth, :estimated, :address, :childUnit, :place, :placeUnit, :condition,
				       :consequences, :parents, :caregiver, :actions, :forms, :informantName, :informantPhone,
				       :informantAddress, :informantRelation, :unit, :province, :case, :joined)
				RETURNING id""")
			.param("reference", reference)
			.param("channel", draft.channel().name())
			.param("receivedAt", CaseRecords.zoned(receivedAt))
			.param("recordedAt", CaseRecords.zoned(now))
			.param("by", user == null ? null : user.id())
			.param("byName", user == null ? null : user.displayName())
			.param("fromPublic", fromPublic)
			.param("external", VietnameseText.clean(draft.externalReference()))
			.param("child", childId)
			.param("childName", childName)
			.param("sex", sex.name())
			.param("birth", birthDate)
			.param("estimated", estimated)
			.param("address", VietnameseText.clean(draft.childAddress()))
			.param("childUnit", childUnit == null ? null : childUnit.id())
			.param("place", VietnameseText.clean(draft.place()))
			.param("placeUnit", placeUnit == null ? null : placeUnit.id())
			.param("condition", condition)
			.param("consequences", VietnameseText.clean(draft.consequences()))
			.param("parents", VietnameseText.clean(draft.parents()))
			.param("caregiver", VietnameseText.clean(draft.caregiver()))
			.param("actions", VietnameseText.clean(draft.actionsTaken()))
			.param("forms", draft.suspectedForms().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("informantName", VietnameseText.clean(draft.informantName()))
			.param("informantPhone", VietnameseText.clean(draft.informantPhone()))
			.param("informantAddress", VietnameseText.clean(draft.informantAddress()))
			.param("informantRelation", VietnameseText.clean(draft.informantRelation()))
			.param("unit", caseUnit.id())
			.param("province", caseUnit.provinceCode())
			.param("case", caseId)
			.param("joined", joined)
			.query(Long.class)
			.single();
		audit.record("REPORT_RECEIVED", "Report", reportId, caseUnit.id(), reference);
		events.publishEvent(new ReportReceived(reportId, caseId, caseUnit.id(), draft.channel(), joined));
		boolean seesCase = user != null && seesCase(user, caseUnit.id());
		return new Receipt(reportId, reference, seesCase ? caseId : null, seesCase ? file.number() : null,
				seesCase ? joined : null, caseUnit.fullName());
	}

	/** The reports the caller received, newest first, with where each went; 403 for those who handle no report. */
	@Transactional(readOnly = true)
	public List<Report> received(int page, int size) {
		SignedInUser user = Jurisdictions.requireUser();
		// those who record reports read back what they recorded (0009)
		if (!user.may(NeedToKnow.Data.REPORTS, NeedToKnow.Use.WRITE)
				&& !user.may(NeedToKnow.Data.REPORTS, NeedToKnow.Use.READ)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		List<Report> found = jdbc.sql(SELECT + """
				WHERE r.received_by_id = :user ORDER BY r.received_at DESC, r.id DESC LIMIT :limit OFFSET :offset""")
			.param("user", user.id())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> shown(map(rs).withoutInformant(), user, rs))
			.list();
		return found;
	}

	/**
	 * A report, for the staff who received it (with the informant) or for those who need to know its case (with the
	 * informant for the case worker only). Audited.
	 */
	@Transactional(readOnly = true)
	public Report get(long id) {
		SignedInUser user = Jurisdictions.requireUser();
		Report report = jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query((rs, n) -> shown(map(rs), user, rs))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("casework.error.report-not-found", id));
		Long receiver = jdbc.sql("SELECT received_by_id FROM casework.report WHERE id = :id").param("id", id)
			.query(Long.class).optional().orElse(null);
		CaseRecords.Header header = records.requireHeader(jdbc.sql("SELECT case_id FROM casework.report WHERE id = :id")
			.param("id", id).query(Long.class).single());
		boolean receivedIt = receiver != null && receiver == user.id();
		if (!receivedIt && access.level(header) != CaseAccess.Level.FULL) {
			throw UserFacingException.notFound("casework.error.report-not-found", id);
		}
		audit.record("REPORT_VIEWED", "Report", id, header.unitId(), null);
		boolean seesInformant = receivedIt || (header.caseWorkerId() != null && header.caseWorkerId() == user.id());
		return seesInformant ? report : report.withoutInformant();
	}

	/** The reports of a case, for a caller the case service already found to need to know it. */
	List<Report> ofCase(long caseId, boolean withInformant) {
		return jdbc.sql(SELECT + " WHERE r.case_id = :case ORDER BY r.received_at, r.id")
			.param("case", caseId)
			.query((rs, n) -> withInformant ? map(rs) : map(rs).withoutInformant())
			.list();
	}

	/** A unit named by code, as it is today (or, for a code of 2024, the unit that had it). */
	private AdministrativeUnit unitNamed(String code, String field, List<InputProblem> problems) {
		if (code == null || code.isBlank()) {
			return null;
		}
		Optional<AdministrativeUnit> unit = units.findByCode(code.strip(), LocalDate.now(clock));
		if (unit.isEmpty()) {
			problems.add(InputProblem.field(field, "error.unit.not-found", code.strip()));
			return null;
		}
		return unit.get();
	}

	/**
	 * The unit a case of this place belongs to today: a current commune (or a province, when only the province is known);
	 * an abolished commune's full successor. A commune split among several cannot be chosen for the caller.
	 */
	private AdministrativeUnit destination(AdministrativeUnit unit, String field, List<InputProblem> problems) {
		LocalDate today = LocalDate.now(clock);
		AdministrativeUnit current = unit;
		if (!unit.isValidOn(today)) {
			List<Successor> successors = units.successorsOf(unit.id());
			Optional<Successor> full = successors.stream().filter(s -> s.kind() == SuccessionKind.FULL).findFirst();
			if (full.isEmpty()) {
				problems.add(InputProblem.field(field, "casework.error.unit-split", unit.fullName(),
						successors.stream().map(s -> s.unit().fullName() + " (" + s.unit().code() + ")")
							.collect(Collectors.joining(", "))));
				return null;
			}
			current = full.get().unit();
		}
		if (current.level() != UnitLevel.COMMUNE && current.level() != UnitLevel.PROVINCE) {
			problems.add(InputProblem.field(field, "casework.error.unit-level", current.fullName()));
			return null;
		}
		return current;
	}

	private String text(String value, String field, List<InputProblem> problems) {
		String clean = VietnameseText.clean(value);
		if (clean != null && clean.length() > MAX_TEXT) {
			problems.add(InputProblem.field(field, "casework.error.text-too-long", String.valueOf(MAX_TEXT)));
		}
		return clean;
	}

	/** TB- and eight characters of Crockford's alphabet: easy to read out over the phone, not guessable. */
	private String newReference() {
		while (true) {
			StringBuilder reference = new StringBuilder("TB-");
			for (int i = 0; i < 8; i++) {
				reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				if (i == 3) {
					reference.append('-');
				}
			}
			String candidate = reference.toString();
			if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM casework.report WHERE reference = :r)").param("r", candidate)
				.query(Boolean.class).single()) {
				return candidate;
			}
		}
	}

	private Receipt receipt(ResultSet rs, SignedInUser user) throws SQLException {
		boolean seesCase = seesCase(user, rs.getLong("case_unit_id"));
		return new Receipt(rs.getLong("id"), rs.getString("reference"), seesCase ? rs.getLong("case_id") : null,
				seesCase ? rs.getString("case_number") : null, seesCase ? rs.getBoolean("joined_open_case") : null,
				rs.getString("unit_name"));
	}

	/**
	 * Whether the caller may see the summary of a case in the unit (its number and stage): the need-to-know table and
	 * the jurisdiction decide, not having sent a report about its child (issue 16, item 12).
	 */
	private boolean seesCase(SignedInUser user, long caseUnitId) {
		return user.may(NeedToKnow.Data.CASE_SUMMARY, NeedToKnow.Use.READ) && jurisdictions.covers(caseUnitId);
	}

	private Report shown(Report report, SignedInUser user, ResultSet rs) throws SQLException {
		return seesCase(user, rs.getLong("case_unit_id")) ? report : report.withoutCase();
	}

	private static Report map(ResultSet rs) throws SQLException {
		Set<AbuseForm> forms = EnumSet.noneOf(AbuseForm.class);
		Arrays.stream((String[]) rs.getArray("suspected_forms").getArray()).map(AbuseForm::valueOf).forEach(forms::add);
		Report.Informant informant = new Report.Informant(rs.getString("informant_name"),
				rs.getString("informant_phone"), rs.getString("informant_address"), rs.getString("informant_relation"));
		return new Report(rs.getLong("id"), rs.getString("reference"), ReportChannel.valueOf(rs.getString("channel")),
				CaseRecords.local(rs, "received_at"), rs.getString("received_by_name"), rs.getBoolean("from_public"),
				(Long) rs.getObject("child_id"), rs.getString("child_name"), Sex.valueOf(rs.getString("child_sex")),
				rs.getObject("child_birth_date", LocalDate.class), rs.getBoolean("child_birth_estimated"),
				rs.getString("child_address"), rs.getString("place"), rs.getString("condition"),
				rs.getString("consequences"), rs.getString("parents"), rs.getString("caregiver"),
				rs.getString("actions_taken"), forms, informant, false, rs.getString("unit_name"), rs.getLong("case_id"),
				rs.getString("case_number"), CaseStage.valueOf(rs.getString("case_stage")),
				rs.getBoolean("joined_open_case"));
	}
}
