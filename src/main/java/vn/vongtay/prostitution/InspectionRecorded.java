package vn.vongtay.prostitution;

/** An inspection of a prone establishment was recorded. */
public record InspectionRecorded(long inspectionId, long establishmentId) {
}
