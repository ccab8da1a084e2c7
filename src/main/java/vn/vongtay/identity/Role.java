package vn.vongtay.identity;

/** What a user does in the system; a user may hold several roles. */
public enum Role {
	SYSTEM_ADMIN, PROVINCE_OFFICER, DISTRICT_OFFICER, COMMUNE_OFFICER, CASE_WORKER, COMMUNE_CHAIRMAN,
	VILLAGE_COLLABORATOR, HOTLINE_OPERATOR, AGENCY_FOCAL_POINT, INSPECTOR, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * How much of the system the role keeps, which orders the roles for administering accounts: an administrator
	 * grants, changes or takes away only roles at or below their own level, so that nobody raises an account (their own
	 * included) above what they hold. The system administrator keeps the whole system — the units, the calendar, the
	 * audit log and every account — and stands above all; a province officer administers the accounts of their
	 * province (the province's department answers for the access of the staff it supervises); every other role keeps
	 * only its own work, and they stand level with one another, since none administers anyone.
	 */
	public int administrativeLevel() {
		return switch (this) {
			case SYSTEM_ADMIN -> 2;
			case PROVINCE_OFFICER -> 1;
			default -> 0;
		};
	}

	/** Roles that may administer users and agencies within their jurisdiction. */
	public boolean administers() {
		return administrativeLevel() > 0;
	}
}
