package vn.vongtay.outreach;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.children.RegisterCounts;
import vn.vongtay.core.AttachedFiles;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.outreach.Activity.Material;
import vn.vongtay.outreach.Activity.Participant;
import vn.vongtay.outreach.Activity.Place;
import vn.vongtay.planning.IndicatorReadings;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.TaskTracking;

/**
 * The log of outreach activities: an activity is seen by the staff whose jurisdiction holds one of the units where it
 * took place and changed by those whose jurisdiction holds all of them; an agency's focal point sees and changes the
 * activities its agency organised ({@link OutreachAccess}).
 *
 * <p>Reads run without a surrounding transaction and writes validate before they open one: the planning module
 * answers a task the caller may not see with an exception, which would otherwise mark the whole transaction for
 * rollback even where this class only turns it into an input problem.
 */
@Component
public class Activities {



	private static final String SUMMARY = """
			SELECT a.id, a.kind, a.title, ag.name AS organiser_name, a.started_on, a.ended_on, a.topics,
			       ARRAY(SELECT g.full_name FROM outreach.activity_unit au JOIN geography.unit g ON g.id = au.unit_id
			             WHERE au.activity_id = a.id ORDER BY g.code) AS unit_names,
			       (SELECT COALESCE(sum(x.reached), 0) FROM outreach.audience x WHERE x.activity_id = a.id) AS reached,
			       (SELECT count(*) FROM outreach.participant p WHERE p.activity_id = a.id) AS participants
			FROM outreach.activity a LEFT JOIN directory.agency ag ON ag.id = a.organiser_agency_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Agencies agencies;
	private final TaskTracking tasks;
	private final RegisterCounts registerCounts;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final OutreachAccess access;
	private final ObjectProvider<IndicatorReadings> indicatorReadings;

	/** The indicator offices enter the officials of a unit for: the denominator of Thọ Xuân's target 5.1-a. */
	static final String OFFICIALS_HEADCOUNT = "OFFICIALS_HEADCOUNT";

	Activities(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, Agencies agencies, TaskTracking tasks,
			RegisterCounts registerCounts, AuditLog audit, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, OutreachAccess access, ObjectProvider<IndicatorReadings> indicatorReadings) {
		this.jdbc = jdbc;
		this.indicatorReadings = indicatorReadings;
		this.access = access;
		this.registerCounts = registerCounts;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.agencies = agencies;
		this.tasks = tasks;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
	}

	/** What narrows the log; every field is optional. */
	public record Filter(String unitCode, Long agencyId, Topic topic, ActivityKind kind) {

		public static final Filter ALL = new Filter(null, null, null, null);
	}

	/** Activities newest first; {@code unitCode} narrows to a unit and everything it reaches (old communes included). */
	public List<ActivitySummary> list(Filter filter, int page, int size) {
		OutreachAccess.Scope scope = access.require(Data.OUTREACH, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		Long unitRoot = null;
		if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
			unitRoot = units.findByCode(filter.unitCode(), LocalDate.now(clock)).map(AdministrativeUnit::id).orElse(-1L);
		}
		return OutreachAccess.bind(jdbc.sql(SUMMARY + " WHERE " + visible(scope, jurisdiction, "a") + """
				  AND (CAST(:unitRoot AS bigint) IS NULL OR EXISTS (
				        SELECT 1 FROM outreach.activity_unit w WHERE w.activity_id = a.id
				          AND w.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unitRoot)))
				  AND (CAST(:agency AS bigint) IS NULL OR a.organiser_agency_id = :agency)
				  AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics))
				  AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)
				ORDER BY a.ended_on DESC, a.id DESC LIMIT :limit OFFSET :offset"""), scope, jurisdiction)
			.param("unitRoot", unitRoot)
			.param("agency", filter.agencyId())
			.param("topic", filter.topic() == null ? null : filter.topic().name())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Activities::summary)
			.list();
	}

	/** @throws UserFacingException 404 when the activity does not exist or took place outside the caller's reach */
	public Activity get(long id) {
		OutreachAccess.Scope scope = access.require(Data.OUTREACH, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		record Head(ActivityKind kind, String title, String description, Long agencyId, String agencyName,
				LocalDate started, LocalDate ended, Set<Topic> topics, Long taskId, int version) {
		}
		Head head = OutreachAccess.bind(jdbc.sql("""
				SELECT a.*, ag.name AS organiser_name FROM outreach.activity a
				LEFT JOIN directory.agency ag ON ag.id = a.organiser_agency_id
				WHERE a.id = :id AND""" + " " + visible(scope, jurisdiction, "a")), scope, jurisdiction)
			.param("id", id)
			.query((rs, n) -> new Head(ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
					rs.getString("description"), (Long) rs.getObject("organiser_agency_id"),
					rs.getString("organiser_name"), rs.getObject("started_on", LocalDate.class),
					rs.getObject("ended_on", LocalDate.class), topics(rs.getArray("topics")),
					(Long) rs.getObject("plan_task_id"), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("outreach.error.activity-not-found", id));
		List<Place> places = jdbc.sql("""
				SELECT g.id, g.code, g.full_name FROM outreach.activity_unit au JOIN geography.unit g ON g.id = au.unit_id
				WHERE au.activity_id = :id ORDER BY g.code""")
			.param("id", id)
			.query((rs, n) -> new Place(rs.getLong("id"), rs.getString("code"), rs.getString("full_name")))
			.list();
		Map<AudienceKind, Integer> audiences = new EnumMap<>(AudienceKind.class);
		jdbc.sql("SELECT kind, reached FROM outreach.audience WHERE activity_id = :id")
			.param("id", id)
			.query(rs -> {
				audiences.put(AudienceKind.valueOf(rs.getString("kind")), rs.getInt("reached"));
			});
		List<Participant> participants = jdbc.sql("""
				SELECT o.id, o.full_name, o.position, o.agency_id, ag.name AS agency_name, g.code, g.full_name AS unit_name
				FROM outreach.participant p JOIN outreach.official o ON o.id = p.official_id
				JOIN geography.unit g ON g.id = o.unit_id LEFT JOIN directory.agency ag ON ag.id = o.agency_id
				WHERE p.activity_id = :id ORDER BY p.position""")
			.param("id", id)
			.query((rs, n) -> new Participant(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
					(Long) rs.getObject("agency_id"), rs.getString("agency_name"), rs.getString("code"),
					rs.getString("unit_name")))
			.list();
		List<Material> materials = jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes FROM outreach.material WHERE activity_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new Material(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes")))
			.list();
		return new Activity(id, head.kind(), head.title(), head.description(), head.agencyId(), head.agencyName(),
				places, head.started(), head.ended(), head.topics(), head.taskId(), taskLabel(head.taskId()), audiences,
				participants, materials, head.version());
	}

	/**
	 * Whether the caller may change the activity: every unit where it took place lies within their jurisdiction, or
	 * their agency organised it.
	 */
	public boolean mayEdit(long id) {
		OutreachAccess.Scope scope = access.scope(Data.OUTREACH, Use.WRITE);
		if (scope.none()) {
			return false;
		}
		Jurisdiction jurisdiction = jurisdictions.current();
		return OutreachAccess.bind(jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach.activity a WHERE a.id = :id AND "
				+ OutreachAccess.condition(scope, """
						NOT EXISTS (SELECT 1 FROM outreach.activity_unit au WHERE au.activity_id = a.id
						            AND NOT (""" + jurisdiction.restrict("au.unit_id") + "))",
						"a.organiser_agency_id") + ")"), scope, jurisdiction)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** @throws UserFacingException 403 unless the caller may record activities at all (the form for a new one) */
	public void requireRecorder() {
		access.require(Data.OUTREACH, Use.WRITE);
	}

	/** Records an activity with its audiences, participants and materials. */
	public long create(ActivityDraft draft, List<Upload> files) {
		Checked checked = validate(draft, files, access.require(Data.OUTREACH, Use.WRITE));
		long userId = Jurisdictions.requireUser().id();
		long id = transaction.execute(status -> {
			long created = bind(jdbc.sql("""
					INSERT INTO outreach.activity (kind, title, description, organiser_agency_id, province_code, started_on,
					       ended_on, topics, plan_task_id, recorded_by)
					VALUES (:kind, :title, :description, :agency, :province, :started, :ended, CAST(:topics AS text[]),
					       :task, :by) RETURNING id"""), draft, checked)
				.param("by", userId)
				.query(Long.class)
				.single();
			writeParts(created, draft, checked);
			writeMaterials(created, files, userId);
			events.publishEvent(new ActivityRecorded(created));
			return created;
		});
		audit.record("OUTREACH_ACTIVITY_CREATED", "OutreachActivity", id, checked.places().get(0).id(), draft.title());
		return id;
	}

	/**
	 * Replaces what an activity records (its places, audiences and participants with it); materials are kept and the
	 * new ones added.
	 *
	 * @throws OptimisticLockingFailureException when someone else changed the activity since {@code version}
	 */
	public void update(long id, int version, ActivityDraft draft, List<Upload> files) {
		get(id);
		if (!mayEdit(id)) {
			throw new UserFacingException(403, "outreach.error.not-editable");
		}
		Checked checked = validate(draft, files, access.require(Data.OUTREACH, Use.WRITE));
		long userId = Jurisdictions.requireUser().id();
		transaction.executeWithoutResult(status -> {
			int changed = bind(jdbc.sql("""
					UPDATE outreach.activity SET kind = :kind, title = :title, description = :description,
					       organiser_agency_id = :agency, province_code = :province, started_on = :started,
					       ended_on = :ended, topics = CAST(:topics AS text[]), plan_task_id = :task, version = version + 1
					WHERE id = :id AND version = :version"""), draft, checked)
				.param("id", id)
				.param("version", version)
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("activity " + id + " changed since version " + version);
			}
			jdbc.sql("DELETE FROM outreach.activity_unit WHERE activity_id = :id").param("id", id).update();
			jdbc.sql("DELETE FROM outreach.audience WHERE activity_id = :id").param("id", id).update();
			jdbc.sql("DELETE FROM outreach.participant WHERE activity_id = :id").param("id", id).update();
			writeParts(id, draft, checked);
			writeMaterials(id, files, userId);
			events.publishEvent(new ActivityUpdated(id));
		});
		audit.record("OUTREACH_ACTIVITY_UPDATED", "OutreachActivity", id, checked.places().get(0).id(), draft.title());
	}

	/** A material's content, for download. */
	public record MaterialFile(String fileName, String contentType, byte[] content) {
	}

	/** @throws UserFacingException 404 when the file's activity is not visible to the caller */
	public MaterialFile material(long materialId) {
		record Row(long activityId, String name, byte[] content) {
		}
		Row row = jdbc.sql("SELECT activity_id, file_name, content FROM outreach.material WHERE id = :id")
			.param("id", materialId)
			.query((rs, n) -> new Row(rs.getLong("activity_id"), rs.getString("file_name"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("outreach.error.material-not-found", materialId));
		get(row.activityId());
		audit.record("OUTREACH_MATERIAL_DOWNLOADED", "OutreachMaterial", materialId, null, row.name());
		return new MaterialFile(row.name(), AttachedFiles.mediaType(row.name()), row.content());
	}

	/**
	 * An SQL condition true when the caller's scope reaches the activity aliased {@code alias}: it took place in a unit
	 * within the jurisdiction, or an agency of the scope organised it.
	 */
	static String visible(OutreachAccess.Scope scope, Jurisdiction jurisdiction, String alias) {
		return OutreachAccess.condition(scope, "EXISTS (SELECT 1 FROM outreach.activity_unit v WHERE v.activity_id = "
				+ alias + ".id AND " + jurisdiction.restrict("v.unit_id") + ")", alias + ".organiser_agency_id");
	}

	private record Checked(List<AdministrativeUnit> places, Agency organiser, List<Official> officials) {
	}

	private record Official(String fullName, String position, Long agencyId, AdministrativeUnit unit) {
	}

	private Checked validate(ActivityDraft draft, List<Upload> files, OutreachAccess.Scope scope) {
		List<InputProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		if (draft.kind() == null) {
			problems.add(InputProblem.field("kind", "error.field.required", "kind"));
		}
		if (VietnameseText.clean(draft.title()) == null) {
			problems.add(InputProblem.field("title", "error.field.required", "title"));
		}
		if (draft.topics().isEmpty()) {
			problems.add(InputProblem.field("topics", "outreach.error.topic-required"));
		}
		if (draft.startedOn() == null) {
			problems.add(InputProblem.field("startedOn", "error.field.required", "startedOn"));
		}
		if (draft.endedOn() == null) {
			problems.add(InputProblem.field("endedOn", "error.field.required", "endedOn"));
		}
		if (draft.startedOn() != null && draft.endedOn() != null && draft.endedOn().isBefore(draft.startedOn())) {
			problems.add(InputProblem.field("endedOn", "error.field.dates-reversed"));
		}
		// activities are recorded once they have happened: a date ahead of today is a typing error or a plan
		if ((draft.startedOn() != null && draft.startedOn().isAfter(today))
				|| (draft.endedOn() != null && draft.endedOn().isAfter(today))) {
			problems.add(InputProblem.field("endedOn", "outreach.error.date-in-future"));
		}
		LocalDate asOf = draft.endedOn() != null && !draft.endedOn().isAfter(today) ? draft.endedOn() : today;
		List<AdministrativeUnit> places = new ArrayList<>();
		if (draft.unitCodes().isEmpty()) {
			problems.add(InputProblem.field("unitCodes", "outreach.error.unit-required"));
		}
		for (String code : draft.unitCodes()) {
			Optional<AdministrativeUnit> unit = units.findByCode(code, asOf);
			if (unit.isEmpty() || !jurisdictions.covers(unit.get().id())) {
				problems.add(InputProblem.field("unitCodes", "error.unit.outside-jurisdiction", String.valueOf(code)));
			}
			else if (places.stream().noneMatch(p -> p.id() == unit.get().id())) {
				places.add(unit.get());
			}
		}
		Agency organiser = null;
		if (draft.organiserAgencyId() == null) {
			problems.add(InputProblem.field("organiserAgencyId", "error.field.required", "organiserAgencyId"));
		}
		else {
			organiser = agencies.find(draft.organiserAgencyId()).orElse(null);
			if (organiser == null) {
				problems.add(InputProblem.field("organiserAgencyId", "error.agency.not-found", draft.organiserAgencyId()));
			}
			// an agency records its own work, not another's
			else if (!scope.units() && !scope.agencies().contains(organiser.id())) {
				problems.add(InputProblem.field("organiserAgencyId", "outreach.error.organiser-not-yours",
						organiser.name()));
			}
		}
		if (draft.planTaskId() != null) {
			try {
				tasks.task(draft.planTaskId());
			}
			catch (UserFacingException e) {
				problems.add(InputProblem.field("planTaskId", "outreach.error.task-not-visible", draft.planTaskId()));
			}
		}
		for (Map.Entry<AudienceKind, Integer> audience : draft.audiences().entrySet()) {
			if (audience.getValue() != null && audience.getValue() < 0) {
				problems.add(InputProblem.field("audiences", "outreach.error.negative-count", audience.getKey().name()));
			}
		}
		List<Official> officials = checkParticipants(draft, asOf, problems);
		checkOfficialsAgainstHeadcount(draft, places, officials, problems);
		checkChildrenAgainstRegister(draft, places, problems);
		for (Upload file : files) {
			problems.addAll(checkMaterial(file));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return new Checked(places, organiser, officials);
	}

	private List<Official> checkParticipants(ActivityDraft draft, LocalDate asOf, List<InputProblem> problems) {
		List<Official> officials = new ArrayList<>();
		List<ParticipantDraft> named = draft.participants().stream()
			.filter(p -> p != null && VietnameseText.clean(p.fullName()) != null)
			.toList();
		if (!named.isEmpty() && draft.kind() != null && draft.kind() != ActivityKind.TRAINING_COURSE) {
			problems.add(InputProblem.field("participants", "outreach.error.participants-only-for-training"));
			return officials;
		}
		Set<String> seen = new java.util.HashSet<>();
		int row = 0;
		for (ParticipantDraft p : named) {
			row++;
			Optional<AdministrativeUnit> unit = units.findByCode(p.unitCode(), asOf);
			if (unit.isEmpty() || !jurisdictions.covers(unit.get().id())) {
				problems.add(InputProblem.at(row, "participants", "error.unit.outside-jurisdiction",
						String.valueOf(p.unitCode())));
				continue;
			}
			if (p.agencyId() != null && agencies.find(p.agencyId()).isEmpty()) {
				problems.add(InputProblem.at(row, "participants", "error.agency.not-found", p.agencyId()));
				continue;
			}
			String name = VietnameseText.clean(p.fullName());
			if (seen.add(VietnameseText.fold(name) + "|" + unit.get().id() + "|" + p.agencyId())) {
				officials.add(new Official(name, VietnameseText.clean(p.position()), p.agencyId(), unit.get()));
			}
		}
		return officials;
	}

	/**
	 * A training cannot count fewer officials than it names, nor more than the units where it took place employ when
	 * their headcount is on record: the figure offices enter for the indicator {@code OFFICIALS_HEADCOUNT}, the one the
	 * share of officials trained is computed over, so that there is one headcount.
	 */
	private void checkOfficialsAgainstHeadcount(ActivityDraft draft, List<AdministrativeUnit> places,
			List<Official> officials, List<InputProblem> problems) {
		Integer counted = draft.audiences().get(AudienceKind.OFFICIALS);
		if (counted == null || counted < 0) {
			return;
		}
		if (counted < officials.size()) {
			problems.add(InputProblem.field("audiences", "outreach.error.fewer-than-named", counted, officials.size()));
		}
		IndicatorReadings readings = indicatorReadings.getIfAvailable();
		if (places.isEmpty() || draft.endedOn() == null || readings == null) {
			return;
		}
		BigDecimal employed = BigDecimal.ZERO;
		for (AdministrativeUnit place : places) {
			IndicatorReadings.Reading headcount = readings.read(place.id(), draft.endedOn().getYear(),
					List.of(OFFICIALS_HEADCOUNT)).get(OFFICIALS_HEADCOUNT);
			if (headcount == null || headcount.value() == null) {
				return;
			}
			employed = employed.add(headcount.value());
		}
		if (BigDecimal.valueOf(counted).compareTo(employed) > 0) {
			problems.add(InputProblem.field("audiences", "outreach.error.more-than-exist", counted, employed));
		}
	}

	/**
	 * An activity cannot reach more children of an age group, or more families with children, than the child register
	 * holds in the places where it took place. Places whose register is still empty (not yet imported) are not judged.
	 */
	private void checkChildrenAgainstRegister(ActivityDraft draft, List<AdministrativeUnit> places,
			List<InputProblem> problems) {
		LocalDate on = draft.endedOn() != null ? draft.endedOn() : draft.startedOn();
		if (places.isEmpty() || on == null) {
			return;
		}
		List<Long> unitIds = places.stream().map(AdministrativeUnit::id).toList();
		if (registerCounts.people(unitIds, on, 0, 17) == 0) {
			return;
		}
		for (Map.Entry<AudienceKind, Integer> audience : draft.audiences().entrySet()) {
			Integer reached = audience.getValue();
			if (reached == null || reached <= 0) {
				continue;
			}
			Long existing = switch (audience.getKey()) {
				case CHILDREN_0_5 -> registerCounts.people(unitIds, on, 0, 5);
				case CHILDREN_6_10 -> registerCounts.people(unitIds, on, 6, 10);
				case CHILDREN_11_15 -> registerCounts.people(unitIds, on, 11, 15);
				case CHILDREN_16_17 -> registerCounts.people(unitIds, on, 16, 17);
				case FAMILIES_WITH_CHILDREN -> registerCounts.householdsWithChildren(unitIds, on);
				default -> null;
			};
			if (existing != null && reached > existing) {
				problems.add(InputProblem.field("audiences", "outreach.error.more-than-registered", reached,
						audience.getKey().name(), existing));
			}
		}
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ActivityDraft draft, Checked checked) {
		return statement.param("kind", draft.kind().name())
			.param("title", VietnameseText.clean(draft.title()))
			.param("description", VietnameseText.clean(draft.description()))
			.param("agency", checked.organiser().id())
			.param("province", checked.places().get(0).provinceCode())
			.param("started", draft.startedOn())
			.param("ended", draft.endedOn())
			.param("topics", "{" + draft.topics().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}")
			.param("task", draft.planTaskId());
	}

	private void writeParts(long id, ActivityDraft draft, Checked checked) {
		for (AdministrativeUnit place : checked.places()) {
			jdbc.sql("INSERT INTO outreach.activity_unit (activity_id, unit_id, province_code) VALUES (:id, :unit, :province)")
				.param("id", id).param("unit", place.id()).param("province", place.provinceCode()).update();
		}
		Map<AudienceKind, Integer> audiences = new LinkedHashMap<>(draft.audiences());
		audiences.values().removeIf(v -> v == null);
		if (draft.kind() == ActivityKind.TRAINING_COURSE && !checked.officials().isEmpty()) {
			audiences.putIfAbsent(AudienceKind.OFFICIALS, checked.officials().size());
		}
		audiences.forEach((kind, reached) -> jdbc.sql("""
				INSERT INTO outreach.audience (activity_id, kind, reached) VALUES (:id, :kind, :reached)""")
			.param("id", id).param("kind", kind.name()).param("reached", reached).update());
		int position = 0;
		for (Official official : checked.officials()) {
			long officialId = jdbc.sql("""
					INSERT INTO outreach.official (full_name, position, agency_id, unit_id, province_code)
					VALUES (:name, :position, :agency, :unit, :province)
					ON CONFLICT (unit_id, public.vn_fold(full_name), COALESCE(agency_id, 0))
					DO UPDATE SET position = COALESCE(EXCLUDED.position, outreach.official.position)
					RETURNING id""")
				.param("name", official.fullName())
				.param("position", official.position())
				.param("agency", official.agencyId())
				.param("unit", official.unit().id())
				.param("province", official.unit().provinceCode())
				.query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO outreach.participant (activity_id, official_id, position) VALUES (:id, :official, :position)
					ON CONFLICT DO NOTHING""")
				.param("id", id).param("official", officialId).param("position", position++).update();
		}
	}

	private void writeMaterials(long id, List<Upload> files, long userId) {
		for (Upload file : files) {
			AttachedFiles.bind(jdbc.sql("""
					INSERT INTO outreach.material (activity_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
					VALUES (:activity, :name, :type, :size, :sha, :content, :by)"""),
					file.fileName(), file.content())
				.param("activity", id)
				.param("by", userId)
				.update();
		}
	}

	private String taskLabel(Long taskId) {
		if (taskId == null) {
			return null;
		}
		try {
			Task task = tasks.task(taskId);
			return task.number() + " – " + abbreviate(task.statement());
		}
		catch (UserFacingException e) {
			return null;
		}
	}

	private static String abbreviate(String text) {
		String firstLine = text == null ? "" : text.lines().findFirst().orElse("");
		return firstLine.length() > 160 ? firstLine.substring(0, 157) + "..." : firstLine;
	}

	static List<InputProblem> checkMaterial(Upload file) {
		return AttachedFiles.problem("files", file.fileName(), file.content(), "outreach.error.material-type",
				"outreach.error.material-too-large").stream().toList();
	}

	static Set<Topic> topics(Array array) throws SQLException {
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		if (array != null) {
			Arrays.stream((String[]) array.getArray()).map(Topic::valueOf).forEach(topics::add);
		}
		return topics;
	}

	static ActivitySummary summary(ResultSet rs, int row) throws SQLException {
		return new ActivitySummary(rs.getLong("id"), ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("organiser_name"), List.of((String[]) rs.getArray("unit_names").getArray()),
				rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				topics(rs.getArray("topics")), rs.getLong("reached"), rs.getInt("participants"));
	}
}
