package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An activity in full: where, when, what about, whom it reached, who was trained and what material it left. */
public record Activity(long id, ActivityKind kind, String title, String description, Long organiserAgencyId,
		String organiserName, List<Place> units, LocalDate startedOn, LocalDate endedOn, Set<Topic> topics,
		Long planTaskId, String planTaskLabel, Map<AudienceKind, Integer> audiences, List<Participant> participants,
		List<Material> materials, int version) {

	public record Place(long unitId, String code, String name) {
	}

	public record Participant(long officialId, String fullName, String position, Long agencyId, String agencyName,
			String unitCode, String unitName) {
	}

	public record Material(long id, String fileName, String contentType, long sizeBytes) {
	}

	/** Children reached, all age groups together. */
	public int childrenReached() {
		return audiences.entrySet().stream().filter(e -> e.getKey().children()).mapToInt(Map.Entry::getValue).sum();
	}
}
