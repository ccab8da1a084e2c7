package vn.vongtay.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * What a person decided for agencies of a plan that the directory does not have under the same name: by the agency's
 * key in the document, an agency of the directory or a new one. Written {@code key:id} or {@code key:new}
 * ({@code POST /api/v1/plans?agency=so-y-te:8&agency=hdnd-xa:new}).
 */
public final class AgencyChoices {

	public static final AgencyChoices NONE = new AgencyChoices(Map.of());

	private static final String NEW = "new";

	/** What stands for "a new agency" among the ids chosen. */
	private static final long NEW_AGENCY = -1;

	/** The agency's key to the directory id chosen, or {@link #NEW_AGENCY}. */
	private final Map<String, Long> choices;

	private AgencyChoices(Map<String, Long> choices) {
		this.choices = choices;
	}

	/** @throws UserFacingException 422 naming every entry that is not {@code key:id} or {@code key:new} */
	public static AgencyChoices parse(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			return NONE;
		}
		Map<String, Long> choices = new LinkedHashMap<>();
		List<InputProblem> problems = new ArrayList<>();
		for (String entry : entries) {
			String text = entry == null ? "" : entry.strip();
			int colon = text.lastIndexOf(':');
			String key = colon <= 0 ? "" : text.substring(0, colon).strip();
			String value = colon <= 0 ? "" : text.substring(colon + 1).strip();
			if (key.isEmpty() || value.isEmpty()) {
				problems.add(InputProblem.field("agency", "error.plan.agency-choice-invalid", text));
			}
			else if (NEW.equalsIgnoreCase(value)) {
				choices.put(key, NEW_AGENCY);
			}
			else {
				try {
					choices.put(key, Long.valueOf(value));
				}
				catch (NumberFormatException e) {
					problems.add(InputProblem.field("agency", "error.plan.agency-choice-invalid", text));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		return new AgencyChoices(Map.copyOf(choices));
	}

	/** The directory agency chosen for the key, if one was. */
	public Optional<Long> existing(String key) {
		Long id = choices.get(key);
		return id == null || id == NEW_AGENCY ? Optional.empty() : Optional.of(id);
	}

	/** Whether a new agency was confirmed for the key. */
	public boolean createsNew(String key) {
		return choices.get(key) != null && choices.get(key) == NEW_AGENCY;
	}

	public Set<String> keys() {
		return choices.keySet();
	}
}
