package vn.vongtay.children;

import java.time.LocalDate;

/** A child now lives in another commune, which now holds their record; the former one no longer sees it. */
public record ChildMoved(long childId, long fromUnitId, long toUnitId, LocalDate on) {
}
