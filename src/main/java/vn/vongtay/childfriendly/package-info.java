/**
 * Child-friendly communes (xã, phường phù hợp với trẻ em, Quyết định 06/QĐ-TTg of 03/01/2019): the criteria and their
 * points as data, versioned by the decision that sets them; a commune's yearly self-assessment with its evidence, filled
 * where possible from the system's own figures; the review by the level above and the recognition decision; the
 * communes recognised each year, which the indicators count ({@code CHILD_FRIENDLY_COMMUNES}).
 *
 * <p>The figures come through {@link vn.vongtay.childfriendly.CommuneFigures}, which the indicators module implements:
 * the indicators count this module's recognitions, so this module cannot depend on them (decision 0014).
 */
package vn.vongtay.childfriendly;
