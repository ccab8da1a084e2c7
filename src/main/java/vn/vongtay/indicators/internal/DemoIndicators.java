package vn.vongtay.indicators.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo figures entered for the Thọ Xuân 2024 plan (the district's officials, workers of enterprises, students, the
 * communes with a plan, a pilot model...), so that its targets show what was achieved against them; and the official
 * figures of Bình Long for 2021 that its Tờ trình 87/TTr-UBND states (seed 002, A.I: "Hiện nay thị xã có 15.988 em dưới
 * 16 tuổi, trong đó trẻ em có hoàn cảnh đặc biệt là 118 trẻ em"), which the register, started later, cannot give.
 * Demo profile only, once.
 */
@Component
@Order(95)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoIndicators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);

	private static final Map<String, BigDecimal> THO_XUAN_2024 = Map.of(
			"OFFICIALS_HEADCOUNT", new BigDecimal("150"),
			"ENTERPRISE_WORKERS", new BigDecimal("2400"),
			"UPPER_SECONDARY_STUDENTS", new BigDecimal("3200"),
			"COMMUNES_WITH_PCMD_PLAN", new BigDecimal("30"),
			"COMMUNES_PCMD_INTEGRATED", new BigDecimal("19"),
			"COMMUNES_PILOT_MODEL", new BigDecimal("9"),
			"PROSTITUTION_PROSECUTION_GROWTH", new BigDecimal("6"));

	private final JdbcClient jdbc;

	DemoIndicators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static final String BINH_LONG_DOCUMENT = "Tờ trình số 87/TTr-UBND ngày 11/7/2022 của UBND thị xã Bình Long";

	private static final Map<String, BigDecimal> BINH_LONG_2021 = Map.of(
			"CHILDREN_UNDER_16", new BigDecimal("15988"),
			"CHILDREN_SPECIAL", new BigDecimal("118"));

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		binhLong();
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM indicators.entered_value)").query(Boolean.class).single()) {
			return;
		}
		Long thoXuan = jdbc.sql("SELECT id FROM geography.unit WHERE code = '395' AND valid_to = DATE '2025-06-30'")
			.query(Long.class).optional().orElse(null);
		if (thoXuan == null) {
			return;
		}
		THO_XUAN_2024.forEach((code, value) -> {
			jdbc.sql("""
					INSERT INTO indicators.entered_value (indicator_code, unit_id, period, period_end, value, note,
					       province_code, entered_by)
					VALUES (:code, :unit, '2024', :end, :value, 'Số liệu mẫu (dữ liệu mẫu)', '38', 0)""")
				.param("code", code).param("unit", thoXuan).param("end", LocalDate.of(2024, 12, 31)).param("value", value)
				.update();
			jdbc.sql("""
					INSERT INTO indicators.entered_value_change (indicator_code, unit_id, period, action, new_value, note,
					       changed_by_name)
					VALUES (:code, :unit, '2024', 'ENTERED', :value, 'dữ liệu mẫu', 'demo')""")
				.param("code", code).param("unit", thoXuan).param("value", value).update();
		});
		log.info("Demo figures entered for Thọ Xuân 2024");
	}

	private void binhLong() {
		Long binhLong = jdbc.sql("SELECT id FROM geography.unit WHERE code = '690' AND valid_to = DATE '2025-06-30'")
			.query(Long.class).optional().orElse(null);
		if (binhLong == null) {
			return;
		}
		BINH_LONG_2021.forEach((code, value) -> jdbc.sql("""
				INSERT INTO indicators.official_value (indicator_code, unit_id, period, value, document, note,
				       province_code, entered_by, entered_at)
				VALUES (:code, :unit, '2021', :value, :document, 'Số liệu nền của kế hoạch (dữ liệu mẫu)', '70', 'demo',
				       TIMESTAMPTZ '2022-07-11 00:00+07')
				ON CONFLICT DO NOTHING""")
			.param("code", code).param("unit", binhLong).param("value", value).param("document", BINH_LONG_DOCUMENT)
			.update());
	}
}
