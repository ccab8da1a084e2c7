package vn.vongtay.casework;

import java.util.Optional;

/**
 * The forms of abuse of the Law on Children (Art. 4(5): «bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc
 * trẻ em và các hình thức gây tổn hại khác»; defined in Art. 4(6)-(9)), the last one the law's «other forms of harm»
 * to a child's body, feelings, mind, honour or dignity. A confirmed form suggests the group of special circumstances
 * of Art. 10 the child then belongs to in the register.
 */
public enum AbuseForm {
	VIOLENCE("i"), EXPLOITATION("k"), SEXUAL_ABUSE("l"), TRAFFICKING("m"), ABANDONMENT("b"), NEGLECT(null),
	OTHER_HARM(null);

	private final String circumstanceGroup;

	AbuseForm(String circumstanceGroup) {
		this.circumstanceGroup = circumstanceGroup;
	}

	/**
	 * The register's group for a child who suffered this form of abuse: violence that seriously harmed the child (i),
	 * exploitation (k), sexual abuse (l), trafficking (m), abandonment (b). Neglect and the other forms of harm have no
	 * group of their own: the case worker records the group that applies, if any.
	 */
	public Optional<String> circumstanceGroup() {
		return Optional.ofNullable(circumstanceGroup);
	}
}
