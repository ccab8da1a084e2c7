package vn.vongtay.childfriendly;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vongtay.childfriendly.CriteriaSet.FullPointsWhen;
import vn.vongtay.childfriendly.CriteriaSet.Item;
import vn.vongtay.childfriendly.RecognitionRule.CriterionPoints;
import vn.vongtay.childfriendly.RecognitionRule.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of recognition of QĐ 06/QĐ-TTg (03/01/2019), Điều 3 of its Quy định: all 13 criteria met, none scored
 * 0, and the total at least 900 for the wards of centrally-run cities, 800 for mountain, island and extremely
 * disadvantaged communes, 850 for the others (DOMAIN.md §8). Spring-free.
 */
class RecognitionRuleTests {

	/** Thirteen criteria, each with the given points, the first one adjusted so the total is {@code total}. */
	private static List<CriterionPoints> thirteenTotalling(int total) {
		List<CriterionPoints> points = new ArrayList<>();
		int each = total / 13;
		points.add(new CriterionPoints(1, total - each * 12));
		for (int n = 2; n <= 13; n++) {
			points.add(new CriterionPoints(n, each));
		}
		return points;
	}

	@Test
	void aWardOfACentrallyRunCityIsRecognisedFrom900Points() {
		assertThat(RecognitionRule.evaluate(thirteenTotalling(900), 900).recognisable()).isTrue();
		Outcome short1 = RecognitionRule.evaluate(thirteenTotalling(899), 900);
		assertThat(short1.recognisable()).isFalse();
		assertThat(short1.missing()).isEqualTo(1);
	}

	@Test
	void aMountainIslandOrExtremelyDisadvantagedCommuneIsRecognisedFrom800Points() {
		assertThat(RecognitionRule.evaluate(thirteenTotalling(800), 800).recognisable()).isTrue();
		assertThat(RecognitionRule.evaluate(thirteenTotalling(799), 800).recognisable()).isFalse();
	}

	@Test
	void anyOtherCommuneIsRecognisedFrom850Points() {
		assertThat(RecognitionRule.evaluate(thirteenTotalling(850), 850).recognisable()).isTrue();
		Outcome at849 = RecognitionRule.evaluate(thirteenTotalling(849), 850);
		assertThat(at849.recognisable()).isFalse();
		assertThat(at849.total()).isEqualTo(849);
		// the same 849 points earn recognition in a mountain commune
		assertThat(RecognitionRule.evaluate(thirteenTotalling(849), 800).recognisable()).isTrue();
	}

	@Test
	void aCriterionScoredZeroPreventsRecognitionWhateverTheTotal() {
		List<CriterionPoints> points = new ArrayList<>(thirteenTotalling(960));
		points.set(12, new CriterionPoints(13, 0));
		Outcome outcome = RecognitionRule.evaluate(points, 850);
		assertThat(outcome.total()).isGreaterThanOrEqualTo(850);
		assertThat(outcome.zero()).containsExactly(13);
		assertThat(outcome.recognisable()).isFalse();
	}

	@Test
	void aCriterionNotYetScoredPreventsRecognitionAndIsNamed() {
		List<CriterionPoints> points = new ArrayList<>(thirteenTotalling(1000));
		points.set(4, new CriterionPoints(5, null));
		Outcome outcome = RecognitionRule.evaluate(points, 800);
		assertThat(outcome.unscored()).containsExactly(5);
		assertThat(outcome.recognisable()).isFalse();
	}

	@Test
	void noCriteriaAtAllIsNeverRecognisable() {
		assertThat(RecognitionRule.evaluate(List.of(), 0).recognisable()).isFalse();
	}

	/** Criterion 7: at least 98 % of the children under 1 fully vaccinated earns its points. */
	@Test
	void anItemSuggestsItsFullPointsOnlyWhenTheFigureReachesItsMark() {
		Item vaccination = new Item(1, "7", "Tiêm chủng đầy đủ", "Fully vaccinated", 50, List.of("FULL_VACCINATION_U1"),
				new BigDecimal("98"), FullPointsWhen.AT_LEAST, true, null, 0);
		assertThat(vaccination.suggestedPoints(new BigDecimal("98.0"))).isEqualTo(50);
		assertThat(vaccination.suggestedPoints(new BigDecimal("97.9"))).isNull();
		assertThat(vaccination.suggestedPoints(null)).isNull();

		Item fewInjuries = new Item(2, "5", "Tai nạn", "Injuries", 50, List.of("CHILDREN_INJURED"), BigDecimal.ZERO,
				FullPointsWhen.AT_MOST, false, null, 0);
		assertThat(fewInjuries.suggestedPoints(BigDecimal.ZERO)).isEqualTo(50);
		assertThat(fewInjuries.suggestedPoints(BigDecimal.ONE)).isNull();

		Item scoredByHand = new Item(3, "1.1", "Người làm công tác trẻ em", "Worker", 50, List.of(), null, null, true,
				null, 0);
		assertThat(scoredByHand.suggestedPoints(new BigDecimal("100"))).isNull();
	}
}
