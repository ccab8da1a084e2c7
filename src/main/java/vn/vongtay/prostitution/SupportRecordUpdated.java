package vn.vongtay.prostitution;

/** A support record changed (unit, needs, consent date, ...). */
public record SupportRecordUpdated(long recordId) {
}
