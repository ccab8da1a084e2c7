package vn.vongtay.prostitution;

/** The social services the programme offers people who sell sex; a need and a service received use the same names. */
public enum SupportServiceKind {
	VOCATIONAL_TRAINING, JOB_PLACEMENT, LOAN, HEALTH_CARE, HIV_STI_PREVENTION, LEGAL_AID
}
