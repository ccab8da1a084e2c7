package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An activity as entered. {@code unitCodes} are the units where it took place (each within the caller's jurisdiction);
 * {@code audiences} how many of each group it reached; {@code participants} the officials trained, by name.
 */
public record ActivityDraft(ActivityKind kind, String title, String description, Long organiserAgencyId,
		List<String> unitCodes, LocalDate startedOn, LocalDate endedOn, Set<Topic> topics, Long planTaskId,
		Map<AudienceKind, Integer> audiences, List<ParticipantDraft> participants) {

	public ActivityDraft {
		unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
		topics = topics == null ? Set.of() : Set.copyOf(topics);
		audiences = audiences == null ? Map.of() : Map.copyOf(audiences);
		participants = participants == null ? List.of() : List.copyOf(participants);
	}
}
