package vn.vongtay.casework;

import java.time.LocalDate;

/**
 * The minutes of the meeting that builds the support/intervention plan (Nghị định 56/2017 Art. 27-28: the case worker
 * meets the child, the parents or carers and the agencies concerned to agree the plan): when it was held, who chaired
 * it, who took part and what it concluded. Recorded with the plan, shown with it and printed with Mẫu 04.
 */
public record PlanMeeting(LocalDate heldOn, String chair, String participants, String conclusions) {
}
