package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.vongtay.children.Sex;
import vn.vongtay.identity.Role;

/**
 * The forms of abuse of the Law on Children (Luật Trẻ em 2016, Art. 4(5)): "bạo lực, bóc lột, xâm hại tình dục, mua
 * bán, bỏ rơi, bỏ mặc trẻ em và các hình thức gây tổn hại khác", each named in Vietnamese and English wherever it is
 * listed, never as a raw code.
 */
class AbuseFormTests {

	@Test
	void theLawsOtherFormsOfHarmAreAFormOfAbuseThatPointsToNoGroupOfSpecialCircumstances() {
		assertThat(AbuseForm.values()).containsExactly(AbuseForm.VIOLENCE, AbuseForm.EXPLOITATION,
				AbuseForm.SEXUAL_ABUSE, AbuseForm.TRAFFICKING, AbuseForm.ABANDONMENT, AbuseForm.NEGLECT,
				AbuseForm.OTHER_HARM);
		assertThat(AbuseForm.OTHER_HARM.circumstanceGroup()).isEmpty();

		CaseFile file = CaseFile.open(new CaseId(1), "HS-03253-2026-0001", new CaseUnit(7, "03253", "11", false),
				new ReportedChild(77L, "Lò Thị Én", Sex.FEMALE, LocalDate.of(2017, 1, 1), false),
				LocalDateTime.of(2026, 11, 30, 9, 0), null, DeadlineTests.NATIONAL, LocalDateTime.of(2026, 11, 30, 9, 0));
		file.classify(new Actor(21L, "Lò Văn Cán bộ", Set.of(Role.CASE_WORKER)),
				new Classification(true, Set.of(AbuseForm.OTHER_HARM), Set.of(), null, null, null),
				LocalDateTime.of(2026, 11, 30, 10, 0));
		assertThat(file.classification().forms()).containsExactly(AbuseForm.OTHER_HARM);
		assertThat(file.groupsPointedTo()).isEmpty();
	}

	@Test
	void everyFormOfAbuseIsNamedInVietnameseAndEnglish() throws IOException {
		// the indicators' breakdown by form reads these same labels (indicators.BreakdownLabels)
		for (String bundle : new String[] { "casework", "casework_en" }) {
			Properties labels = load("i18n/" + bundle + ".properties");
			for (AbuseForm form : AbuseForm.values()) {
				assertThat(labels.getProperty("casework.abuse-form." + form.name())).as("%s in %s", form, bundle)
					.isNotBlank();
			}
		}
		assertThat(load("i18n/casework.properties").getProperty("casework.abuse-form.OTHER_HARM"))
			.isEqualTo("Các hình thức gây tổn hại khác");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(AbuseFormTests.class.getClassLoader().getResourceAsStream(path),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
