package vn.vongtay.calendar;

/** What an administrator makes of a day: a day off (nghỉ) or a working day (làm việc, làm bù). */
public enum OverrideKind {
	DAY_OFF, WORKING_DAY
}
