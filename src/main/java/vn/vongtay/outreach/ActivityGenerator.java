package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.children.RegisterCounts;
import vn.vongtay.core.BulkLoad;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * Invented communication and training work for national data (benchmarks, a demo at scale), written with COPY: two to
 * five activities per commune and year (broadcasts, meetings, school sessions, campaigns, now and then a training
 * course with the officials trained by name or a children's forum with the opinions raised and their answers). The
 * children and families reached never exceed what the register holds there on the day, the rule the activity log
 * enforces: they are bounded by the counts at the start of the activity's year, which only grow through the year
 * since the register holds no one aged 16 or more. Deterministic: the same seed, commune and date give the same
 * activities.
 */
@Component
public class ActivityGenerator {

	/** What to generate: over how many years before {@code asOf}. */
	public record Request(long seed, int years, LocalDate asOf) {
	}

	/** What was written. */
	public record Generated(int activities, int officialsTrained, int opinions) {

		public Generated plus(Generated other) {
			return new Generated(activities + other.activities, officialsTrained + other.officialsTrained,
					opinions + other.opinions);
		}
	}

	private static final ActivityKind[] KINDS = { ActivityKind.LOUDSPEAKER_BROADCAST, ActivityKind.LOUDSPEAKER_BROADCAST,
			ActivityKind.MEETING, ActivityKind.MEETING, ActivityKind.SCHOOL_SESSION, ActivityKind.SCHOOL_SESSION,
			ActivityKind.COMMUNICATION_CAMPAIGN, ActivityKind.LEAFLETS, ActivityKind.TRAINING_COURSE,
			ActivityKind.CHILDREN_FORUM };
	private static final Topic[] TOPICS = { Topic.CHILD_ABUSE_PREVENTION, Topic.CHILD_ABUSE_PREVENTION,
			Topic.DROWNING_PREVENTION, Topic.ONLINE_SAFETY, Topic.LIFE_SKILLS, Topic.CHILD_RIGHTS,
			Topic.PROSTITUTION_PREVENTION, Topic.TRAFFICKING_PREVENTION };
	private static final Map<ActivityKind, String> TITLES = Map.of(ActivityKind.LOUDSPEAKER_BROADCAST,
			"Tuyên truyền trên hệ thống loa truyền thanh", ActivityKind.MEETING, "Họp thôn lồng ghép tuyên truyền",
			ActivityKind.SCHOOL_SESSION, "Sinh hoạt chuyên đề tại trường học", ActivityKind.COMMUNICATION_CAMPAIGN,
			"Chiến dịch truyền thông Tháng hành động vì trẻ em", ActivityKind.LEAFLETS, "Phát tờ rơi",
			ActivityKind.TRAINING_COURSE, "Tập huấn nghiệp vụ bảo vệ trẻ em", ActivityKind.CHILDREN_FORUM,
			"Diễn đàn trẻ em");
	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi" };
	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga" };

	private final JdbcClient jdbc;
	private final BulkLoad bulk;
	private final Units units;
	private final RegisterCounts register;

	ActivityGenerator(JdbcClient jdbc, DataSource dataSource, Units units, RegisterCounts register) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.units = units;
		this.register = register;
	}

	/**
	 * Generates the activities of the communes, in one transaction.
	 *
	 * @param recordedBy by commune id, the user who recorded its activities
	 * @param answeringAgency by commune id, the agency that answers children's opinions
	 */
	@Transactional
	public Generated generate(Request request, List<Long> communeIds, Map<Long, Long> recordedBy,
			Map<Long, Long> answeringAgency) {
		StringBuilder activities = new StringBuilder();
		StringBuilder places = new StringBuilder();
		StringBuilder audiences = new StringBuilder();
		StringBuilder officials = new StringBuilder();
		StringBuilder participants = new StringBuilder();
		StringBuilder opinions = new StringBuilder();
		int activityCount = 0;
		int trained = 0;
		int opinionCount = 0;
		List<Map<Long, long[]>> countsOfYear = new ArrayList<>();
		for (int year = 0; year < request.years(); year++) {
			countsOfYear.add(register.byUnit(communeIds, request.asOf().minusDays(365L * (year + 1)), 11, 15));
		}
		for (AdministrativeUnit commune : units.findAllById(communeIds)) {
			SplittableRandom random = new SplittableRandom(request.seed() * 15_485_863L + commune.code().hashCode());
			List<Long> officialIds = new ArrayList<>();
			for (int year = 0; year < request.years(); year++) {
				int count = 2 + random.nextInt(4);
				List<Long> ids = bulk.ids("outreach.activity", count);
				for (int a = 0; a < count; a++) {
					long id = ids.get(a);
					ActivityKind kind = KINDS[random.nextInt(KINDS.length)];
					LocalDate started = request.asOf().minusDays(365L * year + random.nextInt(365));
					LocalDate ended = kind == ActivityKind.COMMUNICATION_CAMPAIGN || kind == ActivityKind.TRAINING_COURSE
							? started.plusDays(1 + random.nextInt(3)) : started;
					if (ended.isAfter(request.asOf())) {
						ended = request.asOf();
					}
					Set<Topic> topics = EnumSet.of(TOPICS[random.nextInt(TOPICS.length)]);
					if (random.nextInt(3) == 0) {
						topics.add(TOPICS[random.nextInt(TOPICS.length)]);
					}
					BulkLoad.csv(activities, id, kind.name(), TITLES.get(kind) + " năm " + started.getYear(), null, null,
							commune.provinceCode(), started, ended,
							"{" + topics.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}",
							recordedBy.get(commune.id()), ended.atTime(17, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
								.toOffsetDateTime());
					BulkLoad.csv(places, id, commune.id(), commune.provinceCode());
					Map<AudienceKind, Integer> reached = new EnumMap<>(AudienceKind.class);
					long[] counts = countsOfYear.get(year).getOrDefault(commune.id(), new long[2]);
					switch (kind) {
						case LOUDSPEAKER_BROADCAST, MEETING, LEAFLETS, COMMUNICATION_CAMPAIGN -> {
							long families = counts[1];
							if (families > 0) {
								reached.put(AudienceKind.FAMILIES_WITH_CHILDREN, (int) (families * (10 + random.nextInt(60)) / 100));
							}
						}
						case SCHOOL_SESSION -> {
							reached.put(AudienceKind.PUPILS_PRIMARY, 20 + random.nextInt(200));
							reached.put(AudienceKind.PUPILS_LOWER_SECONDARY, 20 + random.nextInt(150));
							reached.put(AudienceKind.TEACHERS, 2 + random.nextInt(20));
						}
						case TRAINING_COURSE -> reached.put(AudienceKind.OFFICIALS, 5 + random.nextInt(20));
						case CHILDREN_FORUM -> {
							long children = counts[0];
							if (children > 0) {
								reached.put(AudienceKind.CHILDREN_11_15, (int) Math.max(1, children * (5 + random.nextInt(30)) / 100));
							}
						}
						default -> {
						}
					}
					reached.forEach((audience, people) -> BulkLoad.csv(audiences, id, audience.name(), people));
					if (kind == ActivityKind.TRAINING_COURSE) {
						if (officialIds.isEmpty()) {
							List<Long> made = bulk.ids("outreach.official", 8);
							for (int o = 0; o < made.size(); o++) {
								BulkLoad.csv(officials, made.get(o), FAMILY[o % FAMILY.length] + " Thị " + GIVEN[(o * 3) % GIVEN.length],
										o == 0 ? "Công chức văn hóa - xã hội" : "Cộng tác viên thôn", null, commune.id(),
										commune.provinceCode());
							}
							officialIds.addAll(made);
						}
						int position = 0;
						for (Long official : officialIds) {
							if (random.nextInt(100) < 60) {
								BulkLoad.csv(participants, id, official, position++);
								trained++;
							}
						}
					}
					Long agency = answeringAgency.get(commune.id());
					if (kind.hearsChildren() && agency != null) {
						int raised = 1 + random.nextInt(3);
						for (int o = 0; o < raised; o++) {
							LocalDate due = ended.plusDays(30);
							boolean answered = !due.isAfter(request.asOf()) ? random.nextInt(100) < 80 : random.nextInt(100) < 30;
							LocalDate answeredOn = answered ? ended.plusDays(3 + random.nextInt(27)) : null;
							if (answeredOn != null && answeredOn.isAfter(request.asOf())) {
								answeredOn = null;
							}
							BulkLoad.csv(opinions, id, commune.id(), commune.provinceCode(),
									"Đề nghị làm rào chắn ao hồ gần trường học", AgeGroup.AGE_11_15.name(),
									random.nextBoolean() ? Sex.FEMALE.name() : Sex.MALE.name(), ended, agency, due,
									answeredOn == null ? null : "Đã chỉ đạo khắc phục", answeredOn);
							opinionCount++;
						}
					}
					activityCount++;
				}
			}
		}
		bulk.copyWithIds("outreach.activity (id, kind, title, description, organiser_agency_id, province_code, "
				+ "started_on, ended_on, topics, recorded_by, recorded_at)", activities);
		bulk.copy("outreach.activity_unit (activity_id, unit_id, province_code)", places);
		bulk.copy("outreach.audience (activity_id, kind, reached)", audiences);
		bulk.copyWithIds("outreach.official (id, full_name, position, agency_id, unit_id, province_code)", officials);
		bulk.copy("outreach.participant (activity_id, official_id, position)", participants);
		bulk.copy("outreach.opinion (activity_id, unit_id, province_code, content, age_group, sex, raised_on, "
				+ "answering_agency_id, due_on, answer, answered_on)", opinions);
		return new Generated(activityCount, trained, opinionCount);
	}

}
