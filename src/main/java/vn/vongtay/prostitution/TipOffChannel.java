package vn.vongtay.prostitution;

/** How a tip-off reached the authorities. */
public enum TipOffChannel {
	PHONE, IN_PERSON, LETTER, EMAIL, ONLINE, HOTLINE, MEDIA, FORWARDED, OTHER
}
