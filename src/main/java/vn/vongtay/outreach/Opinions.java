package vn.vongtay.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;

/**
 * Children's participation: the opinions and recommendations raised at forums, and the answers the named agencies owe
 * (the Tuần Giáo plan asks that every child gets a reply). An opinion is seen and answered by staff whose jurisdiction
 * holds the child's unit, and by the focal point of the agency that must answer it, never by another agency's
 * ({@link OutreachAccess}).
 */
@Component
public class Opinions {

	private static final String SELECT = """
			SELECT o.*, a.title AS activity_title, g.full_name AS unit_name, ag.name AS agency_name
			FROM outreach.opinion o JOIN outreach.activity a ON a.id = o.activity_id
			JOIN geography.unit g ON g.id = o.unit_id JOIN directory.agency ag ON ag.id = o.answering_agency_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Activities activities;
	private final vn.vongtay.directory.Agencies agencies;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final OutreachAccess access;

	Opinions(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, Activities activities,
			vn.vongtay.directory.Agencies agencies, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, OutreachAccess access) {
		this.jdbc = jdbc;
		this.access = access;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.activities = activities;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The opinions the caller may see, overdue unanswered ones first, then the other unanswered ones by due date, then
	 * the answered ones, most recent first.
	 */
	public List<Opinion> list(boolean onlyOpen, int page, int size) {
		OutreachAccess.Scope scope = access.require(Data.OPINIONS, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		return OutreachAccess.bind(jdbc.sql(SELECT + " WHERE " + visible(scope, jurisdiction) + """
				  AND (NOT CAST(:onlyOpen AS boolean) OR o.answered_on IS NULL)
				ORDER BY (o.answered_on IS NULL AND o.due_on < :today) DESC, (o.answered_on IS NULL) DESC,
				         CASE WHEN o.answered_on IS NULL THEN o.due_on END, o.answered_on DESC, o.id
				LIMIT :limit OFFSET :offset"""), scope, jurisdiction)
			.param("onlyOpen", onlyOpen)
			.param("today", today())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	/** The opinions raised at one activity, in the order they were entered. */
	public List<Opinion> ofActivity(long activityId) {
		activities.get(activityId);
		OutreachAccess.Scope scope = access.require(Data.OPINIONS, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		return OutreachAccess.bind(jdbc.sql(SELECT + " WHERE o.activity_id = :activity AND "
				+ visible(scope, jurisdiction) + " ORDER BY o.id"), scope, jurisdiction)
			.param("activity", activityId)
			.param("today", today())
			.query(this::map)
			.list();
	}

	public Opinion get(long id) {
		OutreachAccess.Scope scope = access.require(Data.OPINIONS, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		return OutreachAccess.bind(jdbc.sql(SELECT + " WHERE o.id = :id AND " + visible(scope, jurisdiction)), scope,
				jurisdiction)
			.param("id", id)
			.param("today", today())
			.query(this::map)
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("outreach.error.opinion-not-found", id));
	}

	/** Records an opinion raised at a forum the caller may change. */
	public long raise(long activityId, OpinionDraft draft) {
		access.require(Data.OPINIONS, Use.WRITE);
		Activity activity = activities.get(activityId);
		if (!activities.mayEdit(activityId)) {
			throw new UserFacingException(403, "outreach.error.not-editable");
		}
		List<InputProblem> problems = new ArrayList<>();
		if (!activity.kind().hearsChildren()) {
			problems.add(InputProblem.field("activity", "outreach.error.not-a-forum"));
		}
		if (VietnameseText.clean(draft.content()) == null) {
			problems.add(InputProblem.field("content", "error.field.required", "content"));
		}
		if (draft.ageGroup() == null) {
			problems.add(InputProblem.field("ageGroup", "error.field.required", "ageGroup"));
		}
		if (draft.answeringAgencyId() == null || agencies.find(draft.answeringAgencyId()).isEmpty()) {
			problems.add(InputProblem.field("answeringAgencyId", "outreach.error.answering-agency-required"));
		}
		if (draft.dueOn() == null) {
			problems.add(InputProblem.field("dueOn", "error.field.required", "dueOn"));
		}
		else if (draft.dueOn().isBefore(activity.endedOn())) {
			problems.add(InputProblem.field("dueOn", "outreach.error.due-before-forum"));
		}
		Activity.Place place = activity.units().get(0);
		if (draft.unitCode() != null && !draft.unitCode().isBlank()) {
			place = activity.units().stream().filter(p -> p.code().equals(draft.unitCode().strip())).findFirst()
				.orElse(null);
			if (place == null) {
				problems.add(InputProblem.field("unitCode", "outreach.error.unit-not-of-forum", draft.unitCode()));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long unitId = place.unitId();
		long id = transaction.execute(status -> {
			long created = jdbc.sql("""
					INSERT INTO outreach.opinion (activity_id, unit_id, province_code, content, age_group, sex, raised_on,
					       answering_agency_id, due_on)
					SELECT :activity, u.id, u.province_code, :content, :age, :sex, :raised, :agency, :due
					FROM geography.unit u WHERE u.id = :unit RETURNING id""")
				.param("activity", activityId)
				.param("unit", unitId)
				.param("content", VietnameseText.clean(draft.content()))
				.param("age", draft.ageGroup().name())
				.param("sex", (draft.sex() == null ? Sex.NOT_STATED : draft.sex()).name())
				.param("raised", activity.endedOn())
				.param("agency", draft.answeringAgencyId())
				.param("due", draft.dueOn())
				.query(Long.class)
				.single();
			events.publishEvent(new OpinionRaised(created));
			return created;
		});
		audit.record("OUTREACH_OPINION_RAISED", "OutreachOpinion", id, unitId, null);
		return id;
	}

	/**
	 * Records the answer to an opinion (or corrects it).
	 *
	 * @throws OptimisticLockingFailureException when someone else answered or changed it since {@code version}
	 */
	public void answer(long id, int version, String answer, LocalDate answeredOn) {
		Opinion opinion = get(id);
		if (!answerable(List.of(opinion)).contains(id)) {
			throw new UserFacingException(403, "outreach.error.not-answerable");
		}
		List<InputProblem> problems = new ArrayList<>();
		if (VietnameseText.clean(answer) == null) {
			problems.add(InputProblem.field("answer", "error.field.required", "answer"));
		}
		if (answeredOn == null) {
			problems.add(InputProblem.field("answeredOn", "error.field.required", "answeredOn"));
		}
		else if (answeredOn.isAfter(today())) {
			problems.add(InputProblem.field("answeredOn", "outreach.error.date-in-future"));
		}
		else if (answeredOn.isBefore(opinion.raisedOn())) {
			problems.add(InputProblem.field("answeredOn", "outreach.error.answer-before-forum"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		transaction.executeWithoutResult(status -> {
			int changed = jdbc.sql("""
					UPDATE outreach.opinion SET answer = :answer, answered_on = :on, version = version + 1
					WHERE id = :id AND version = :version""")
				.param("answer", VietnameseText.clean(answer))
				.param("on", answeredOn)
				.param("id", id)
				.param("version", version)
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("opinion " + id + " changed since version " + version);
			}
			events.publishEvent(new OpinionAnswered(id));
		});
		audit.record("OUTREACH_OPINION_ANSWERED", "OutreachOpinion", id, opinion.unitId(), null);
	}

	/**
	 * The opinions of these the caller may answer: raised within the units of their jurisdiction, or addressed to their
	 * agency.
	 */
	public Set<Long> answerable(List<Opinion> opinions) {
		OutreachAccess.Scope scope = access.scope(Data.OPINIONS, Use.WRITE);
		return opinions.stream()
			.filter(o -> (scope.units() && jurisdictions.covers(o.unitId()))
					|| scope.agencies().contains(o.answeringAgencyId()))
			.map(Opinion::id)
			.collect(Collectors.toSet());
	}

	private static String visible(OutreachAccess.Scope scope, Jurisdiction jurisdiction) {
		return OutreachAccess.condition(scope, jurisdiction.restrict("o.unit_id"), "o.answering_agency_id");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Opinion map(ResultSet rs, int row) throws SQLException {
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		LocalDate answeredOn = rs.getObject("answered_on", LocalDate.class);
		return new Opinion(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("activity_title"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("content"),
				AgeGroup.valueOf(rs.getString("age_group")), Sex.valueOf(rs.getString("sex")),
				rs.getObject("raised_on", LocalDate.class), rs.getLong("answering_agency_id"),
				rs.getString("agency_name"), due, rs.getString("answer"), answeredOn,
				answeredOn == null && due.isBefore(today()), rs.getInt("version"));
	}
}
