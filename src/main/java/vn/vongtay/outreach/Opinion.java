package vn.vongtay.outreach;

import java.time.LocalDate;

/**
 * An opinion or recommendation a child raised at a forum, who must answer it by when, and the answer. {@code overdue}
 * is true when it is still unanswered after its due date.
 */
public record Opinion(long id, long activityId, String activityTitle, long unitId, String unitName, String content,
		AgeGroup ageGroup, Sex sex, LocalDate raisedOn, long answeringAgencyId, String answeringAgencyName,
		LocalDate dueOn, String answer, LocalDate answeredOn, boolean overdue, int version) {

	public boolean answered() {
		return answeredOn != null;
	}
}
