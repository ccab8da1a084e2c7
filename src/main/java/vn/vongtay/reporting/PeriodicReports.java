package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.notifications.Notifications;

/**
 * Reports from draft to acceptance: each step loads the report, asks it to act ({@link PeriodicReport}) and saves it
 * ({@link StoredReports}); the figures of its annexes are filled from the indicators while it is a draft or returned
 * ({@link AnnexFigures}); the people of the other body are told. Who may take a step is the obligation's rule
 * ({@link ActingFor}): the reporting body's people draft, write and submit; the receiving body's accept, which locks
 * the report and the entered figures it used, or return it.
 */
@Component
@Transactional
public class PeriodicReports {

	private final Obligations obligations;
	private final StoredReports stored;
	private final AnnexFigures annexFigures;
	private final ReportViews views;
	private final FigureSource figures;
	private final BodyStaff staff;
	private final Notifications notifications;
	private final AuditLog audit;
	private final Clock clock;

	PeriodicReports(Obligations obligations, StoredReports stored, AnnexFigures annexFigures, ReportViews views,
			FigureSource figures, BodyStaff staff, Notifications notifications, AuditLog audit, Clock clock) {
		this.obligations = obligations;
		this.stored = stored;
		this.annexFigures = annexFigures;
		this.views = views;
		this.figures = figures;
		this.staff = staff;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The report of an obligation the caller owes, drafted now (its annexes filled) when there is none yet. */
	public long open(long obligationId) {
		Obligation obligation = obligations.get(obligationId);
		SignedInUser user = requireReporter(obligation);
		if (obligation.reportId() != null) {
			return obligation.reportId();
		}
		long id = stored.save(PeriodicReport.draft(obligationId, signerTitle(obligation), user.getUsername(),
				user.displayName(), clock.instant()));
		annexFigures.refresh(id, obligation);
		audit.record("REPORT_DRAFTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		return id;
	}

	/** A report, for those who see its obligation. */
	@Transactional(readOnly = true)
	public ReportView get(long id) {
		Loaded loaded = load(id);
		return views.of(loaded.report(), loaded.obligation());
	}

	/**
	 * Saves what the reporting body wrote: the sections, the number and signer, and the figures it enters (by
	 * indicator code, for the reporting unit). Refused once submitted and until returned.
	 */
	public void save(long id, int version, PeriodicReport.Sections sections, String number, String signerName,
			Map<String, BigDecimal> enteredFigures) {
		Loaded loaded = load(id);
		SignedInUser user = requireReporter(loaded.obligation());
		loaded.requireVersion(version);
		Set<String> enterable = enterableCodes(loaded.obligation());
		List<InputProblem> problems = new ArrayList<>();
		enteredFigures.keySet().stream().filter(code -> !enterable.contains(code))
			.forEach(code -> problems.add(InputProblem.field("figure." + code, "reporting.error.not-enterable", code)));
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		loaded.report().write(sections, number, signerName, user.displayName(), clock.instant());
		stored.save(loaded.report());
		enteredFigures.forEach((code, value) -> {
			if (value != null) {
				figures.enter(code, loaded.obligation().reporterUnitId(), loaded.obligation().period(), value);
			}
		});
		annexFigures.refresh(id, loaded.obligation());
	}

	/** Fills the annexes again from the indicators (a draft or returned report only). */
	public void refresh(long id) {
		Loaded loaded = load(id);
		requireReporter(loaded.obligation());
		if (loaded.report().takesFigures()) {
			annexFigures.refresh(id, loaded.obligation());
		}
	}

	/** Submits the report to its recipient, whose people are told; refused with a required figure missing. */
	public void submit(long id, int version) {
		Loaded loaded = load(id);
		Obligation obligation = loaded.obligation();
		SignedInUser user = requireReporter(obligation);
		loaded.requireVersion(version);
		if (loaded.report().takesFigures()) {
			annexFigures.refresh(id, obligation);
		}
		loaded.report().submit(missingFigures(views.of(loaded.report(), obligation)), user.getUsername(),
				user.displayName(), clock.instant());
		stored.save(loaded.report());
		audit.record("REPORT_SUBMITTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		notifications.send(staff.recipients(obligation), false, link(id), "reporting.notify.submitted",
				obligation.reporterName(), obligation.title(), obligation.period());
	}

	/** The recipient returns the report with what must be corrected. */
	public void returnReport(long id, int version, String comment) {
		Loaded loaded = load(id);
		Obligation obligation = loaded.obligation();
		SignedInUser user = requireRecipient(obligation);
		loaded.requireVersion(version);
		loaded.report().returnForCorrection(comment, user.getUsername(), user.displayName(), clock.instant());
		stored.save(loaded.report());
		audit.record("REPORT_RETURNED", "PeriodicReport", id, obligation.reporterUnitId(),
				loaded.report().returnComment());
		notifications.send(staff.reporters(obligation), true, link(id), "reporting.notify.returned", obligation.title(),
				obligation.period(), loaded.report().returnComment());
	}

	/** The recipient accepts the report: it is locked, and so are the entered figures it used. */
	public void accept(long id, int version) {
		Loaded loaded = load(id);
		Obligation obligation = loaded.obligation();
		SignedInUser user = requireRecipient(obligation);
		loaded.requireVersion(version);
		loaded.report().accept(user.getUsername(), user.displayName(), clock.instant());
		stored.save(loaded.report());
		List<String> entered = annexFigures.of(id).stream()
			.filter(f -> f.unitId() == obligation.reporterUnitId() && f.rowKey().isEmpty()
					&& f.origin() == ReportView.Origin.ENTERED)
			.map(AnnexFigures.Stored::code).distinct().toList();
		if (!entered.isEmpty()) {
			figures.lock(obligation.reporterUnitId(), obligation.period(), entered, "report:" + id);
		}
		audit.record("REPORT_ACCEPTED", "PeriodicReport", id, obligation.reporterUnitId(), obligation.period());
		notifications.send(staff.reporters(obligation), false, link(id), "reporting.notify.accepted", obligation.title(),
				obligation.period());
	}

	// --- who may do what ---

	/** Whether the caller may write and submit the report now. */
	@Transactional(readOnly = true)
	public boolean mayEdit(ReportView report) {
		return report.status().editable() && obligations.isReporter(report.obligation(), Jurisdictions.requireUser());
	}

	/** Whether the caller may accept or return the report now. */
	@Transactional(readOnly = true)
	public boolean mayReview(ReportView report) {
		return report.status() == ReportStatus.SUBMITTED
				&& obligations.isRecipient(report.obligation(), Jurisdictions.requireUser());
	}

	/** Whether the caller acts for the body that receives the obligation's report (and may set its due date). */
	@Transactional(readOnly = true)
	public boolean mayReceive(Obligation obligation) {
		return obligations.isRecipient(obligation, Jurisdictions.requireUser());
	}

	/** Whether the caller may draft the report of an obligation. */
	@Transactional(readOnly = true)
	public boolean mayDraft(Obligation obligation) {
		return obligations.isReporter(obligation, Jurisdictions.requireUser());
	}

	/** Counts below this are shown hidden to those who may not see them. */
	public int smallCountThreshold() {
		return figures.smallCountThreshold();
	}

	/** The codes of the figures the reporting unit enters in this report. */
	@Transactional(readOnly = true)
	public Set<String> enterable(ReportView report) {
		return enterableCodes(report.obligation());
	}

	private SignedInUser requireReporter(Obligation obligation) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!obligations.isReporter(obligation, user)) {
			throw new UserFacingException(403, "reporting.error.not-reporter", obligation.reporterName());
		}
		return user;
	}

	private SignedInUser requireRecipient(Obligation obligation) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!obligations.isRecipient(obligation, user)) {
			throw new UserFacingException(403, "reporting.error.not-recipient", obligation.recipientName());
		}
		return user;
	}

	/** The head who signs for the reporting body: the chairman of a committee, the director of a department. */
	static String signerTitle(Obligation obligation) {
		if (obligation.reporterAgencyId() == null) {
			return "CHỦ TỊCH";
		}
		String name = vn.vongtay.core.VietnameseText.fold(obligation.reporterName());
		return name.startsWith("so ") ? "GIÁM ĐỐC" : name.startsWith("phong ") ? "TRƯỞNG PHÒNG" : "THỦ TRƯỞNG CƠ QUAN";
	}

	// --- plumbing ---

	private record Loaded(PeriodicReport report, Obligation obligation) {

		/**
		 * A step on a report changed since the caller saw it is refused; checked after who acts, so that whoever may
		 * not take the step is told so, and not that the report changed.
		 */
		void requireVersion(int version) {
			if (report.version() != version) {
				throw new org.springframework.dao.OptimisticLockingFailureException(
						"report " + report.id() + " changed since version " + version);
			}
		}
	}

	/** The report and its obligation, as the caller sees them; otherwise not found. */
	private Loaded load(long id) {
		long obligationId = stored.obligationOf(id)
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", id));
		Obligation obligation = obligations.find(obligationId)
			.orElseThrow(() -> UserFacingException.notFound("reporting.error.report-not-found", id));
		return new Loaded(stored.find(id).orElseThrow(), obligation);
	}

	private static List<InputProblem> missingFigures(ReportView view) {
		List<InputProblem> problems = new ArrayList<>();
		for (ReportView.AnnexTable table : view.annexes()) {
			for (String code : table.missingRequired()) {
				String name = table.columns().stream().filter(c -> c.code().equals(code))
					.map(FigureSource.Column::name).findFirst().orElse(code);
				problems.add(InputProblem.field("figure." + code, "reporting.error.required-figure",
						table.annex().title(), name));
			}
		}
		return problems;
	}

	/** The codes the reporting unit may enter in this report: the entered indicators of its annexes. */
	private Set<String> enterableCodes(Obligation obligation) {
		Set<String> codes = new LinkedHashSet<>();
		for (Annex annex : views.annexesOf(obligation)) {
			figures.columns(annex.indicators()).values().stream().filter(FigureSource.Column::entered)
				.forEach(c -> codes.add(c.code()));
		}
		return codes;
	}

	private static String link(long id) {
		return "/reporting/reports/" + id;
	}

	static LocalDateTime local(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
	}

	static LocalDateTime local(Instant at) {
		return at == null ? null : at.atZone(VietnamTime.ZONE).toLocalDateTime();
	}
}
