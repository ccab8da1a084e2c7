package vn.vongtay.casework;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A step taken in a case: what ({@code step}, the name of a {@link CaseAction} or RECEIVED, REPORT_JOINED,
 * CHILD_LINKED, REFERRAL_ACCEPTED, ...), in which plan cycle, when, by whom, with the form's content where the step
 * fills one (Mẫu 02, 03, 06, 07).
 */
public record CaseStep(long id, String step, int cycle, LocalDateTime takenAt, String actorName,
		Map<String, Object> content, String note) {
}
