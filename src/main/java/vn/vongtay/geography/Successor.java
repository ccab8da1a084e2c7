package vn.vongtay.geography;

/** A unit that continues another one, wholly or in part. */
public record Successor(AdministrativeUnit unit, SuccessionKind kind) {
}
