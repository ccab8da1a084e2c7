package vn.vongtay.prostitution;

/** A prone establishment was entered in the register. */
public record EstablishmentRegistered(long establishmentId) {
}
