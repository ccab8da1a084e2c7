package vn.vongtay.childfriendly;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a commune's scores earn recognition (QĐ 06/QĐ-TTg, the conditions of recognition): every one of the criteria
 * is met (scored), none scores 0, and the total reaches the threshold of the commune's kind (900 for the wards of
 * centrally-run cities, 800 for mountain, island and extremely disadvantaged communes, 850 for the others).
 */
public final class RecognitionRule {

	private RecognitionRule() {
	}

	/** The points of one criterion: {@code null} while not (fully) scored. */
	public record CriterionPoints(int number, Integer points) {
	}

	/**
	 * @param unscored the criteria without points yet
	 * @param zero the criteria scored 0
	 */
	public record Outcome(int total, int threshold, List<Integer> unscored, List<Integer> zero, boolean recognisable) {

		public int missing() {
			return Math.max(0, threshold - total);
		}
	}

	public static Outcome evaluate(List<CriterionPoints> criteria, int threshold) {
		int total = 0;
		List<Integer> unscored = new ArrayList<>();
		List<Integer> zero = new ArrayList<>();
		for (CriterionPoints c : criteria) {
			if (c.points() == null) {
				unscored.add(c.number());
			}
			else if (c.points() == 0) {
				zero.add(c.number());
			}
			else {
				total += c.points();
			}
		}
		boolean recognisable = !criteria.isEmpty() && unscored.isEmpty() && zero.isEmpty() && total >= threshold;
		return new Outcome(total, threshold, List.copyOf(unscored), List.copyOf(zero), recognisable);
	}
}
