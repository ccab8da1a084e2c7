package vn.vongtay.prostitution;

/** The main sanction or measure applied for a violation. */
public enum Sanction {
	WARNING, FINE, LICENCE_SUSPENSION, EXHIBIT_CONFISCATION, ACTIVITY_SUSPENSION, REFERRED_FOR_PROSECUTION
}
