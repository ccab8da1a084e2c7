package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An activity as the log lists it. */
public record ActivitySummary(long id, ActivityKind kind, String title, String organiserName, List<String> unitNames,
		LocalDate startedOn, LocalDate endedOn, Set<Topic> topics, long peopleReached, int participants) {
}
