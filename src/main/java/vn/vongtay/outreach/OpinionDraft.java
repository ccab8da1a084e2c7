package vn.vongtay.outreach;

import java.time.LocalDate;

/**
 * An opinion as entered after a forum. {@code unitCode} is the unit of the child (one of the forum's units; the first
 * when blank).
 */
public record OpinionDraft(String content, AgeGroup ageGroup, Sex sex, String unitCode, Long answeringAgencyId,
		LocalDate dueOn) {
}
