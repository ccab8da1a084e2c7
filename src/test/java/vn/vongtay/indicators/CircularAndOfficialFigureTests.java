package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;

/**
 * Issue 18 §4: every indicator of Thông tư 13/2021/TT-BLĐTBXH says where it stands in the circular, with its code only
 * where the code was checked against the text (Phụ lục II, 0101) and "chưa đối chiếu" otherwise; a computed
 * indicator carries an official figure entered from a document for a period the records do not cover (Bình Long
 * 2021, Tờ trình 87/TTr-UBND: 15.988 children under 16, 118 in special circumstances), shown as the document's.
 */
@IntegrationTest
class CircularAndOfficialFigureTests extends IndicatorTestSupport {

	@Autowired
	OfficialFigures officialFigures;

	@Test
	void everyIndicatorOfTheCircularCarriesItsAnnexAndNameAndOnlyACheckedCode() throws Exception {
		List<Indicator> ofCircular = as("admin", () -> catalogue.list(null)).stream()
			.filter(i -> i.circular() != null).toList();
		assertThat(ofCircular).extracting(Indicator::code).contains("CHILDREN_UNDER_16", "CHILDREN_SPECIAL",
				"CHILDREN_SPECIAL_ASSISTED_RATE", "NEONATAL_MORTALITY", "PRESCHOOL_5Y_RATE", "COMMUNES_WITH_PLAY_POINT_RATE",
				"CHILDREN_CONSULTED_7_PLUS_RATE", "ABUSED_CHILDREN", "ABUSE_INCIDENTS", "ABUSE_PERPETRATORS",
				"ABUSE_ADMIN_SANCTIONS");
		assertThat(ofCircular).allSatisfy(i -> assertThat(i.circular().annex()).isIn("I", "II"));
		assertThat(ofCircular).filteredOn(i -> i.circular().codeChecked()).extracting(Indicator::code,
				i -> i.circular().annex(), Indicator::circularCode, i -> i.circular().name())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ABUSED_CHILDREN", "II", "0101", "Số trẻ em bị xâm hại"));
		String page = pageBody("lanhdao.dienbien", "/indicators");
		assertThat(page).contains("Phụ lục II, mã số 0101: «Số trẻ em bị xâm hại»",
				"Phụ lục I, nhóm III. Bảo vệ trẻ em: «Số lượng, tỷ lệ trẻ em có hoàn cảnh đặc biệt». Mã số: chưa đối chiếu",
				"Không thuộc bộ chỉ tiêu của Thông tư 13/2021").doesNotContain("DOMAIN.md", "IV-0101");
		assertThat(pageBody("tinh.dienbien", "/indicators/ABUSED_CHILDREN?unit=11")).contains("Phụ lục II, mã số 0101");
	}

	@Test
	void binhLongCarriesItsOfficialBaselineOf2021AsTheDocumentsFigure() throws Exception {
		long binhLong = unitId("690", LocalDate.of(2021, 12, 31));
		IndicatorValue children = as("admin", () -> value("CHILDREN_UNDER_16", binhLong, IndicatorPeriod.year(2021)));
		assertThat(children.value()).isEqualByComparingTo("15988");
		assertThat(children.official()).contains("87/TTr-UBND");
		IndicatorValue rate = value("CHILDREN_SPECIAL_RATE", binhLong, IndicatorPeriod.year(2021));
		assertThat(rate.value()).as("118 of 15.988 children").isEqualByComparingTo("0.74");
		assertThat(rate.official()).contains("87/TTr-UBND");
		assertThat(as("admin", () -> value("CHILDREN_UNDER_16", binhLong, IndicatorPeriod.year(2022))).official())
			.as("later years come from the records").isNull();
		assertThat(pageBody("admin", "/indicators/CHILDREN_UNDER_16?unit=690&period=2021"))
			.contains("15.988", "Số liệu chính thức theo Tờ trình số 87/TTr-UBND ngày 11/7/2022");
	}

	@Test
	void theUnitsOfficersRecordAnOfficialFigureWithItsDocumentAndNobodyElseDoes() throws Exception {
		long hongNgu = unitId("870", LocalDate.of(2020, 12, 31));
		as("huyen.hongngu", () -> {
			officialFigures.record("CHILDREN_UNDER_16", hongNgu, "2020", new BigDecimal("31250"),
					"Báo cáo số 12/BC-UBND ngày 15/01/2021 của UBND huyện Hồng Ngự", null, null);
			return null;
		});
		assertThat(as("huyen.hongngu", () -> value("CHILDREN_UNDER_16", hongNgu, IndicatorPeriod.year(2020))).value())
			.isEqualByComparingTo("31250");
		assertThatThrownBy(() -> as("huyen.hongngu", () -> {
			officialFigures.record("CHILDREN_UNDER_16", hongNgu, "2019", new BigDecimal("12.5"), " ", null, null);
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> {
			assertThat(e.status()).isEqualTo(422);
			assertThat(e.problems()).extracting(p -> p.column()).containsExactlyInAnyOrder("value", "document");
		});
		assertThatThrownBy(() -> as("huyen.hongngu", () -> {
			officialFigures.record("FULL_VACCINATION_U1", hongNgu, "2019", new BigDecimal("95"), "Báo cáo", null, null);
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(422));
		for (String outsider : List.of("lanhdao.dienbien", "xa.a")) {
			assertThatThrownBy(() -> as(outsider, () -> {
				officialFigures.record("CHILDREN_UNDER_16", hongNgu, "2019", new BigDecimal("1"), "Báo cáo", null, null);
				return null;
			})).as(outsider).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		}
		apiPut("huyen.hongngu", "/api/v1/indicators/CHILDREN_SPECIAL/official?unit=870&period=2020",
				"{\"value\": 240, \"document\": \"Báo cáo số 12/BC-UBND ngày 15/01/2021\"}")
			.andExpect(status().isOk());
	}
}
