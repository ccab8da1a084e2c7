package vn.vongtay.casework;

/** The case worker referred the child to an agency for a service (step 7). */
public record ReferralSent(long referralId, long caseId, long unitId, long agencyId) {
}
