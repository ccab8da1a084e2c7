package vn.vongtay.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.children.Child;
import vn.vongtay.children.Children;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.Staff;

/**
 * The steps of the statutory process as the signed-in caller takes them: the case file is loaded, the caller's need to
 * know it checked ({@link CaseAccess}), the step taken by {@link CaseFile} (which checks the role, the stage and the
 * form, sets the deadlines and records the step), the file stored by {@link CaseFiles} and the step audited. A step on a
 * case someone changed since the caller read it is refused as a concurrent edit. Who is told what is
 * {@link CaseNotices}' business.
 */
@Component
@Transactional
public class CaseProcess {

	private final CaseFiles files;
	private final CaseAccess access;
	private final DeadlineRules deadlineRules;
	private final Children children;
	private final Agencies agencies;
	private final Units units;
	private final Staff staff;
	private final AuditLog audit;
	private final Clock clock;

	CaseProcess(CaseFiles files, CaseAccess access, DeadlineRules deadlineRules, Children children, Agencies agencies,
			Units units, Staff staff, AuditLog audit, Clock clock) {
		this.files = files;
		this.access = access;
		this.deadlineRules = deadlineRules;
		this.children = children;
		this.agencies = agencies;
		this.units = units;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
	}

	public void verify(long id, int version, String note) {
		act(id, version, CaseAction.VERIFY, (file, by, now) -> file.verify(by, note, now));
	}

	public void dismiss(long id, int version, CaseOutcome outcome, String reason) {
		act(id, version, CaseAction.DISMISS, (file, by, now) -> file.dismiss(by, outcome, reason, now));
	}

	public void assessInitial(long id, int version, InitialAssessment assessment) {
		act(id, version, CaseAction.ASSESS_INITIAL, (file, by, now) -> file.assessInitial(by, assessment, now));
	}

	public void takeEmergencyMeasure(long id, int version, EmergencyMeasure measure) {
		act(id, version, CaseAction.TAKE_EMERGENCY_MEASURE,
				(file, by, now) -> file.takeEmergencyMeasure(by, measure, now));
	}

	public void assessDetailed(long id, int version, DetailedAssessment assessment) {
		act(id, version, CaseAction.ASSESS_DETAILED, (file, by, now) -> file.assessDetailed(by, assessment, now));
	}

	public void closeWithoutPlan(long id, int version, CaseOutcome outcome, String reason) {
		act(id, version, CaseAction.CLOSE_WITHOUT_PLAN, (file, by, now) -> file.closeWithoutPlan(by, outcome, reason, now));
	}

	public void draftPlan(long id, int version, PlanDraft plan) {
		act(id, version, CaseAction.DRAFT_PLAN,
				(file, by, now) -> file.draftPlan(by, plan, agency -> agencies.find(agency).isPresent(), now));
	}

	public void submitPlan(long id, int version) {
		act(id, version, CaseAction.SUBMIT_PLAN, (file, by, now) -> file.submitPlan(by, now));
	}

	public void returnPlan(long id, int version, String comment) {
		act(id, version, CaseAction.RETURN_PLAN, (file, by, now) -> file.returnPlan(by, comment, now));
	}

	public void approvePlan(long id, int version, String decisionNumber, String note) {
		act(id, version, CaseAction.APPROVE_PLAN, (file, by, now) -> file.approvePlan(by, decisionNumber, note, now));
	}

	/** The progress of a service of the plan, which has a version of its own. */
	public void updatePlanItem(long caseId, long itemId, int itemVersion, PlanItemStatus status, String result) {
		act(caseId, null, CaseAction.UPDATE_PLAN_ITEM,
				(file, by, now) -> file.updatePlanItem(by, itemId, itemVersion, status, result, now));
	}

	public void review(long id, int version, Review review) {
		act(id, version, review.close() ? CaseAction.REVIEW_AND_CLOSE : CaseAction.REVIEW_AND_REPLAN,
				(file, by, now) -> file.review(by, review, deadlineRules.termsFor(file.unitId()), now));
	}

	public void reopen(long id, int version, String reason) {
		act(id, version, CaseAction.REOPEN,
				(file, by, now) -> file.reopen(by, reason, deadlineRules.termsFor(file.unitId()), now));
	}

	/** Assigns the case to one of the commune's case workers. */
	public void assign(long id, int version, long caseWorkerId) {
		act(id, version, CaseAction.ASSIGN, (file, by, now) -> {
			Staff.Member worker = staff.reaching(file.unitId(), Set.of(Role.CASE_WORKER), UnitLevel.COMMUNE).stream()
				.filter(m -> m.id() == caseWorkerId)
				.findFirst()
				.orElseThrow(() -> UserFacingException.rejected(
						List.of(InputProblem.field("caseWorkerId", "casework.error.not-a-case-worker-here"))));
			file.assign(by, Actor.caseWorker(worker), now);
		});
	}

	/** Transfers the case to the commune the child moved to (a commune valid today). */
	public void transfer(long id, int version, String toCommuneCode, String reason) {
		act(id, version, CaseAction.TRANSFER, (file, by, now) -> {
			LocalDate today = now.toLocalDate();
			AdministrativeUnit target = (toCommuneCode == null ? java.util.Optional.<AdministrativeUnit>empty()
					: units.findByCode(toCommuneCode, today))
				.filter(u -> u.level() == UnitLevel.COMMUNE && u.isValidOn(today))
				.orElseThrow(() -> UserFacingException.rejected(List.of(InputProblem.field("toCommuneCode",
						"casework.error.transfer-target", String.valueOf(toCommuneCode)))));
			file.transfer(by, CaseUnit.of(target), target.fullName(), Actor.soleCaseWorker(staff, target.id()), reason,
					now);
		});
	}

	public void escalate(long id, int version, String reason) {
		act(id, version, CaseAction.ESCALATE, (file, by, now) -> file.escalate(by, reason, now));
	}

	public void classify(long id, int version, Classification classification) {
		act(id, version, CaseAction.CLASSIFY, (file, by, now) -> file.classify(by, classification, now));
	}

	/**
	 * Links the case to the child's record in the register (found by the case worker); refused when the child already
	 * has another open case.
	 */
	public void linkChild(long id, int version, long childId) {
		act(id, version, CaseAction.LINK_CHILD, (file, by, now) -> {
			Child child;
			try {
				child = children.get(childId);
			}
			catch (UserFacingException e) {
				throw UserFacingException.rejected(
						List.of(InputProblem.field("childId", "casework.error.child-not-found", childId)));
			}
			files.otherOpenCaseOf(childId, file.id()).ifPresent(other -> {
				throw UserFacingException.conflict("casework.error.child-has-open-case", other);
			});
			file.linkChild(by, new ReportedChild(child.id(), child.fullName(), child.sex(), child.dateOfBirth(),
					child.dateOfBirthEstimated()), now);
		});
	}

	/**
	 * Records in the register the group of special circumstances a confirmed abuse points to (violence: i,
	 * exploitation: k, sexual abuse: l, trafficking: m, abandonment: b), from today, with the case as evidence.
	 */
	public void recordCircumstance(long id, String groupCode) {
		act(id, null, CaseAction.CLASSIFY, (file, by, now) -> {
			Long child = file.child().registerId();
			boolean recorded = child != null && children.groupsOn(child, now.toLocalDate()).contains(groupCode);
			file.recordCircumstance(by, groupCode, recorded, now);
			children.startCircumstance(child, groupCode, null, false, now.toLocalDate(), "Hồ sơ " + file.number());
		});
	}

	/** A step of the process, taken on the loaded file by the caller at the time given. */
	@FunctionalInterface
	private interface Step {

		void take(CaseFile file, Actor by, LocalDateTime now);
	}

	/**
	 * Loads the case, checks that the caller needs to know it, holds a role for the action and that the process allows
	 * it at the case's stage, then that the case is still at the caller's {@code version} (null: the step touches a
	 * part of the case with its own version); takes the step, stores the file and audits the steps recorded.
	 */
	private void act(long id, Integer version, CaseAction action, Step step) {
		SignedInUser user = Jurisdictions.requireUser();
		CaseFile file = files.load(new CaseId(id));
		CaseAccess.Level level = access.level(file.header());
		if (level == CaseAccess.Level.NONE) {
			throw UserFacingException.notFound("casework.error.case-not-found", id);
		}
		if (level != CaseAccess.Level.FULL) {
			throw new UserFacingException(403, "casework.error.need-to-know");
		}
		Actor by = Actor.of(user);
		file.permit(by, action);
		if (version != null) {
			file.requireVersion(version);
		}
		long unitId = file.unitId();
		step.take(file, by, LocalDateTime.now(clock).withNano(0));
		List<CaseFile.Step> taken = file.steps();
		files.save(file);
		taken.forEach(s -> audit.record("CASE_" + s.kind(), "Case", id, unitId, s.note()));
	}
}
