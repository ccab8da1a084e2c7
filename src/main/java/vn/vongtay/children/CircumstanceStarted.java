package vn.vongtay.children;

import java.time.LocalDate;

/** A child entered a group of special circumstances (or was flagged at risk of it). */
public record CircumstanceStarted(long childId, long unitId, String groupCode, boolean atRisk, LocalDate from) {
}
