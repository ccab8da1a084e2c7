package vn.vongtay.prostitution;

import java.time.LocalDate;

/** One line of the inspection calendar or of an establishment's history. */
public record InspectionSummary(long id, long establishmentId, String establishmentName, String teamName,
		LocalDate inspectedOn, String unitName, int violations, long fineTotalVnd, int openFollowUps) {
}
