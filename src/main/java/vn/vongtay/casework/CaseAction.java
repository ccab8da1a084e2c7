package vn.vongtay.casework;

/** What someone does to a case; each is allowed at some stages only (see {@link CaseStage#after(CaseAction)}). */
public enum CaseAction {
	VERIFY, DISMISS, ASSESS_INITIAL, TAKE_EMERGENCY_MEASURE, ASSESS_DETAILED, CLOSE_WITHOUT_PLAN, DRAFT_PLAN,
	SUBMIT_PLAN, RETURN_PLAN, APPROVE_PLAN, REVIEW_AND_CLOSE, REVIEW_AND_REPLAN, REOPEN, ASSIGN, TRANSFER, ESCALATE,
	CLASSIFY, LINK_CHILD, REFER, UPDATE_PLAN_ITEM
}
