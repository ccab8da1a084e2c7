package vn.vongtay.childfriendly.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

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
 * Demo child-friendly assessments in Tuần Giáo (Điện Biên), for {@code xa.b} and {@code tinh.dienbien}: the former Xã
 * Tỏa Tình recognised for 2024 (a mountain commune, 930 of the 800 points it needed; decision of the former district),
 * and today's Xã Quài Tở, formed from it in 2025, with its own 2025 assessment submitted and waiting for the province's
 * review. Written as rows, as the other demo data is; the indicators count the recognition when they recount at start.
 */
@Component
@Order(47)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoChildFriendly implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoChildFriendly.class);

	/** The points the demo communes gave themselves below the most, by item code; every other item at its most. */
	private static final Map<String, Integer> POINTS_OFF_2024 = Map.of("1.4", 10, "3", 20, "8", 15, "11", 25);

	private static final Map<String, Integer> POINTS_OFF_2025 = Map.of("1.4", 20, "5", 10, "13", 15);

	private final JdbcClient jdbc;

	DemoChildFriendly(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Account(long id, String name) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM childfriendly.assessment)").query(Boolean.class).single();
		Optional<Long> set = jdbc.sql("SELECT id FROM childfriendly.criteria_set WHERE decision = '06/QĐ-TTg'")
			.query(Long.class).optional();
		Optional<Account> commune = account("xa.b");
		Optional<Account> province = account("tinh.dienbien");
		Optional<Long> toaTinh = unit("03280", LocalDate.of(2024, 12, 31));
		Optional<Long> quaiTo = unit("03295", LocalDate.of(2025, 12, 31));
		if (done || set.isEmpty() || commune.isEmpty() || province.isEmpty() || toaTinh.isEmpty() || quaiTo.isEmpty()) {
			return;
		}
		long recognised = assessment(toaTinh.get(), 2024, set.get(), "MOUNTAIN_ISLAND_DISADVANTAGED", commune.get(),
				POINTS_OFF_2024);
		jdbc.sql("UPDATE childfriendly.assessment_item SET reviewed_points = self_points WHERE assessment_id = :id")
			.param("id", recognised).update();
		jdbc.sql("""
				UPDATE childfriendly.assessment SET status = 'RECOGNISED', reviewed_total = self_total,
				       review_comment = 'Đã thẩm định tại xã, đồng ý với kết quả tự đánh giá (dữ liệu mẫu)',
				       decision_number = '215/QĐ-UBND', decision_date = DATE '2025-01-20',
				       decision_signer = 'Chủ tịch UBND huyện Tuần Giáo'
				WHERE id = :id""")
			.param("id", recognised).update();
		step(recognised, "SUBMITTED", null, commune.get(), "2024-12-10");
		step(recognised, "REVIEWED", "Đã thẩm định tại xã (dữ liệu mẫu)", province.get(), "2025-01-08");
		step(recognised, "RECOGNISED", "215/QĐ-UBND 20/01/2025", province.get(), "2025-01-20");

		long submitted = assessment(quaiTo.get(), 2025, set.get(), "MOUNTAIN_ISLAND_DISADVANTAGED", commune.get(),
				POINTS_OFF_2025);
		jdbc.sql("UPDATE childfriendly.assessment SET status = 'SUBMITTED' WHERE id = :id").param("id", submitted)
			.update();
		step(submitted, "SUBMITTED", null, commune.get(), "2025-12-05");
		log.info("Demo child-friendly assessments: Tỏa Tình 2024 recognised, Quài Tở 2025 submitted");
	}

	private long assessment(long unitId, int year, long setId, String category, Account by, Map<String, Integer> off) {
		long id = jdbc.sql("""
				INSERT INTO childfriendly.assessment (unit_id, province_code, year, set_id, category, status, created_by)
				SELECT u.id, u.province_code, :year, :set, :category, 'DRAFT', :by FROM geography.unit u WHERE u.id = :unit
				RETURNING id""")
			.param("year", year).param("set", setId).param("category", category).param("by", by.id())
			.param("unit", unitId)
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO childfriendly.assessment_item (assessment_id, item_id, max_points, self_points, evidence)
				SELECT :id, i.id, i.max_points, i.max_points - COALESCE(CAST(CAST(:off AS jsonb) ->> i.code AS int), 0),
				       'Biên bản tự đánh giá của Ban bảo vệ trẻ em xã (dữ liệu mẫu)'
				FROM childfriendly.criterion_item i JOIN childfriendly.criterion c ON c.id = i.criterion_id
				WHERE c.set_id = :set""")
			.param("id", id).param("set", setId).param("off", json(off))
			.update();
		jdbc.sql("""
				UPDATE childfriendly.assessment a SET self_total =
				  (SELECT sum(self_points) FROM childfriendly.assessment_item WHERE assessment_id = a.id) WHERE a.id = :id""")
			.param("id", id).update();
		step(id, "STARTED", null, by, (year == 2024 ? "2024-11-15" : "2025-11-20"));
		step(id, "SCORED", null, by, (year == 2024 ? "2024-12-02" : "2025-12-01"));
		return id;
	}

	private static String json(Map<String, Integer> off) {
		StringBuilder s = new StringBuilder("{");
		off.forEach((code, points) -> s.append(s.length() > 1 ? "," : "").append('"').append(code).append("\":")
			.append(points));
		return s.append('}').toString();
	}

	private void step(long id, String action, String comment, Account by, String day) {
		jdbc.sql("""
				INSERT INTO childfriendly.assessment_step (assessment_id, action, comment, by_user, by_name, at)
				VALUES (:id, :action, :comment, :by, :name, CAST(:day AS date) + time '09:00')""")
			.param("id", id).param("action", action).param("comment", comment).param("by", by.id())
			.param("name", by.name()).param("day", day)
			.update();
	}

	private Optional<Account> account(String username) {
		return jdbc.sql("SELECT id, display_name FROM identity.app_user WHERE username = :u").param("u", username)
			.query((rs, n) -> new Account(rs.getLong("id"), rs.getString("display_name"))).optional();
	}

	private Optional<Long> unit(String code, LocalDate on) {
		return jdbc.sql("""
				SELECT id FROM geography.unit WHERE code = :code AND level = 'COMMUNE'
				  AND daterange(valid_from, valid_to, '[]') @> CAST(:day AS date)""")
			.param("code", code).param("day", on).query(Long.class).optional();
	}
}
