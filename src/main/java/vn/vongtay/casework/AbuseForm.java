package vn.vongtay.casework;

import java.util.Optional;

/**
 * The forms of abuse of the Law on Children (Art. 4(5)-(9)). A confirmed form suggests the group of special
 * circumstances of Art. 10 the child then belongs to in the register.
 */
public enum AbuseForm {
	VIOLENCE("i"), EXPLOITATION("k"), SEXUAL_ABUSE("l"), TRAFFICKING("m"), ABANDONMENT("b"), NEGLECT(null);

	private final String circumstanceGroup;

	AbuseForm(String circumstanceGroup) {
		this.circumstanceGroup = circumstanceGroup;
	}

	/**
	 * The register's group for a child who suffered this form of abuse: violence that seriously harmed the child (i),
	 * exploitation (k), sexual abuse (l), trafficking (m), abandonment (b). Neglect has no group of its own.
	 */
	public Optional<String> circumstanceGroup() {
		return Optional.ofNullable(circumstanceGroup);
	}
}
