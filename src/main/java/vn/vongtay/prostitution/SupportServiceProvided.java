package vn.vongtay.prostitution;

/** A person with a support record received a service. */
public record SupportServiceProvided(long recordId) {
}
