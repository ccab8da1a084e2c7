package vn.vongtay.casework;

/** A referral is sent, then accepted or declined by the agency; an accepted one is completed with its report back. */
public enum ReferralStatus {
	SENT, ACCEPTED, DECLINED, COMPLETED
}
