package vn.vongtay.casework;

import java.time.LocalDateTime;

/** A deadline of the case falls due within its notice and the work is not done yet. */
public record DeadlineApproaching(long caseId, long unitId, DeadlineKind deadline, int cycle, LocalDateTime dueAt) {
}
