package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.indicators.internal.Measure;
import vn.vongtay.indicators.internal.Measure.Dimension;

/**
 * Every breakdown an indicator page can show is named in words an official reads, in Vietnamese and in English:
 * the breakdown itself ("Theo hình thức xâm hại", never "Theo abuse_form") and each of its values ("Bạo lực", never
 * VIOLENCE; "Tổng đài 111", never HOTLINE_111) — issue 17 §5.
 */
@IntegrationTest
class BreakdownLabelsTests extends IndicatorTestSupport {

	@Autowired
	BreakdownLabels labels;

	@Test
	void everyBreakdownAndEachOfItsValuesHasANameInVietnameseAndEnglish() {
		List<String> unnamed = new ArrayList<>();
		for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
			for (Measure measure : measures.all()) {
				for (Dimension dimension : measure.dimensions()) {
					String name = labels.dimension(dimension.code(), locale);
					if (name.equals(dimension.code())) {
						unnamed.add(locale + " " + measure.code() + " by " + dimension.code());
					}
					for (String value : dimension.values()) {
						String label = labels.value(dimension.code(), value, locale);
						if (label.equals(value) || label.isBlank()) {
							unnamed.add(locale + " " + dimension.code() + "=" + value);
						}
					}
				}
			}
		}
		assertThat(unnamed).as("breakdowns or values shown as codes").isEmpty();
	}

	@Test
	void theFormsOfAbuseAndTheHotlineReadAsOfficialsSayThem() {
		Locale vi = Locale.forLanguageTag("vi");
		assertThat(labels.dimension("abuse_form", vi)).isEqualTo("Hình thức xâm hại");
		assertThat(labels.value("abuse_form", "SEXUAL_ABUSE", vi)).isEqualTo("Xâm hại tình dục");
		assertThat(labels.value("channel", "HOTLINE_111", vi)).isEqualTo("Tổng đài 111");
		assertThat(labels.value("channel", "HOTLINE_111", Locale.ENGLISH)).isEqualTo("The 111 hotline");
	}
}
