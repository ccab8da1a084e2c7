package vn.vongtay.planning;

import java.time.Instant;
import java.util.List;

import vn.vongtay.core.Period;

/** What an agency reported on a task for a period: the lead agency's report or a partner's contribution. */
public record TaskProgress(long id, long taskId, Period period, AgencyRef agency, boolean lead, ProgressStatus status,
		String done, String figures, String recordedBy, Instant recordedAt, int version, List<Evidence> evidence) {

	public record Evidence(long id, String fileName, String contentType, long sizeBytes) {
	}
}
