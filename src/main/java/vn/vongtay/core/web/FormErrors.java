package vn.vongtay.core.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What was wrong with a form, said in the reader's language with each field's own label, for the page that shows the
 * form again: the error summary at the top ({@code ~{fragments/form :: summary(${formErrors})}}) and the message under
 * each field ({@code vt:field}). Built by {@link Forms}; every page has one, empty unless a submission was refused
 * (docs/decisions/0013-forms-and-errors.md).
 *
 * @param general refusals of the form as a whole (an expired form, a record changed by someone else), not tied to a
 *        field
 * @param entries one per field problem, in the order of the form's fields as the problems were found
 */
public record FormErrors(List<String> general, List<Entry> entries) {

	private static final FormErrors NONE = new FormErrors(List.of(), List.of());
	private static final Pattern NOT_IN_ID = Pattern.compile("[^A-Za-z0-9_-]+");

	/**
	 * One field's problem.
	 *
	 * @param field the field's name as the form posts it ({@code items[1].agencyId})
	 * @param id the id of its control on the page, which the summary links to
	 * @param label the field's label as the page shows it, with the row counted from 1 (“Cơ quan chủ trì, dòng 2”)
	 * @param message the whole sentence shown under the field and in the summary, naming the field by its label
	 * @param labelled false when no label was found for the field and a generic word stands in for it (a defect the
	 *        tests look for)
	 */
	public record Entry(String field, String id, String label, String message, boolean labelled) {
	}

	public FormErrors {
		general = List.copyOf(general);
		entries = List.copyOf(entries);
	}

	public static FormErrors none() {
		return NONE;
	}

	/**
	 * The id of a field's control: its name with indexes and dots turned into dashes ({@code items[1].agencyId} →
	 * {@code items-1-agencyId}), so that it is valid in a URL fragment and a CSS selector.
	 */
	public static String idOf(String field) {
		String id = NOT_IN_ID.matcher(field.replace("]", "")).replaceAll("-");
		return id.endsWith("-") ? id.substring(0, id.length() - 1) : id;
	}

	public boolean isEmpty() {
		return general.isEmpty() && entries.isEmpty();
	}

	public boolean hasErrors() {
		return !isEmpty();
	}

	public int count() {
		return general.size() + entries.size();
	}

	public boolean has(String field) {
		return entries.stream().anyMatch(e -> e.field().equals(field));
	}

	/** The messages of one field, for the text under it. */
	public List<String> messagesOf(String field) {
		return entries.stream().filter(e -> e.field().equals(field)).map(Entry::message).toList();
	}
}
