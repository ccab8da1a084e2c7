package vn.vongtay.prostitution;

/** A prone establishment's record changed (its type, unit, workers, opening or closing dates). */
public record EstablishmentUpdated(long establishmentId) {
}
