package vn.vongtay.outreach;

/** What an activity was about; an activity may cover several topics. */
public enum Topic {
	CHILD_ABUSE_PREVENTION, ONLINE_SAFETY, DROWNING_PREVENTION, LIFE_SKILLS, PROSTITUTION_PREVENTION,
	TRAFFICKING_PREVENTION, CHILD_RIGHTS, CHILD_PARTICIPATION, OTHER
}
