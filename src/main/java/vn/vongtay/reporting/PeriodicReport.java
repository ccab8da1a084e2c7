package vn.vongtay.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;

/**
 * A periodic report, the only thing that changes one: drafted by the reporting body for an obligation, written while
 * it is a draft or returned, submitted to the receiving body, which returns it for correction (with what must be
 * corrected) or accepts it, which locks it. Each step is validated here and recorded as a {@link Step} of its history;
 * a report returned and submitted again keeps the day it first came (timeliness is judged by it). Spring-free: the
 * caller loads it, asks it to act, and saves it ({@code StoredReports}).
 */
public final class PeriodicReport {

	/** Kết quả đạt được; hạn chế; nguyên nhân; đề xuất, kiến nghị. */
	public record Sections(String results, String limitations, String causes, String proposals) {

		public static final Sections EMPTY = new Sections(null, null, null, null);

		Sections cleaned() {
			return new Sections(VietnameseText.clean(results), VietnameseText.clean(limitations),
					VietnameseText.clean(causes), VietnameseText.clean(proposals));
		}
	}

	/** A step of the report's history: drafted, saved, submitted, returned (with why), accepted. */
	public record Step(String action, Instant at, String actor, String comment) {
	}

	private final Long id;
	private final long obligationId;
	private ReportStatus status;
	private String number;
	private Sections sections;
	private String signerName;
	private final String signerTitle;
	private final String createdBy;
	private Instant submittedAt;
	private Instant firstSubmittedAt;
	private String submittedBy;
	private Instant returnedAt;
	private String returnedBy;
	private String returnComment;
	private Instant acceptedAt;
	private String acceptedBy;
	private final int version;
	private final List<Step> newSteps = new ArrayList<>();

	PeriodicReport(Long id, long obligationId, ReportStatus status, String number, Sections sections,
			String signerName, String signerTitle, String createdBy, Instant submittedAt, Instant firstSubmittedAt,
			String submittedBy, Instant returnedAt, String returnedBy, String returnComment, Instant acceptedAt,
			String acceptedBy, int version) {
		this.id = id;
		this.obligationId = obligationId;
		this.status = status;
		this.number = number;
		this.sections = sections;
		this.signerName = signerName;
		this.signerTitle = signerTitle;
		this.createdBy = createdBy;
		this.submittedAt = submittedAt;
		this.firstSubmittedAt = firstSubmittedAt;
		this.submittedBy = submittedBy;
		this.returnedAt = returnedAt;
		this.returnedBy = returnedBy;
		this.returnComment = returnComment;
		this.acceptedAt = acceptedAt;
		this.acceptedBy = acceptedBy;
		this.version = version;
	}

	/** A new draft of the obligation's report, signed for by the head of the reporting body. */
	static PeriodicReport draft(long obligationId, String signerTitle, String username, String actor, Instant now) {
		PeriodicReport report = new PeriodicReport(null, obligationId, ReportStatus.DRAFT, null, Sections.EMPTY, null,
				signerTitle, username, null, null, null, null, null, null, null, null, 0);
		report.newSteps.add(new Step("CREATED", now, actor, null));
		return report;
	}

	/**
	 * Writes the sections, the number and the signer.
	 *
	 * @throws UserFacingException 409 once submitted, until it is returned
	 */
	void write(Sections sections, String number, String signerName, String actor, Instant now) {
		requireEditable();
		this.sections = sections.cleaned();
		this.number = VietnameseText.clean(number);
		this.signerName = VietnameseText.clean(signerName);
		newSteps.add(new Step("SAVED", now, actor, null));
	}

	/**
	 * Submits the report to its recipient; not without its results written, nor with a required figure missing (the
	 * caller says which are).
	 *
	 * @throws UserFacingException 409 when it is not a draft or returned; 422 listing what is missing
	 */
	void submit(List<InputProblem> missingFigures, String username, String actor, Instant now) {
		requireEditable();
		List<InputProblem> problems = new ArrayList<>(missingFigures);
		if (sections.results() == null) {
			problems.add(InputProblem.field("results", "reporting.error.results-required"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		status = ReportStatus.SUBMITTED;
		submittedAt = now;
		submittedBy = username;
		if (firstSubmittedAt == null) {
			firstSubmittedAt = now;
		}
		newSteps.add(new Step("SUBMITTED", now, actor, null));
	}

	/**
	 * The recipient returns the report with what must be corrected.
	 *
	 * @throws UserFacingException 422 without a comment; 409 when it is not submitted
	 */
	void returnForCorrection(String comment, String username, String actor, Instant now) {
		String why = VietnameseText.clean(comment);
		if (why == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("comment", "reporting.error.comment-required")));
		}
		requireSubmitted();
		status = ReportStatus.RETURNED;
		returnedAt = now;
		returnedBy = username;
		returnComment = why;
		newSteps.add(new Step("RETURNED", now, actor, why));
	}

	/**
	 * The recipient accepts the report, which locks it.
	 *
	 * @throws UserFacingException 409 when it is not submitted
	 */
	void accept(String username, String actor, Instant now) {
		requireSubmitted();
		status = ReportStatus.ACCEPTED;
		acceptedAt = now;
		acceptedBy = username;
		newSteps.add(new Step("ACCEPTED", now, actor, null));
	}

	/** A figure refresh does not change an accepted or submitted report: what a recipient reviews is what was sent. */
	boolean takesFigures() {
		return status.editable();
	}

	private void requireEditable() {
		if (!status.editable()) {
			throw UserFacingException.conflict("reporting.error.not-editable", label(status));
		}
	}

	private void requireSubmitted() {
		if (status != ReportStatus.SUBMITTED) {
			throw UserFacingException.conflict("reporting.error.wrong-status", label(status));
		}
	}

	private static DefaultMessageSourceResolvable label(ReportStatus status) {
		return new DefaultMessageSourceResolvable(new String[] { "reporting.status." + status.name() }, status.name());
	}

	// --- state, for storing and showing ---

	public Long id() {
		return id;
	}

	public long obligationId() {
		return obligationId;
	}

	public ReportStatus status() {
		return status;
	}

	public String number() {
		return number;
	}

	public Sections sections() {
		return sections;
	}

	public String signerName() {
		return signerName;
	}

	public String signerTitle() {
		return signerTitle;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public Instant firstSubmittedAt() {
		return firstSubmittedAt;
	}

	public String submittedBy() {
		return submittedBy;
	}

	public Instant returnedAt() {
		return returnedAt;
	}

	public String returnedBy() {
		return returnedBy;
	}

	public String returnComment() {
		return returnComment;
	}

	public Instant acceptedAt() {
		return acceptedAt;
	}

	public String acceptedBy() {
		return acceptedBy;
	}

	public int version() {
		return version;
	}

	/** The steps taken since it was loaded, which saving appends to its history. */
	List<Step> newSteps() {
		return List.copyOf(newSteps);
	}
}
