package vn.vongtay.prostitution;

/** A tip-off was received. */
public record TipOffReceived(long tipOffId) {
}
