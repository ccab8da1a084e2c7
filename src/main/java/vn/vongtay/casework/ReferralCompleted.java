package vn.vongtay.casework;

/** The agency reported back what it did for an accepted referral. */
public record ReferralCompleted(long referralId, long caseId, long unitId, long agencyId, Long answeredBy) {
}
