package vn.vongtay.outreach;

/** The age groups of children in the statistics (Thông tư 13/2021 breaks figures down by them). */
public enum AgeGroup {
	AGE_0_5, AGE_6_10, AGE_11_15, AGE_16_17
}
