package vn.vongtay.outreach;

/** The forms an outreach activity takes, as the plans name them. */
public enum ActivityKind {
	COMMUNICATION_CAMPAIGN, LOUDSPEAKER_BROADCAST, MEETING, SCHOOL_SESSION, LEAFLETS, SOCIAL_MEDIA_POST,
	TRAINING_COURSE, CHILDREN_FORUM, EVENT;

	/** Whether children raise opinions at it (a forum, or an event such as the Action Month with a dialogue). */
	public boolean hearsChildren() {
		return this == CHILDREN_FORUM || this == EVENT;
	}
}
