package vn.vongtay.prostitution;

/** A tip-off went on to its next step (verified, classified, handled or closed as unfounded). */
public record TipOffAdvanced(long tipOffId, TipOffStep step) {
}
