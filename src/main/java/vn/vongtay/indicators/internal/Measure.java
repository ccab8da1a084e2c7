package vn.vongtay.indicators.internal;

import java.util.List;

/**
 * A quantity the code knows how to compute, which catalogue entries of method COMPUTED name.
 *
 * <ul>
 * <li>{@code STOCK}: how many (or how much) at a date; kept as deltas by month.</li>
 * <li>{@code FLOW}: added up over a period (reports received, supports given, fines).</li>
 * <li>{@code DISTINCT}: how many records had at least one event in the period (establishments inspected at least
 * once), each record counted once per period and per unit however many events it had.</li>
 * <li>{@code DURING}: how many records were present at some time in the period: the stock {@link #stock} at its end
 * plus the departures {@link #exits} during it (children in special circumstances during the year). Not for the
 * years of a plan.</li>
 * <li>{@code COMMUNES}: the communes of the unit on the period's last day.</li>
 * <li>{@code COMMUNES_WITH}: of those, the communes where the DISTINCT measure {@link #of} is above zero in the
 * period.</li>
 * </ul>
 *
 * @param privacy whether the figure counts people, and whose: small counts are then hidden from readers without access
 *        to those people's records
 * @param dimensions the breakdowns kept, one at a time
 * @param source the record source that provides it ({@code null} for those computed from units alone)
 */
public record Measure(String code, Kind kind, Privacy privacy, List<Dimension> dimensions, String stock,
		String exits, String of, String source) {

	/**
	 * Whose records a count counts: nobody's (establishments, activities, money), children's (hidden below the threshold
	 * from readers without access to the register), or people served by social services (hidden from anyone outside
	 * them, as the prostitution module does).
	 */
	public enum Privacy {
		NONE, CHILDREN, SOCIAL_SERVICES;

		public Privacy and(Privacy other) {
			return other.ordinal() > ordinal() ? other : this;
		}
	}

	public enum Kind {
		STOCK, FLOW, DISTINCT, DURING, COMMUNES, COMMUNES_WITH
	}

	/**
	 * A breakdown and its values in the order they are shown; {@code open} when the values are whatever the records
	 * hold (ethnic groups), shown only where they occur.
	 */
	public record Dimension(String code, List<String> values, boolean open) {

		public static Dimension of(String code, String... values) {
			return new Dimension(code, List.of(values), false);
		}

		public static Dimension open(String code) {
			return new Dimension(code, List.of(), true);
		}
	}

	public static Measure stock(String source, String code, Privacy privacy, Dimension... dimensions) {
		return new Measure(code, Kind.STOCK, privacy, List.of(dimensions), null, null, null, source);
	}

	public static Measure flow(String source, String code, Privacy privacy, Dimension... dimensions) {
		return new Measure(code, Kind.FLOW, privacy, List.of(dimensions), null, null, null, source);
	}

	public static Measure distinct(String source, String code, Privacy privacy, Dimension... dimensions) {
		return new Measure(code, Kind.DISTINCT, privacy, List.of(dimensions), null, null, null, source);
	}

	/** Present at some time in the period: {@code stock} at its end plus {@code exits} during it. */
	public static Measure during(String source, String code, String stock, String exits, Privacy privacy,
			Dimension... dimensions) {
		return new Measure(code, Kind.DURING, privacy, List.of(dimensions), stock, exits, null, source);
	}

	public static Measure communesWith(String source, String code, String of, Dimension... dimensions) {
		return new Measure(code, Kind.COMMUNES_WITH, Privacy.NONE, List.of(dimensions), null, null, of, source);
	}

	public Dimension dimension(String code) {
		return dimensions.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
	}

	/** Whether the measure is read from the tallies of a period's bucket rather than summed up to a date. */
	public boolean readByPeriod() {
		return kind == Kind.FLOW || kind == Kind.DISTINCT;
	}
}
