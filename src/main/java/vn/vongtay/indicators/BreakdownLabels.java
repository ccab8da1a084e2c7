package vn.vongtay.indicators;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.vongtay.children.RegisterFacts;

/**
 * The words an official reads for a breakdown of an indicator and for each of its values: the indicators' own labels
 * ({@code indicators.dimension.*}, {@code indicators.dim.*}); for values that name a record of another module (the
 * forms of abuse, where a report came from, how a case ended), that module's label, so each is written once; the
 * register's names of ethnic and circumstance groups. Never the code itself where a label can be had.
 */
@Component
public class BreakdownLabels {

	/** Breakdowns whose values are another module's, with the prefix of that module's labels. */
	private static final Map<String, String> OWNED_ELSEWHERE = Map.of(
			"abuse_form", "casework.abuse-form.",
			"setting", "casework.setting.",
			"outcome", "casework.outcome.",
			"channel", "casework.channel.");

	private final MessageSource messages;
	private final RegisterFacts register;
	private volatile Map<String, String> ethnicities;
	private volatile Map<String, String[]> groups;

	BreakdownLabels(MessageSource messages, RegisterFacts register) {
		this.messages = messages;
		this.register = register;
	}

	/** "Giới tính", "Hình thức xâm hại"; the code only if no label exists. */
	public String dimension(String dimension, Locale locale) {
		return messages.getMessage("indicators.dimension." + dimension, null, dimension, locale);
	}

	/** "Nữ", "Bạo lực", "i) Trẻ em bị xâm hại tình dục"; the code only if no label exists. */
	public String value(String dimension, String key, Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		if (dimension.equals("ethnicity")) {
			if (ethnicities == null) {
				ethnicities = register.ethnicities();
			}
			return ethnicities.getOrDefault(key, messages.getMessage("indicators.dim.unknown", null, key, locale));
		}
		if (dimension.equals("group")) {
			if (groups == null) {
				groups = register.circumstanceGroups();
			}
			String[] names = groups.get(key);
			return names == null ? key : key + ") " + (english ? names[1] : names[0]);
		}
		String own = messages.getMessage("indicators.dim." + dimension + "." + key, null, null, locale);
		if (own != null) {
			return own;
		}
		String prefix = OWNED_ELSEWHERE.get(dimension);
		return prefix == null ? key : messages.getMessage(prefix + key, null, key, locale);
	}
}
