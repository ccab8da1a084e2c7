package vn.vongtay.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * Demo outreach work: in Thọ Xuân (Thanh Hóa) the 2024 prostitution-prevention communication in the former communes
 * (a broadcast in 18 of the 30 communes, a school session, a meeting with workers) and two training courses whose
 * officials partly overlap (the district's headcount of officials is the indicators' demo figure), so that the
 * targets 1.1-a and 5.1-a of the seed plan show a value below target; in Tuần Giáo a children's forum with opinions (two answered, one overdue), an
 * Action Month event, and a school session in Quài Tở. Every title says <i>dữ liệu mẫu</i>. Recent dates are counted
 * back from today.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoOutreach implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);
	private static final String DEMO = " (dữ liệu mẫu)";
	private static final LocalDate IN_2024 = LocalDate.of(2024, 12, 31);

	/** The 30 communes and townships of the former district of Thọ Xuân in 2024. */
	private static final List<String> THO_XUAN_COMMUNES = List.of("15493", "15499", "15502", "15505", "15508", "15511",
			"15514", "15517", "15520", "15523", "15526", "15532", "15535", "15538", "15541", "15544", "15547", "15550",
			"15553", "15556", "15559", "15565", "15568", "15571", "15574", "15577", "15583", "15586", "15592", "15598");

	private final JdbcClient jdbc;
	private final Clock clock;

	DemoOutreach(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Person(String name, String position, String agency, String unitCode) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach.activity WHERE title LIKE '%dữ liệu mẫu%')")
			.query(Boolean.class).single();
		if (done || unit("395", IN_2024) == null || unit("03253", LocalDate.now(clock)) == null) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		String culture = "Phòng Văn hóa và Thông tin huyện Thọ Xuân";
		String labour = "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân";

		activity("LOUDSPEAKER_BROADCAST", "Phát thanh tuyên truyền phòng, chống mại dâm trên loa truyền thanh xã, thị trấn" + DEMO,
				"Mỗi tháng hai buổi phát thanh về tác hại của tệ nạn mại dâm và quy định pháp luật.", culture,
				THO_XUAN_COMMUNES.subList(0, 18), IN_2024, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 11, 30),
				"{PROSTITUTION_PREVENTION}", task("tho-xuan-2024", "II.1.2.b"), Map.of("FAMILIES_WITH_CHILDREN", 4200),
				List.of());
		activity("SCHOOL_SESSION", "Ngoại khóa phòng, chống mại dâm và xâm hại tình dục tại trường THPT Lê Lợi" + DEMO, null,
				"Phòng Giáo dục và Đào tạo huyện Thọ Xuân", List.of("15499"), IN_2024, LocalDate.of(2024, 4, 12),
				LocalDate.of(2024, 4, 12), "{CHILD_ABUSE_PREVENTION,PROSTITUTION_PREVENTION}",
				task("tho-xuan-2024", "II.1.2.c"), Map.of("PUPILS_UPPER_SECONDARY", 620, "CHILDREN_16_17", 620,
						"TEACHERS", 35),
				List.of());
		activity("MEETING", "Hội nghị tuyên truyền cho người lao động tại cơ sở kinh doanh dịch vụ và doanh nghiệp" + DEMO,
				null, labour, List.of("15553", "15556", "15544"), IN_2024, LocalDate.of(2024, 6, 20),
				LocalDate.of(2024, 6, 20), "{PROSTITUTION_PREVENTION}", task("tho-xuan-2024", "II.1.2.a"),
				Map.of("PRONE_ESTABLISHMENT_WORKERS", 85, "ENTERPRISE_WORKERS", 240), List.of());
		List<Person> both = List.of(new Person("Lê Văn Thành", "Phó Trưởng phòng", labour, "395"),
				new Person("Đỗ Thị Mai", "Chuyên viên", culture, "395"),
				new Person("Nguyễn Thị Hạnh", "Công chức Văn hóa - Xã hội", null, "15499"));
		activity("TRAINING_COURSE", "Tập huấn nâng cao năng lực phòng, chống mại dâm cho cán bộ huyện, xã đợt 1" + DEMO,
				null, labour, List.of("15499"), IN_2024, LocalDate.of(2024, 5, 14), LocalDate.of(2024, 5, 15),
				"{PROSTITUTION_PREVENTION}", task("tho-xuan-2024", "II.5.2.a"), Map.of(), concat(both, List.of(
						new Person("Trịnh Văn Hải", "Công chức Văn hóa - Xã hội", null, "15553"),
						new Person("Lê Thị Thu Hà", "Công chức Văn hóa - Xã hội", null, "15556"),
						new Person("Hoàng Văn Nam", "Trưởng Công an xã", null, "15505"),
						new Person("Phạm Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ", null, "15544"),
						new Person("Nguyễn Văn Toàn", "Công chức Tư pháp - Hộ tịch", null, "15574"),
						new Person("Lê Thị Nga", "Công chức Văn hóa - Xã hội", null, "15493"),
						new Person("Trần Văn Bình", "Phó Chủ tịch UBND xã", null, "15511"))));
		activity("TRAINING_COURSE", "Tập huấn can thiệp giảm hại, hỗ trợ hòa nhập cộng đồng đợt 2" + DEMO, null, labour,
				List.of("15553"), IN_2024, LocalDate.of(2024, 9, 10), LocalDate.of(2024, 9, 10),
				"{PROSTITUTION_PREVENTION}", task("tho-xuan-2024", "II.5.2.a"), Map.of(), concat(both, List.of(
						new Person("Vũ Thị Hồng", "Công chức Văn hóa - Xã hội", null, "15538"),
						new Person("Lê Văn Quang", "Trưởng Công an xã", null, "15565"),
						new Person("Đặng Thị Huyền", "Cộng tác viên công tác xã hội", null, "15586"))));

		LocalDate forumDay = today.minusDays(60);
		long forum = activity("CHILDREN_FORUM", "Diễn đàn trẻ em xã Tuần Giáo: trẻ em nói về an toàn của mình" + DEMO,
				"Trẻ em các bản nêu ý kiến về đường đến trường, nước sạch, an toàn trên mạng.", "UBND xã Tuần Giáo",
				List.of("03253"), today, forumDay, forumDay, "{CHILD_ABUSE_PREVENTION,CHILD_PARTICIPATION}", null,
				Map.of("CHILDREN_6_10", 20, "CHILDREN_11_15", 45, "TEACHERS", 6), List.of());
		opinion(forum, "Đề nghị lắp đèn chiếu sáng đoạn đường từ bản Chiềng Chung đến trường" + DEMO, "AGE_11_15",
				"FEMALE", "UBND xã Tuần Giáo", forumDay, forumDay.plusDays(30), "UBND xã đã đưa vào kế hoạch lắp đèn quý tới.",
				forumDay.plusDays(21));
		opinion(forum, "Mong có lớp dạy bơi miễn phí trong dịp hè" + DEMO, "AGE_6_10", "MALE", "UBND xã Tuần Giáo",
				forumDay, forumDay.plusDays(30), "Đoàn xã phối hợp tổ chức lớp dạy bơi vào tháng 6.", forumDay.plusDays(25));
		opinion(forum, "Đề nghị công an xã kiểm tra quán điện tử mở khuya gần trường" + DEMO, "AGE_11_15", "MALE",
				"Công an xã Tuần Giáo", forumDay, today.minusDays(10), null, null);
		opinion(forum, "Trạm y tế hướng dẫn bạn gái về sức khỏe tuổi dậy thì" + DEMO, "AGE_11_15", "FEMALE",
				"Trạm Y tế xã Tuần Giáo", forumDay, today.plusDays(20), null, null);
		activity("EVENT", "Tháng hành động vì trẻ em: ngày hội phòng, chống đuối nước" + DEMO, null,
				"Hội Liên hiệp Phụ nữ xã Tuần Giáo", List.of("03253"), today, today.minusDays(30), today.minusDays(30),
				"{DROWNING_PREVENTION,LIFE_SKILLS}", null, Map.of("FAMILIES_WITH_CHILDREN", 150, "CHILDREN_6_10", 120,
						"CHILDREN_11_15", 85),
				List.of());
		activity("SCHOOL_SESSION", "Ngoại khóa an toàn trên môi trường mạng cho học sinh THCS Quài Tở" + DEMO, null,
				"UBND xã Quài Tở", List.of("03295"), today, today.minusDays(15), today.minusDays(15), "{ONLINE_SAFETY}",
				null, Map.of("PUPILS_LOWER_SECONDARY", 210, "CHILDREN_11_15", 210, "TEACHERS", 12), List.of());
		log.info("Demo outreach activities created in Thọ Xuân and Tuần Giáo");
	}

	private static List<Person> concat(List<Person> a, List<Person> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private long activity(String kind, String title, String description, String organiser, List<String> unitCodes,
			LocalDate unitsAsOf, LocalDate started, LocalDate ended, String topics, Long taskId,
			Map<String, Integer> audiences, List<Person> participants) {
		Long firstUnit = unit(unitCodes.get(0), unitsAsOf);
		long id = jdbc.sql("""
				INSERT INTO outreach.activity (kind, title, description, organiser_agency_id, province_code, started_on,
				       ended_on, topics, plan_task_id, recorded_by)
				SELECT :kind, :title, :description, :agency, u.province_code, :started, :ended, CAST(:topics AS text[]),
				       :task, 0
				FROM geography.unit u WHERE u.id = :unit RETURNING id""")
			.param("kind", kind).param("title", title).param("description", description)
			.param("agency", agency(organiser)).param("started", started).param("ended", ended)
			.param("topics", topics).param("task", taskId).param("unit", firstUnit)
			.query(Long.class).single();
		for (String code : unitCodes) {
			jdbc.sql("""
					INSERT INTO outreach.activity_unit (activity_id, unit_id, province_code)
					SELECT :id, u.id, u.province_code FROM geography.unit u WHERE u.id = :unit""")
				.param("id", id).param("unit", unit(code, unitsAsOf)).update();
		}
		audiences.forEach((audience, reached) -> jdbc.sql(
				"INSERT INTO outreach.audience (activity_id, kind, reached) VALUES (:id, :kind, :reached)")
			.param("id", id).param("kind", audience).param("reached", reached).update());
		if (!participants.isEmpty()) {
			jdbc.sql("INSERT INTO outreach.audience (activity_id, kind, reached) VALUES (:id, 'OFFICIALS', :reached)")
				.param("id", id).param("reached", participants.size()).update();
		}
		int position = 0;
		for (Person person : participants) {
			long official = jdbc.sql("""
					INSERT INTO outreach.official (full_name, position, agency_id, unit_id, province_code)
					SELECT :name, :position, :agency, u.id, u.province_code FROM geography.unit u WHERE u.id = :unit
					ON CONFLICT (unit_id, public.vn_fold(full_name), COALESCE(agency_id, 0))
					DO UPDATE SET position = EXCLUDED.position RETURNING id""")
				.param("name", person.name()).param("position", person.position())
				.param("agency", person.agency() == null ? null : agency(person.agency()))
				.param("unit", unit(person.unitCode(), unitsAsOf))
				.query(Long.class).single();
			jdbc.sql("INSERT INTO outreach.participant (activity_id, official_id, position) VALUES (:id, :official, :position)")
				.param("id", id).param("official", official).param("position", position++).update();
		}
		return id;
	}

	private void opinion(long forum, String content, String age, String sex, String agency, LocalDate raised,
			LocalDate due, String answer, LocalDate answeredOn) {
		jdbc.sql("""
				INSERT INTO outreach.opinion (activity_id, unit_id, province_code, content, age_group, sex, raised_on,
				       answering_agency_id, due_on, answer, answered_on)
				SELECT :forum, au.unit_id, au.province_code, :content, :age, :sex, :raised, :agency, :due, :answer, :answeredOn
				FROM outreach.activity_unit au WHERE au.activity_id = :forum LIMIT 1""")
			.param("forum", forum).param("content", content).param("age", age).param("sex", sex)
			.param("raised", raised).param("agency", agency(agency)).param("due", due).param("answer", answer)
			.param("answeredOn", answeredOn)
			.update();
	}

	private Long unit(String code, LocalDate asOf) {
		return jdbc.sql("""
				SELECT id FROM geography.unit u WHERE code = :code
				  AND daterange(u.valid_from, u.valid_to, '[]') @> CAST(:asOf AS date)""")
			.param("code", code).param("asOf", asOf).query(Long.class).optional().orElse(null);
	}

	private Long agency(String name) {
		return jdbc.sql("SELECT id FROM directory.agency WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
			.query(Long.class).optional().orElse(null);
	}

	private Long task(String planKey, String number) {
		return jdbc.sql("""
				SELECT t.id FROM planning.task t JOIN planning.plan p ON p.id = t.plan_id
				WHERE p.key = :plan AND t.number = :number LIMIT 1""")
			.param("plan", planKey).param("number", number).query(Long.class).optional().orElse(null);
	}
}
