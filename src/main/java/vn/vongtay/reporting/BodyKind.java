package vn.vongtay.reporting;

/**
 * The bodies that report and receive reports: a unit's People's Committee, one of the agencies a plan names (a
 * department, an office, the police, a mass organisation), a unit's People's Council, or the ministry in charge of
 * children.
 */
public enum BodyKind {
	COMMITTEE, AGENCY, COUNCIL, MINISTRY
}
