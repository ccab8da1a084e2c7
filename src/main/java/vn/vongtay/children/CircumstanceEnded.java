package vn.vongtay.children;

import java.time.LocalDate;

/** A child left a group of special circumstances. */
public record CircumstanceEnded(long childId, long unitId, String groupCode, LocalDate to) {
}
