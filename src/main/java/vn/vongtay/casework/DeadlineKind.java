package vn.vongtay.casework;

/**
 * The deadlines of a case: emergency measures within hours of the report (12 by default, Art. 24); the plan drafted and
 * submitted within working days of the report (5, Art. 28); the chairman's decision on the submitted plan within
 * working days of the submission (2 by default, assumed: the decree fixes none); the review the approved plan set.
 */
public enum DeadlineKind {
	EMERGENCY, PLAN, APPROVAL, REVIEW
}
