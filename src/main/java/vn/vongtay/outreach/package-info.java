/**
 * Outreach: communication campaigns, broadcasts, school sessions, training courses and forums with children, the
 * audiences they reached, the officials trained by name, the opinions children raised and their answers, and the
 * coverage figures the plans set targets for (share of communes with an activity, share of officials trained).
 *
 * <p>Who may do what is decided in {@link vn.vongtay.outreach.OutreachAccess}, on top of the need-to-know table.
 */
package vn.vongtay.outreach;
