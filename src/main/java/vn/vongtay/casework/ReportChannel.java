package vn.vongtay.casework;

/** How a concern reached the system (Mẫu 01 "hình thức tiếp nhận"). */
public enum ReportChannel {
	HOTLINE_111, IN_PERSON, PHONE, SCHOOL, HEALTH_FACILITY, POLICE, ONLINE, OTHER_AGENCY
}
