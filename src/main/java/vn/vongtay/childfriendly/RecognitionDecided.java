package vn.vongtay.childfriendly;

/** The level above decided whether a commune is recognised as child-friendly for a year. */
public record RecognitionDecided(long assessmentId, long unitId, int year, boolean recognised) {
}
