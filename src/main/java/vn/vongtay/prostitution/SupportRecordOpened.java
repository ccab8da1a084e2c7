package vn.vongtay.prostitution;

/** A pseudonymous support record was opened for a person who sells sex. */
public record SupportRecordOpened(long recordId) {
}
