package vn.vongtay.casework.web;

import java.util.List;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.children.Sex;
import vn.vongtay.core.web.FormValues;

/**
 * The staff intake form (Mẫu 01) as the browser sends it, every field as typed. {@code submission} is the form's own
 * key, given when the form was shown: a second post of the same form (a double-click, a retry after a lost answer)
 * records nothing twice and is answered with the report the first one recorded.
 */
record ReportForm(String channel, String receivedAt, String childId, String childName, String childSex,
		String childBirthDate, String childAgeYears, String childAddress, String childUnitCode, String place,
		String placeUnitCode, String condition, String consequences, String parents, String caregiver,
		String actionsTaken, List<String> suspectedForms, String informantName, String informantPhone,
		String informantAddress, String informantRelation, String submission) {

	/** Keys of the staff form, apart from the hotline's tickets the API receives as external references. */
	static final String KEY_PREFIX = "form:";

	ReportDraft draft() {
		Long age = FormValues.wholeNumber(childAgeYears);
		String key = FormValues.blankToNull(submission);
		return new ReportDraft(FormValues.enumValue(ReportChannel.class, channel), FormValues.dateTime(receivedAt),
				key == null ? null : KEY_PREFIX + key, FormValues.wholeNumber(childId), childName,
				FormValues.enumValue(Sex.class, childSex), FormValues.date(childBirthDate),
				age == null ? null : age.intValue(), childAddress, childUnitCode, place, placeUnitCode, condition,
				consequences, parents, caregiver, actionsTaken, FormValues.enumValues(AbuseForm.class, suspectedForms),
				informantName, informantPhone, informantAddress, informantRelation);
	}
}
