package vn.vongtay.childfriendly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The criteria of a decision, with their points and the totals a commune must reach. Whatever could not be checked
 * against the decision's annex is marked {@code confirmed = false}, shown as such and corrected by an administrator.
 */
public record CriteriaSet(long id, String decision, String title, LocalDate issuedOn, LocalDate appliesFrom,
		LocalDate appliesTo, String sourceNote, Map<CommuneCategory, Integer> thresholds, List<Criterion> criteria) {

	public record Criterion(long id, int number, String name, String nameEn, int maxPoints, boolean confirmed,
			String note, int version, List<Item> items) {

		/** The points its items give at most; differs from {@link #maxPoints} only while a correction is half done. */
		public int itemsMaxPoints() {
			return items.stream().mapToInt(Item::maxPoints).sum();
		}
	}

	/**
	 * What a criterion is scored on, the indicators whose figures are its evidence, and the figure at which it earns its
	 * full points ({@code fullPointsAt}, reached when the figure is at least it, or at most it).
	 */
	public record Item(long id, String code, String text, String textEn, int maxPoints, List<String> indicatorCodes,
			BigDecimal fullPointsAt, FullPointsWhen fullPointsWhen, boolean confirmed, String note, int version) {

		/** The full points when the figure reaches the item's mark, else nothing to suggest (the assessor scores it). */
		public Integer suggestedPoints(BigDecimal figure) {
			if (fullPointsAt == null || figure == null) {
				return null;
			}
			int c = figure.compareTo(fullPointsAt);
			boolean reached = fullPointsWhen == FullPointsWhen.AT_LEAST ? c >= 0 : c <= 0;
			return reached ? maxPoints : null;
		}
	}

	public enum FullPointsWhen {
		AT_LEAST, AT_MOST
	}

	public int threshold(CommuneCategory category) {
		return thresholds.get(category);
	}

	public int maxTotal() {
		return criteria.stream().mapToInt(Criterion::itemsMaxPoints).sum();
	}

	/** Whether every criterion, item and total was checked against the decision. */
	public boolean fullyConfirmed() {
		return criteria.stream().allMatch(c -> c.confirmed() && c.items().stream().allMatch(Item::confirmed));
	}
}
