package vn.vongtay.casework;

/** Where the abuse took place (môi trường xâm hại). */
public enum AbuseSetting {
	FAMILY, SCHOOL, COMMUNITY, ONLINE, WORKPLACE, CARE_FACILITY, OTHER
}
