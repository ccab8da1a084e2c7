package vn.vongtay.casework;

import java.time.LocalDate;

/**
 * A referral the case worker sends: to which agency, for which service (and plan item), what is asked, by when the
 * agency should answer, and what of the case it may see: the child's age and sex always, their name, address and the
 * caregiver's contact only when ticked, and a summary the case worker writes for the agency.
 */
public record ReferralDraft(Long agencyId, Long planItemId, ServiceKind service, String request, LocalDate respondBy,
		boolean shareName, boolean shareAddress, boolean shareCaregiver, String summary) {
}
