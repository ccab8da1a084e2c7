package vn.vongtay.casework;

/** Sub-types counted by the statistics of abuse (Thông tư 13/2021, annex II) and the 111 hotline. */
public enum AbuseSubtype {
	PHYSICAL_VIOLENCE(AbuseForm.VIOLENCE), PSYCHOLOGICAL_VIOLENCE(AbuseForm.VIOLENCE),
	CHILD_LABOUR(AbuseForm.EXPLOITATION), ECONOMIC_EXPLOITATION(AbuseForm.EXPLOITATION),
	RAPE(AbuseForm.SEXUAL_ABUSE), FORCED_SEX(AbuseForm.SEXUAL_ABUSE), SEXUAL_INTERCOURSE(AbuseForm.SEXUAL_ABUSE),
	INDECENT_ACTS(AbuseForm.SEXUAL_ABUSE), PROSTITUTION_OR_PORNOGRAPHY(AbuseForm.SEXUAL_ABUSE),
	ONLINE_SEXUAL_ABUSE(AbuseForm.SEXUAL_ABUSE),
	TRAFFICKING_ABROAD(AbuseForm.TRAFFICKING), TRAFFICKING_DOMESTIC(AbuseForm.TRAFFICKING);

	private final AbuseForm form;

	AbuseSubtype(AbuseForm form) {
		this.form = form;
	}

	public AbuseForm form() {
		return form;
	}
}
