package vn.vongtay.prostitution;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/** Tip-offs from receipt to handling, each step dated and signed by the officer responsible. */
@Component
@Transactional
public class TipOffs {

	private static final String SELECT = """
			SELECT t.id, t.channel, t.kind, t.received_at, t.content, t.unit_id, g.full_name AS unit_name,
			       t.establishment_id, e.name AS establishment_name, t.step, t.classification, t.due_at, t.version,
			       (t.due_at IS NOT NULL AND t.due_at < :now) AS overdue
			FROM prostitution.tip_off t
			JOIN geography.unit g ON g.id = t.unit_id
			LEFT JOIN prostitution.establishment e ON e.id = t.establishment_id
			""";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final RecordUnits recordUnits;
	private final ProneEstablishments establishments;
	private final TipOffDeadlines deadlines;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	TipOffs(JdbcClient jdbc, Jurisdictions jurisdictions, RecordUnits recordUnits, ProneEstablishments establishments,
			TipOffDeadlines deadlines, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.recordUnits = recordUnits;
		this.establishments = establishments;
		this.deadlines = deadlines;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** Tip-offs within the caller's jurisdiction, overdue ones first, then by deadline, then latest received. */
	@Transactional(readOnly = true)
	public List<TipOff> list(TipOffStep step, boolean overdueOnly, int page, int size) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("t.unit_id") + """
				  AND (CAST(:step AS text) IS NULL OR t.step = :step)
				  AND (NOT :overdueOnly OR (t.due_at IS NOT NULL AND t.due_at < :now))
				ORDER BY (t.due_at IS NOT NULL AND t.due_at < :now) DESC, t.due_at NULLS LAST, t.received_at DESC, t.id DESC
				LIMIT :limit OFFSET :offset"""))
			.param("now", now())
			.param("step", step == null ? null : step.name())
			.param("overdueOnly", overdueOnly)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs, List.of()))
			.list();
	}

	/** The open tip-offs whose next step is past its deadline. */
	@Transactional(readOnly = true)
	public List<TipOff> overdue(int page, int size) {
		return list(null, true, page, size);
	}

	@Transactional(readOnly = true)
	public Optional<TipOff> find(long id) {
		ProstitutionRoles.requirePreventionStaff();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND " + jurisdiction.restrict("t.unit_id")))
			.param("now", now())
			.param("id", id)
			.query((rs, n) -> map(rs, steps(id)))
			.optional();
	}

	@Transactional(readOnly = true)
	public TipOff get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("prostitution.error.tip-off-not-found", id));
	}

	/** Records a tip-off as received by the caller. */
	public long receive(TipOffDraft draft) {
		SignedInUser user = ProstitutionRoles.requirePreventionStaff();
		List<InputProblem> problems = new ArrayList<>();
		if (draft.channel() == null) {
			problems.add(InputProblem.field("channel", "error.field.required", "channel"));
		}
		if (draft.kind() == null) {
			problems.add(InputProblem.field("kind", "error.field.required", "kind"));
		}
		if (VietnameseText.clean(draft.content()) == null) {
			problems.add(InputProblem.field("content", "error.field.required", "content"));
		}
		LocalDateTime now = LocalDateTime.now(clock);
		LocalDateTime receivedAt = draft.receivedAt() == null ? now : draft.receivedAt();
		if (receivedAt.isAfter(now)) {
			problems.add(InputProblem.field("receivedAt", "prostitution.error.date-in-future"));
		}
		Optional<AdministrativeUnit> unit = recordUnits.byCode(draft.unitCode(), receivedAt.toLocalDate());
		if (unit.isEmpty()) {
			problems.add(InputProblem.field("unitCode", "error.unit.outside-jurisdiction", String.valueOf(draft.unitCode())));
		}
		if (draft.establishmentId() != null && establishments.find(draft.establishmentId()).isEmpty()) {
			problems.add(InputProblem.field("establishmentId", "prostitution.error.establishment-not-found",
					String.valueOf(draft.establishmentId())));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long id = jdbc.sql("""
				INSERT INTO prostitution.tip_off (channel, kind, received_at, content, unit_id, province_code,
				       establishment_id, step, due_at)
				VALUES (:channel, :kind, :received, :content, :unit, :province, :establishment, 'RECEIVED', :due)
				RETURNING id""")
			.param("channel", draft.channel().name())
			.param("kind", draft.kind().name())
			.param("received", zoned(receivedAt))
			.param("content", VietnameseText.clean(draft.content()))
			.param("unit", unit.get().id())
			.param("province", unit.get().provinceCode())
			.param("establishment", draft.establishmentId())
			.param("due", zoned(receivedAt.plusDays(deadlines.daysAfter(TipOffStep.RECEIVED))))
			.query(Long.class)
			.single();
		insertStep(id, TipOffStep.RECEIVED, receivedAt, user, null);
		audit.record("TIP_OFF_RECEIVED", "TipOff", id, unit.get().id(), draft.channel().name());
		events.publishEvent(new TipOffReceived(id));
		return id;
	}

	/**
	 * Takes the next step of a tip-off, dated {@code at} (now when {@code null}) and signed by the caller.
	 *
	 * @throws UserFacingException 409 when the step does not follow the current one (a tip-off is never handled
	 *         unverified or unclassified)
	 */
	public void advance(long id, int version, TipOffStep to, TipOffClassification classification, String note,
			LocalDateTime at) {
		SignedInUser user = ProstitutionRoles.requirePreventionStaff();
		TipOff current = get(id);
		if (to == null || !current.step().canMoveTo(to)) {
			throw UserFacingException.conflict("prostitution.error.tip-off-transition", label(current.step()),
					to == null ? "?" : label(to));
		}
		LocalDateTime now = LocalDateTime.now(clock);
		LocalDateTime when = at == null ? now : at;
		LocalDateTime previous = current.steps().isEmpty() ? current.receivedAt()
				: current.steps().get(current.steps().size() - 1).takenAt();
		List<InputProblem> problems = new ArrayList<>();
		if (when.isAfter(now)) {
			problems.add(InputProblem.field("at", "prostitution.error.date-in-future"));
		}
		if (when.isBefore(previous)) {
			problems.add(InputProblem.field("at", "prostitution.error.step-before-previous"));
		}
		if (to == TipOffStep.CLASSIFIED && classification == null) {
			problems.add(InputProblem.field("classification", "prostitution.error.classification-required"));
		}
		if ((to == TipOffStep.HANDLED || to == TipOffStep.CLOSED_UNFOUNDED) && VietnameseText.clean(note) == null) {
			problems.add(InputProblem.field("note", "prostitution.error.outcome-required"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		int days = deadlines.daysAfter(to);
		int changed = jdbc.sql("""
				UPDATE prostitution.tip_off SET step = :step, due_at = :due,
				       classification = COALESCE(:classification, classification), version = version + 1
				WHERE id = :id AND version = :version""")
			.param("step", to.name())
			.param("due", to.isFinal() ? null : zoned(when.plusDays(days)))
			.param("classification", classification == null ? null : classification.name())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("tip-off " + id + " changed since version " + version);
		}
		insertStep(id, to, when, user, VietnameseText.clean(note));
		audit.record("TIP_OFF_" + to.name(), "TipOff", id, current.unitId(), VietnameseText.clean(note));
		events.publishEvent(new TipOffAdvanced(id, to));
	}

	private void insertStep(long id, TipOffStep step, LocalDateTime at, SignedInUser user, String note) {
		jdbc.sql("""
				INSERT INTO prostitution.tip_off_step (tip_off_id, step, taken_at, responsible_id, responsible_name, note)
				VALUES (:id, :step, :at, :user, :name, :note)""")
			.param("id", id)
			.param("step", step.name())
			.param("at", zoned(at))
			.param("user", user.id())
			.param("name", user.displayName())
			.param("note", note)
			.update();
	}

	private List<TipOff.StepTaken> steps(long id) {
		return jdbc.sql("""
				SELECT step, taken_at, responsible_name, note FROM prostitution.tip_off_step
				WHERE tip_off_id = :id ORDER BY taken_at, id""")
			.param("id", id)
			.query((rs, n) -> new TipOff.StepTaken(TipOffStep.valueOf(rs.getString("step")),
					local(rs.getObject("taken_at", OffsetDateTime.class)), rs.getString("responsible_name"),
					rs.getString("note")))
			.list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	private static OffsetDateTime zoned(LocalDateTime at) {
		return at.atZone(VietnamTime.ZONE).toOffsetDateTime();
	}

	private static LocalDateTime local(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
	}

	/** The step's name, resolved in the reader's language when the message is shown. */
	private static DefaultMessageSourceResolvable label(TipOffStep step) {
		return new DefaultMessageSourceResolvable(new String[] { "prostitution.tip-off.step." + step.name() }, step.name());
	}

	private static TipOff map(java.sql.ResultSet rs, List<TipOff.StepTaken> steps) throws java.sql.SQLException {
		String classification = rs.getString("classification");
		return new TipOff(rs.getLong("id"), TipOffChannel.valueOf(rs.getString("channel")),
				TipOffKind.valueOf(rs.getString("kind")), local(rs.getObject("received_at", OffsetDateTime.class)),
				rs.getString("content"), rs.getLong("unit_id"), rs.getString("unit_name"),
				(Long) rs.getObject("establishment_id"), rs.getString("establishment_name"),
				TipOffStep.valueOf(rs.getString("step")),
				classification == null ? null : TipOffClassification.valueOf(classification),
				local(rs.getObject("due_at", OffsetDateTime.class)), rs.getBoolean("overdue"), steps,
				rs.getInt("version"));
	}
}
