package vn.vongtay.casework;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a case stands in the process of Nghị định 56/2017, Chapter III: received and waiting to be verified; verified;
 * initially assessed (Mẫu 02); assessed in detail (Mẫu 03); a plan being drafted (Mẫu 04); the plan waiting for the
 * chairman's approval (Mẫu 05); the approved plan being implemented, until a review (Mẫu 06) closes the case or starts a
 * new plan; closed, until reopened. Emergency measures (Mẫu 07) may be taken at any stage before closure.
 */
public enum CaseStage {
	OPENED, VERIFIED, ASSESSED, DETAILED_ASSESSED, PLANNING, AWAITING_APPROVAL, IN_PROGRESS, CLOSED;

	/** The stage an action leads to from this one, or empty when the process does not allow it here. */
	public Optional<CaseStage> after(CaseAction action) {
		CaseStage next = switch (action) {
			case VERIFY -> this == OPENED ? VERIFIED : null;
			case DISMISS -> this == OPENED || this == VERIFIED ? CLOSED : null;
			case ASSESS_INITIAL -> this == VERIFIED ? ASSESSED : null;
			case ASSESS_DETAILED -> this == ASSESSED ? DETAILED_ASSESSED : null;
			case CLOSE_WITHOUT_PLAN -> this == ASSESSED || this == DETAILED_ASSESSED ? CLOSED : null;
			case DRAFT_PLAN -> this == DETAILED_ASSESSED || this == PLANNING ? PLANNING : null;
			case SUBMIT_PLAN -> this == PLANNING ? AWAITING_APPROVAL : null;
			case RETURN_PLAN -> this == AWAITING_APPROVAL ? PLANNING : null;
			case APPROVE_PLAN -> this == AWAITING_APPROVAL ? IN_PROGRESS : null;
			case REVIEW_AND_CLOSE -> this == IN_PROGRESS ? CLOSED : null;
			case REVIEW_AND_REPLAN -> this == IN_PROGRESS ? PLANNING : null;
			case REOPEN -> this == CLOSED ? VERIFIED : null;
			case UPDATE_PLAN_ITEM -> this == IN_PROGRESS ? this : null;
			case PROPOSE_EMERGENCY_MEASURE, TAKE_EMERGENCY_MEASURE, ASSIGN, TRANSFER, ESCALATE, CLASSIFY, LINK_CHILD, REFER -> isOpen() ? this : null;
		};
		return Optional.ofNullable(next);
	}

	public boolean allows(CaseAction action) {
		return after(action).isPresent();
	}

	public boolean isOpen() {
		return this != CLOSED;
	}

	/** The actions the process allows at this stage, for the case page to offer. */
	public Set<CaseAction> actions() {
		Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
		for (CaseAction action : CaseAction.values()) {
			if (allows(action)) {
				allowed.add(action);
			}
		}
		return allowed;
	}
}
