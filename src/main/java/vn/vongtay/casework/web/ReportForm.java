package vn.vongtay.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.children.Sex;
import vn.vongtay.core.web.FormInput;
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

	/** An empty form, with the commune the report most likely belongs to when the caller answers for one only. */
	static ReportForm blank(String childId, String communeCode, String submission) {
		return new ReportForm(null, null, childId, null, null, null, null, null, communeCode, null, null, null, null,
				null, null, null, List.of(), null, null, null, null, submission);
	}

	/** The draft, every field that cannot be read noted against it; the channel must be chosen (issue 17 §3). */
	ReportDraft draft(FormInput input) {
		ReportChannel chosen = input.choice("channel", ReportChannel.class, channel);
		if (FormValues.blankToNull(channel) == null) {
			input.problem("channel", "form.error.choice");
		}
		Integer age = input.integer("childAgeYears", childAgeYears);
		String key = FormValues.blankToNull(submission);
		List<AbuseForm> forms = new ArrayList<>();
		for (String form : suspectedForms == null ? List.<String>of() : suspectedForms) {
			AbuseForm read = input.choice("suspectedForms", AbuseForm.class, form);
			if (read != null) {
				forms.add(read);
			}
		}
		return new ReportDraft(chosen, input.dateTime("receivedAt", receivedAt), key == null ? null : KEY_PREFIX + key,
				input.wholeNumber("childId", childId), childName, input.choice("childSex", Sex.class, childSex),
				input.date("childBirthDate", childBirthDate), age, childAddress, childUnitCode, place, placeUnitCode,
				condition, consequences, parents, caregiver, actionsTaken, Set.copyOf(forms), informantName,
				informantPhone, informantAddress, informantRelation);
	}

	/** Whether a suspected form of abuse was ticked, to tick it again when the form comes back. */
	public boolean suspects(AbuseForm form) {
		return suspectedForms != null && suspectedForms.contains(form.name());
	}
}
