package vn.vongtay.planning;

/**
 * What an allowance is a coefficient of: statutory levels that change by decree, so the amount in đồng is never stored
 * (mức lương cơ sở, Nghị định 73/2024/NĐ-CP from 01/07/2024; mức chuẩn trợ giúp xã hội, Nghị định 76/2024/NĐ-CP).
 */
public enum AllowanceBasis {
	BASE_SALARY, SOCIAL_ASSISTANCE_STANDARD
}
