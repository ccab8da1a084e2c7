package vn.vongtay.prostitution;

/** The kinds of business the law names as prone to prostitution. */
public enum EstablishmentType {
	HOTEL, GUESTHOUSE, RESTAURANT, DANCE_HALL, KARAOKE, MASSAGE_SAUNA, OTHER
}
