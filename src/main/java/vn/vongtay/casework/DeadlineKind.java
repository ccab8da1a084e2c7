package vn.vongtay.casework;

/**
 * The deadlines of a case: emergency measures within hours of the report (12 by default), an approved plan within working
 * days (5 by default), and the review the approved plan set.
 */
public enum DeadlineKind {
	EMERGENCY, PLAN, REVIEW
}
