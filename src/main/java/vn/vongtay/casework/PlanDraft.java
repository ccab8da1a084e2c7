package vn.vongtay.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The support/intervention plan the case worker drafts (Mẫu 04): its goals, the services with the agency or provider
 * responsible for each and its due date, when the plan will be reviewed, and the minutes of the meeting that agreed it
 * (Art. 27-28; required before the plan is submitted, so a draft may be saved before the meeting).
 */
public record PlanDraft(String goals, List<Item> items, LocalDate reviewOn, String notes, PlanMeeting meeting) {

	public PlanDraft {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** A service of the plan: what, by which agency (or named provider), by when. */
	public record Item(ServiceKind service, String description, Long agencyId, String providerName, LocalDate dueOn) {
	}
}
