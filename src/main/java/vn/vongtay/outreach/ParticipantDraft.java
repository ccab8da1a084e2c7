package vn.vongtay.outreach;

/**
 * An official who took part in a training, as entered: name, position, agency (optional) and the unit they work for.
 */
public record ParticipantDraft(String fullName, String position, Long agencyId, String unitCode) {
}
