package vn.vongtay.casework;

/** An agency accepted a referral. */
public record ReferralAccepted(long referralId, long caseId, long unitId, long agencyId, Long answeredBy) {
}
