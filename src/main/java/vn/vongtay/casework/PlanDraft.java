package vn.vongtay.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The support/intervention plan the case worker drafts (Mẫu 04): its goals, the services with the agency or provider
 * responsible for each and its due date, and when the plan will be reviewed.
 */
public record PlanDraft(String goals, List<Item> items, LocalDate reviewOn, String notes) {

	public PlanDraft {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** A service of the plan: what, by which agency (or named provider), by when. */
	public record Item(ServiceKind service, String description, Long agencyId, String providerName, LocalDate dueOn) {
	}
}
