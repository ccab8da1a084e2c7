package vn.vongtay.planning;

/** What the document is: a plan (kế hoạch), a submission asking for approval (tờ trình) or a decision (quyết định). */
public enum PlanKind {
	PLAN, SUBMISSION, DECISION
}
