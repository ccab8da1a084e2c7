package vn.vongtay.casework;

/** The agency declined a referral, with its reason. */
public record ReferralDeclined(long referralId, long caseId, long unitId, long agencyId, Long answeredBy) {
}
