package vn.vongtay.casework;

import java.time.LocalDateTime;

/** A deadline of the case passed without the work done (Nghị định 56/2017: the case is then escalated). */
public record DeadlineMissed(long caseId, long unitId, DeadlineKind deadline, int cycle, LocalDateTime dueAt) {
}
