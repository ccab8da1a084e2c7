package vn.vongtay.prostitution;

/** A member's place in an inspection team: head (trưởng đoàn), deputy, member, secretary (thư ký). */
public enum TeamRole {
	HEAD, DEPUTY, MEMBER, SECRETARY
}
