package vn.vongtay.indicators;

import java.math.BigDecimal;

/**
 * A statistical indicator of the catalogue: what it measures, in which unit, and how its value is obtained.
 *
 * @param measure for {@link Method#COMPUTED}: the measure the code computes from records
 * @param filterDimension with {@code filterValue}: for a computed indicator that is one cell of its measure (the
 *        communes with an activity <i>on prostitution prevention</i>)
 * @param numerator for {@link Method#RATIO}: the indicators divided, times {@code factor} (100, 1,000, 100,000)
 * @param entryMin for {@link Method#ENTERED}: the smallest and largest value accepted (a rate: 0 and 100)
 * @param entryDimension for an entered indicator that offices also give by one dimension (sex, ...)
 * @param sumsUp for an entered count: a unit without an entry of its own shows the sum of its subdivisions' entries;
 *        entered rates never sum
 * @param source where the indicator comes from (the circular and its annex, a plan's target)
 * @param circular where the indicator stands in Thông tư 13/2021/TT-BLĐTBXH; null when it is not one of the circular's
 * @param waitingForSource a computed indicator whose records are not kept yet (cases): shown as having no source of
 *        data, never as 0
 */
public record Indicator(String code, String domain, int position, String name, String nameEn, String definition,
		String definitionEn, Unit unit, Method method, String measure, String filterDimension, String filterValue,
		String numerator, String denominator, BigDecimal factor, BigDecimal entryMin, BigDecimal entryMax,
		boolean entryRequired, String entryDimension, boolean sumsUp, String source, Circular circular,
		Origin origin, boolean active, boolean waitingForSource, int version) {

	/**
	 * An indicator of Thông tư 13/2021/TT-BLĐTBXH: its annex (I, the situation of children; II, child abuse and the
	 * administrative handling of abuse, whose contents are Annexes III and IV), its group there, its name as the
	 * circular words it, and its code (four digits: the group, then the order in it) where it was checked against the
	 * text; null while it was not.
	 */
	public record Circular(String annex, String group, String code, String name) {

		public boolean codeChecked() {
			return code != null;
		}
	}

	/** The circular's code where it was checked against the text, else null. */
	public String circularCode() {
		return circular == null ? null : circular.code();
	}

	public enum Method {
		COMPUTED, ENTERED, RATIO
	}

	/** What the values count; a PERCENT, PER_1000 or PER_100000 is a rate. */
	public enum Unit {
		COUNT, PERCENT, PER_1000, PER_100000, VND, OTHER;

		public boolean isRate() {
			return this == PERCENT || this == PER_1000 || this == PER_100000;
		}
	}

	/** Whether the entry came with the seed file (updated when the file changes) or from an administrator. */
	public enum Origin {
		SEED, ADMIN
	}

	public String name(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	public String definition(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && definitionEn != null ? definitionEn : definition;
	}
}
