package vn.vongtay.identity;

/** What a user does in the system; a user may hold several roles. */
public enum Role {
	SYSTEM_ADMIN, PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, CASE_WORKER, COMMUNE_CHAIRMAN,
	VILLAGE_COLLABORATOR, HOTLINE_OPERATOR, AGENCY_FOCAL_POINT, INSPECTOR, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles that may administer users and agencies within their jurisdiction. */
	public boolean administers() {
		return this == SYSTEM_ADMIN || this == PROVINCE_OFFICER;
	}
}
