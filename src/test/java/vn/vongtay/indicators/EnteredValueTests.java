package vn.vongtay.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.indicators.EnteredValues.Input;
import vn.vongtay.indicators.IndicatorValue.Status;

/**
 * Figures offices enter: validated (a rate stays between 0 and 100, a count is whole), for units within the officer's
 * jurisdiction only, every change kept, locked once a report used them; a missing figure is not reported, not 0.
 */
@IntegrationTest
class EnteredValueTests extends IndicatorTestSupport {

	@Autowired
	EnteredValues entered;

	@Autowired
	MessageSource messages;

	private static final IndicatorPeriod Y2026 = IndicatorPeriod.year(2026);

	private long tuanGiao() {
		return unitId("03253", LocalDate.now());
	}

	private String vietnamese(UserFacingException e) {
		if (!e.problems().isEmpty()) {
			var p = e.problems().get(0);
			return messages.getMessage(p.messageKey(), p.arguments(), VietnameseText.VIETNAMESE);
		}
		return messages.getMessage(e.messageKey(), e.arguments(), VietnameseText.VIETNAMESE);
	}

	@Test
	void aRateOf130PercentIsRefusedWithAClearMessage() {
		UserFacingException e = as("xa.a", () -> {
			try {
				entered.enter(tuanGiao(), Y2026, new Input("FULL_VACCINATION_U1", null, null, "130", null, null));
				return null;
			}
			catch (UserFacingException refused) {
				return refused;
			}
		});
		assertThat(e).isNotNull();
		assertThat(e.status()).isEqualTo(422);
		assertThat(vietnamese(e)).isEqualTo(
				"Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin (%): giá trị 130 không hợp lệ, tỷ lệ phải từ 0 đến 100.");
		assertThat(messages.getMessage(e.problems().get(0).messageKey(), e.problems().get(0).arguments(), Locale.ENGLISH))
			.contains("between 0 and 100");
		assertThat(value("FULL_VACCINATION_U1", tuanGiao(), Y2026).status()).isEqualTo(Status.NOT_REPORTED);
	}

	@Test
	void aFigureForAUnitOutsideTheOfficersJurisdictionIsRefusedWithAClearMessage() throws Exception {
		long quaiTo = unitId("03295", LocalDate.now());
		assertThatThrownBy(() -> as("xa.a", () -> {
			entered.enter(quaiTo, Y2026, new Input("FULL_VACCINATION_U1", null, null, "95", null, null));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> {
			assertThat(e.status()).isEqualTo(403);
			assertThat(vietnamese(e)).isEqualTo(
					"Không thể nhập số liệu cho Xã Quài Tở (03295): đơn vị nằm ngoài phạm vi bạn phụ trách.");
		});
		// and through the API, in both languages
		String body = text(apiPut("xa.a", "/api/v1/indicators/FULL_VACCINATION_U1/values?unit=03295&period=2026",
				"{\"value\":\"95\"}").andExpect(status().isForbidden()));
		assertThat(body).contains("nằm ngoài phạm vi bạn phụ trách").contains("outside your jurisdiction");
	}

	@Test
	void aCountIsAWholeNumberNeverNegativeAndAViewerEntersNothing() {
		assertThatThrownBy(() -> as("xa.a", () -> {
			entered.enter(tuanGiao(), Y2026, new Input("CHILDREN_INJURED", null, null, "2,5", null, null));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(vietnamese(e)).contains("số nguyên"));
		assertThatThrownBy(() -> as("xa.a", () -> {
			entered.enter(tuanGiao(), Y2026, new Input("CHILDREN_INJURED", null, null, "-1", null, null));
			return null;
		})).isInstanceOf(UserFacingException.class);
		assertThatThrownBy(() -> as("lanhdao.dienbien", () -> {
			entered.enter(tuanGiao(), Y2026, new Input("CHILDREN_INJURED", null, null, "1", null, null));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
	}

	@Test
	void everyChangeIsKeptWithWhoAndTheValuesBeforeAndAfter() {
		long unit = tuanGiao();
		IndicatorPeriod period = IndicatorPeriod.parse("2026-Q1");
		as("xa.a", () -> {
			entered.enter(unit, period, new Input("STUNTING_U5", null, null, "12,5", "Số liệu trạm y tế", null));
			return null;
		});
		int version = as("xa.a", () -> entered.of(unit, period)).stream()
			.filter(e -> e.indicatorCode().equals("STUNTING_U5")).findFirst().orElseThrow().version();
		as("xa.a", () -> {
			entered.enter(unit, period, new Input("STUNTING_U5", null, null, "11", "Đã rà soát", version));
			return null;
		});
		// someone who read the first version cannot overwrite the correction
		assertThatThrownBy(() -> as("xa.a", () -> {
			entered.enter(unit, period, new Input("STUNTING_U5", null, null, "10", null, version));
			return null;
		})).isInstanceOf(OptimisticLockingFailureException.class);
		List<EnteredValues.Change> history = as("xa.a", () -> entered.history(unit, period)).stream()
			.filter(c -> c.indicatorCode().equals("STUNTING_U5")).toList();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).action()).isEqualTo("CORRECTED");
		assertThat(history.get(0).oldValue()).isEqualByComparingTo("12.5");
		assertThat(history.get(0).newValue()).isEqualByComparingTo("11");
		assertThat(history.get(0).by()).isEqualTo("Công chức VH-XH xã Tuần Giáo");
		assertThat(history.get(1).action()).isEqualTo("ENTERED");
		assertThat(value("STUNTING_U5", unit, period).value()).isEqualByComparingTo("11");
	}

	@Test
	void aLockedFigureRefusesEditsWithAClearMessage() {
		long unit = tuanGiao();
		IndicatorPeriod period = IndicatorPeriod.parse("2026-H1");
		as("xa.a", () -> {
			entered.enter(unit, period, new Input("PRESCHOOL_5Y_RATE", null, null, "99,5", null, null));
			return null;
		});
		int locked = as("tinh.dienbien", () -> entered.lock(unit, period, List.of("PRESCHOOL_5Y_RATE", "STUNTING_U5"),
				"Báo cáo 6 tháng đầu năm 2026"));
		assertThat(locked).isEqualTo(1);
		int version = as("xa.a", () -> entered.of(unit, period)).get(0).version();
		assertThatThrownBy(() -> as("xa.a", () -> {
			entered.enter(unit, period, new Input("PRESCHOOL_5Y_RATE", null, null, "98", null, version));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> {
			assertThat(e.status()).isEqualTo(409);
			assertThat(vietnamese(e)).contains("đã khóa vì đã dùng trong báo cáo được duyệt (Báo cáo 6 tháng đầu năm 2026)");
		});
		IndicatorValue v = value("PRESCHOOL_5Y_RATE", unit, period);
		assertThat(v.value()).isEqualByComparingTo("99.5");
		assertThat(v.locked()).isTrue();
		assertThat(as("xa.a", () -> entered.history(unit, period))).extracting(EnteredValues.Change::action)
			.contains("LOCKED");
	}

	@Test
	void aReportedZeroIsAValueAndAMissingFigureIsNotReportedEvenInARatio() {
		long unit = unitId("03295", LocalDate.now());
		IndicatorPeriod period = IndicatorPeriod.parse("2026-Q2");
		assertThat(value("CHILDREN_INJURED", unit, period).status()).isEqualTo(Status.NOT_REPORTED);
		assertThat(value("CHILDREN_INJURED", unit, period).value()).isNull();
		IndicatorValue rate = value("INJURY_RATE", unit, period);
		assertThat(rate.value()).isNull();
		assertThat(rate.status()).isEqualTo(Status.NOT_REPORTED);
		as("xa.b", () -> {
			entered.enter(unit, period, new Input("CHILDREN_INJURED", null, null, "0", null, null));
			return null;
		});
		assertThat(value("CHILDREN_INJURED", unit, period).value()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(value("CHILDREN_INJURED", unit, period).status()).isEqualTo(Status.VALUE);
		assertThat(value("INJURY_RATE", unit, period).value()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void enteredCountsSumUpToAUnitWithoutItsOwnEntryAndSayWhichWhileRatesDoNot() {
		IndicatorPeriod period = IndicatorPeriod.parse("2026-Q3");
		long a = tuanGiao();
		long b = unitId("03295", LocalDate.now());
		long province = unitId("11", LocalDate.now());
		as("xa.a", () -> {
			entered.enter(a, period, new Input("CHILDREN_INJURED", null, null, "3", null, null));
			entered.enter(a, period, new Input("UNDERWEIGHT_U5", null, null, "7", null, null));
			return null;
		});
		as("xa.b", () -> {
			entered.enter(b, period, new Input("CHILDREN_INJURED", null, null, "4", null, null));
			return null;
		});
		IndicatorValue sum = value("CHILDREN_INJURED", province, period);
		assertThat(sum.value()).isEqualByComparingTo("7");
		assertThat(sum.entered()).isFalse();
		assertThat(sum.summedFrom()).containsExactlyInAnyOrder("03253", "03295");
		assertThat(value("UNDERWEIGHT_U5", province, period).status()).isEqualTo(Status.NOT_REPORTED);
		// once the province enters its own figure, that is the figure
		as("tinh.dienbien", () -> {
			entered.enter(province, period, new Input("CHILDREN_INJURED", null, null, "9", null, null));
			return null;
		});
		IndicatorValue own = value("CHILDREN_INJURED", province, period);
		assertThat(own.value()).isEqualByComparingTo("9");
		assertThat(own.entered()).isTrue();
	}
}
