package vn.vongtay.prostitution.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.VietnamTime;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * Demo prostitution-prevention work in Thọ Xuân (Thanh Hóa), the locality of the 2024 seed plan (004): the establishments
 * the district listed in January 2024, the district's 178 team of 2024 and the province's team after the reform,
 * inspections under both decrees, tip-offs, and three support records opened since the reform. Every record belongs to
 * the unit that existed on its date (issue 18 §2): what was listed, inspected or received in 2024 to the communes and
 * district of 2024, what came after 01/07/2025 to the communes that continue them, so the figures of 2024 and those of
 * today both count it. Every name says <i>dữ liệu mẫu</i> so nobody takes it for real. Recent dates are counted back from
 * today, so the demo keeps showing current and overdue work.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoProstitutionWork implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProstitutionWork.class);
	private static final String DEMO = " (dữ liệu mẫu)";
	private static final String OFFICER = "Cán bộ Đoàn kiểm tra liên ngành 178" + DEMO;
	/** The district's review of prone establishments for its 2024 plan. */
	private static final LocalDate LISTED = LocalDate.of(2024, 1, 15);

	private final JdbcClient jdbc;
	private final Units units;
	private final Clock clock;

	DemoProstitutionWork(JdbcClient jdbc, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM prostitution.establishment WHERE name LIKE '%dữ liệu mẫu%')")
			.query(Boolean.class).single();
		LocalDate today = LocalDate.now(clock);
		Long district = unit("395", LISTED);
		if (done || district == null || unit("15553", today) == null) {
			return;
		}

		long hotel = establishment("HOTEL", "Khách sạn Sao Vàng Xanh", "15553", "Lê Văn Hùng", "2801234567", 18,
				"OPEN", LocalDate.of(2016, 5, 10), null, "Gần khu công nghiệp, nhiều khách lưu trú ngắn ngày.");
		long guesthouse = establishment("GUESTHOUSE", "Nhà nghỉ Hoa Sữa", "15499", "Nguyễn Thị Lan", "2802345678", 6,
				"OPEN", LocalDate.of(2019, 3, 1), null, null);
		long karaoke = establishment("KARAOKE", "Karaoke Ánh Trăng", "15544", "Trịnh Văn Nam", "2803456789", 12,
				"SUSPENDED", LocalDate.of(2018, 8, 20), null, "Đã bị xử phạt năm 2024; đang tạm dừng hoạt động.");
		long massage = establishment("MASSAGE_SAUNA", "Massage - xông hơi Thảo Mộc", "15574", "Lê Thị Hoa", "2804567890",
				8, "OPEN", LocalDate.of(2021, 11, 15), null, "Có phòng kín; hoạt động đến khuya.");
		establishment("RESTAURANT", "Nhà hàng Sông Chu", "15505", "Phạm Văn Đức", "2805678901", 15, "OPEN",
				LocalDate.of(2015, 1, 5), null, null);
		establishment("GUESTHOUSE", "Nhà nghỉ Bến Xe", "15499", "Hoàng Văn Tú", "2806789012", 4, "CLOSED",
				LocalDate.of(2012, 6, 1), LocalDate.of(2025, 3, 31), null);

		long districtTeam = team("Đoàn kiểm tra liên ngành 178 huyện Thọ Xuân" + DEMO, "1250/QĐ-UBND",
				LocalDate.of(2024, 4, 15), district, List.of(
						new Member("Lê Văn Thành", "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân", "HEAD"),
						new Member("Nguyễn Văn Cường", "Công an huyện Thọ Xuân", "DEPUTY"),
						new Member("Đỗ Thị Mai", "Phòng Văn hóa và Thông tin huyện Thọ Xuân", "MEMBER"),
						new Member("Trần Thị Hằng", "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân", "SECRETARY")));
		long provinceTeam = team("Đoàn kiểm tra liên ngành phòng, chống tệ nạn mại dâm tỉnh Thanh Hóa" + DEMO,
				"3120/QĐ-UBND", LocalDate.of(2025, 8, 20), unit("38", LocalDate.of(2025, 8, 20)), List.of(
						new Member("Lê Thị Thu", "Sở Y tế tỉnh Thanh Hóa", "HEAD"),
						new Member("Hoàng Văn Long", "Công an tỉnh Thanh Hóa", "DEPUTY"),
						new Member("Nguyễn Thị Bích", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa", "MEMBER")));

		inspection(hotel, districtTeam, LocalDate.of(2024, 5, 20), "Cơ sở chấp hành quy định về lưu trú; không phát hiện vi phạm.",
				null, null, null, 0, null, null, null);
		inspection(karaoke, districtTeam, LocalDate.of(2024, 9, 12),
				"Phát hiện khách hàng có hành vi mua dâm tại phòng hát; chủ cơ sở không quản lý người lao động.",
				"Hành vi mua dâm", "khoản 1", "Khách hàng có hành vi mua dâm tại phòng hát số 3", 1_500_000, "FINE",
				"Cơ sở tạm dừng hoạt động, rà soát danh sách người lao động", LocalDate.of(2024, 10, 12));
		LocalDate recent = today.minusDays(75);
		inspection(massage, provinceTeam, recent,
				"Phát hiện nhân viên có hành vi bán dâm; cơ sở không có sổ theo dõi người lao động.",
				"Hành vi bán dâm", "khoản 1", "Nhân viên có hành vi bán dâm tại phòng xông hơi", 0, "WARNING",
				"Kiểm tra lại việc chấp hành, lập sổ theo dõi người lao động", recent.plusDays(30));
		inspection(guesthouse, provinceTeam, today.minusDays(20), "Không phát hiện vi phạm; nhắc nhở ghi sổ lưu trú đầy đủ.",
				null, null, null, 0, null, null, null);

		LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
		tipOff("HOTLINE", "DENUNCIATION", LocalDateTime.of(2024, 3, 2, 9, 30), unit("15556", LocalDate.of(2024, 3, 2)),
				"Phản ánh nghi vấn hoạt động mua bán dâm tại một quán karaoke trên địa bàn thị trấn Lam Sơn" + DEMO,
				"ADMINISTRATIVE", List.of(new Step("VERIFIED", LocalDateTime.of(2024, 3, 4, 14, 0), "Đã xác minh, có cơ sở"),
						new Step("CLASSIFIED", LocalDateTime.of(2024, 3, 5, 8, 0), null),
						new Step("HANDLED", LocalDateTime.of(2024, 3, 20, 16, 0), "Chuyển Đoàn 178 huyện kiểm tra, xử lý")),
				null);
		tipOff("PHONE", "TIP", LocalDateTime.of(2024, 7, 15, 20, 10), unit("15493", LocalDate.of(2024, 7, 15)),
				"Tin báo có người lạ thuê trọ dài ngày nghi môi giới mại dâm" + DEMO, null,
				List.of(new Step("VERIFIED", LocalDateTime.of(2024, 7, 17, 10, 0), "Xác minh: người lao động thời vụ"),
						new Step("CLOSED_UNFOUNDED", LocalDateTime.of(2024, 7, 18, 9, 0), "Không có dấu hiệu vi phạm")),
				null);
		tipOff("ONLINE", "COMPLAINT", now.minusDays(10), unit("15553", today),
				"Phản ánh trên mạng xã hội về quảng cáo dịch vụ \"tươi mát\" tại khách sạn gần khu công nghiệp" + DEMO, null,
				List.of(), 3);
		tipOff("IN_PERSON", "TIP", now.minusDays(1), unit("15499", today),
				"Người dân báo có tụ tập, ra vào bất thường ban đêm tại một nhà nghỉ" + DEMO, null, List.of(), 3);
		tipOff("LETTER", "DENUNCIATION", now.minusDays(30), unit("15574", today),
				"Đơn tố giác chủ cơ sở massage chứa mại dâm" + DEMO, "CRIMINAL",
				List.of(new Step("VERIFIED", now.minusDays(28), "Có dấu hiệu tội phạm"),
						new Step("CLASSIFIED", now.minusDays(27), "Chuyển Công an tỉnh điều tra")),
				20);

		supportRecord("HT-MAUTX001", 1996, "FEMALE", "15499", LocalDate.of(2025, 9, 3), "{HEALTH_CARE,VOCATIONAL_TRAINING}",
				"IN_PROGRESS", List.of(new Service("HEALTH_CARE", today.minusDays(40), "Trạm Y tế xã Thọ Xuân"),
						new Service("VOCATIONAL_TRAINING", today.minusDays(25), "Trung tâm GDNN-GDTX Thọ Xuân")));
		supportRecord("HT-MAUTX002", 1989, "FEMALE", "15553", LocalDate.of(2026, 2, 10), "{LOAN,JOB_PLACEMENT}",
				"NOT_STARTED", List.of());
		supportRecord("HT-MAUTX003", 2001, "FEMALE", "15574", LocalDate.of(2025, 12, 1), "{HIV_STI_PREVENTION,LEGAL_AID}",
				"REINTEGRATED", List.of(new Service("HIV_STI_PREVENTION", today.minusDays(90), "Trung tâm Y tế Thọ Xuân")));
		log.info("Demo prostitution-prevention work created in Thọ Xuân");
	}

	private record Member(String name, String agency, String role) {
	}

	private record Step(String step, LocalDateTime at, String note) {
	}

	private record Service(String kind, LocalDate on, String provider) {
	}

	/** The unit with the code on the date, if the demo localities have it. */
	private Long unit(String code, LocalDate on) {
		return units.findByCode(code, on).filter(u -> u.isValidOn(on)).map(AdministrativeUnit::id).orElse(null);
	}

	private long establishment(String type, String name, String communeCode, String owner, String licence, int workers,
			String status, LocalDate opened, LocalDate closed, String risk) {
		return jdbc.sql("""
				INSERT INTO prostitution.establishment (type, name, address, unit_id, province_code, owner_name,
				       licence_number, registered_workers, status, opened_on, closed_on, risk_notes, created_at)
				SELECT :type, :name, 'Thôn 1, ' || u.full_name, u.id, u.province_code, :owner, :licence, :workers, :status,
				       :opened, :closed, :risk, :listed
				FROM geography.unit u WHERE u.id = :unit RETURNING id""")
			.param("type", type).param("name", name + DEMO).param("owner", owner).param("licence", licence)
			.param("workers", workers).param("status", status).param("opened", opened).param("closed", closed)
			.param("risk", risk).param("unit", unit(communeCode, LISTED))
			.param("listed", zoned(LISTED.atTime(8, 0)))
			.query(Long.class).single();
	}

	private long team(String name, String decision, LocalDate date, Long unitId, List<Member> members) {
		long id = jdbc.sql("""
				INSERT INTO prostitution.inspection_team (name, decision_number, decision_date, unit_id, province_code)
				SELECT :name, :decision, :date, u.id, u.province_code FROM geography.unit u WHERE u.id = :unit RETURNING id""")
			.param("name", name).param("decision", decision).param("date", date).param("unit", unitId)
			.query(Long.class).single();
		for (Member m : members) {
			jdbc.sql("""
					INSERT INTO prostitution.team_member (team_id, person_name, agency_id, role)
					SELECT :team, :name, a.id, :role FROM directory.agency a
					WHERE public.vn_fold(a.name) = public.vn_fold(:agency)
					  AND daterange(a.valid_from, a.valid_to, '[]') @> CAST(:date AS date)
					ORDER BY a.id LIMIT 1""")
				.param("team", id).param("name", m.name()).param("role", m.role()).param("agency", m.agency())
				.param("date", date)
				.update();
		}
		return id;
	}

	private void inspection(long establishment, long team, LocalDate on, String findings, String articleTitle,
			String clause, String description, long fine, String sanction, String followUp, LocalDate due) {
		// the commune of the day: a 2024 inspection in the commune of 2024, a recent one in the commune continuing it
		long listedIn = jdbc.sql("SELECT unit_id FROM prostitution.establishment WHERE id = :id")
			.param("id", establishment).query(Long.class).single();
		AdministrativeUnit unit = units.onDate(listedIn, on).orElseThrow();
		long id = jdbc.sql("""
				INSERT INTO prostitution.inspection (establishment_id, team_id, inspected_on, findings, decree_id, unit_id,
				       province_code, recorded_by, recorded_at)
				SELECT e.id, :team, :on, :findings,
				       (SELECT d.id FROM prostitution.sanctions_decree d
				        WHERE daterange(d.valid_from, d.valid_to, '[]') @> CAST(:on AS date)),
				       :unit, :province, :by, :recorded
				FROM prostitution.establishment e WHERE e.id = :establishment RETURNING id""")
			.param("team", team).param("on", on).param("findings", findings).param("by", OFFICER)
			.param("unit", unit.id()).param("province", unit.provinceCode())
			.param("recorded", zoned(on.atTime(17, 0)))
			.param("establishment", establishment)
			.query(Long.class).single();
		if (articleTitle != null) {
			// The article of the decree in force on the day: a 2024 inspection cites 144/2021, a recent one 282/2025.
			jdbc.sql("""
					INSERT INTO prostitution.violation (inspection_id, article_id, clause, description, sanction, fine_vnd)
					SELECT :id, a.id, :clause, :description, :sanction, :fine
					FROM prostitution.decree_article a JOIN prostitution.inspection i ON i.decree_id = a.decree_id
					WHERE i.id = :id AND a.title = :title""")
				.param("id", id).param("clause", clause).param("description", description).param("sanction", sanction)
				.param("fine", fine).param("title", articleTitle)
				.update();
		}
		if (followUp != null) {
			jdbc.sql("INSERT INTO prostitution.follow_up (inspection_id, action, due_on, done_on) VALUES (:id, :action, :due, :done)")
				.param("id", id).param("action", followUp).param("due", due)
				.param("done", due.getYear() < 2025 ? due.minusDays(2) : null)
				.update();
		}
	}

	private void tipOff(String channel, String kind, LocalDateTime received, Long unitId, String content,
			String classification, List<Step> steps, Integer daysForNext) {
		String step = steps.isEmpty() ? "RECEIVED" : steps.get(steps.size() - 1).step();
		LocalDateTime last = steps.isEmpty() ? received : steps.get(steps.size() - 1).at();
		long id = jdbc.sql("""
				INSERT INTO prostitution.tip_off (channel, kind, received_at, content, unit_id, province_code, step,
				       classification, due_at)
				SELECT :channel, :kind, :received, :content, u.id, u.province_code, :step, :classification, :due
				FROM geography.unit u WHERE u.id = :unit RETURNING id""")
			.param("channel", channel).param("kind", kind).param("received", zoned(received)).param("content", content)
			.param("step", step).param("classification", classification).param("unit", unitId)
			.param("due", daysForNext == null ? null : zoned(last.plusDays(daysForNext)))
			.query(Long.class).single();
		insertStep(id, new Step("RECEIVED", received, null));
		steps.forEach(s -> insertStep(id, s));
	}

	private void insertStep(long tipOff, Step step) {
		jdbc.sql("""
				INSERT INTO prostitution.tip_off_step (tip_off_id, step, taken_at, responsible_name, note)
				VALUES (:id, :step, :at, :name, :note)""")
			.param("id", tipOff).param("step", step.step()).param("at", zoned(step.at())).param("name", OFFICER)
			.param("note", step.note())
			.update();
	}

	private void supportRecord(String code, int birthYear, String sex, String communeCode, LocalDate consent,
			String needs, String status, List<Service> services) {
		long id = jdbc.sql("""
				INSERT INTO prostitution.support_record (code, birth_year, sex, unit_id, province_code, consent_on, needs,
				       reintegration_status, notes)
				SELECT :code, :birthYear, :sex, u.id, u.province_code, :consent, CAST(:needs AS text[]), :status, :notes
				FROM geography.unit u WHERE u.id = :unit RETURNING id""")
			.param("code", code).param("birthYear", birthYear).param("sex", sex)
			.param("unit", unit(communeCode, LocalDate.now(clock)))
			.param("consent", consent).param("needs", needs).param("status", status).param("notes", "Hồ sơ mẫu" + DEMO)
			.query(Long.class).single();
		for (Service s : services) {
			jdbc.sql("""
					INSERT INTO prostitution.support_service (record_id, service, provided_on, provider)
					VALUES (:id, :service, :on, :provider)""")
				.param("id", id).param("service", s.kind()).param("on", s.on().isBefore(consent) ? consent : s.on())
				.param("provider", s.provider())
				.update();
		}
	}

	private static OffsetDateTime zoned(LocalDateTime at) {
		return at.atZone(VietnamTime.ZONE).toOffsetDateTime();
	}
}
