package vn.vongtay.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import vn.vongtay.children.Sex;

/**
 * A case as those who need to know it open it: the child, where the case stands, its deadlines (and the next one to
 * be met, while the case is open), every report, step, plan and referral. {@code suggestedGroups} are the register's
 * groups of special circumstances a confirmed abuse points to and the child is not yet recorded in.
 */
public record ChildCase(long id, String number, long unitId, String unitCode, String unitName, String provinceCode,
		Long childId, String childName, Sex childSex, LocalDate childBirthDate, boolean childBirthEstimated,
		CaseStage stage, int cycle, LocalDateTime receivedAt, LocalDateTime openedAt, Long caseWorkerId,
		String caseWorkerName, LocalDateTime escalatedAt, String escalationReason, RiskLevel riskLevel,
		Boolean emergencyRequired, List<Deadline> deadlines, LocalDateTime nextDueAt, Classification classification,
		CaseOutcome outcome, LocalDateTime closedAt, String closureReason, List<Report> reports, List<CaseStep> steps,
		List<InterventionPlan> plans, List<Referral> referrals, List<String> suggestedGroups, int version) {

	/** The earliest deadline still to be met (pending or missed) of an open case, if any ({@code nextDueAt}). */
	public Optional<Deadline> nextDeadline() {
		return deadlines.stream().filter(d -> d.status().open() && d.dueAt().equals(nextDueAt)).findFirst();
	}

	public Optional<InterventionPlan> currentPlan() {
		return plans.stream().filter(p -> p.cycle() == cycle).findFirst();
	}

	public Optional<Deadline> deadline(DeadlineKind kind) {
		return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
	}
}
