package vn.vongtay.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.BulkLoad;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * Fills communes with plausible, entirely invented children, for the demo and for benchmarks. Deterministic: the same
 * seed and commune give the same children whatever else is generated. Per commune: villages, households of one to
 * three children with a caregiver, ages 0-15, the ethnic mix of the province (Tày and Nùng in Cao Bằng, Thái and Mông
 * in Điện Biên, Kinh with Mường and Thái in Thanh Hóa, ...) with the family names of each people, about 6.7% of children
 * in a group of special circumstances (mostly disability, then poverty with serious illness, no one to rely on, school
 * drop-out), about 3% flagged at risk, identification numbers for most, and supports (allowances, scholarships, cards,
 * gifts) over the last two years.
 *
 * <p>A record belongs to the unit that existed on its date (issue 18 §2; decision 0001): a child of a commune of 2025
 * lived, before 01/07/2025, in one of the communes it continues, so their residence runs through the units of its
 * lineage, one per period of the tree (each village of today lay in one former commune), and a support given before
 * the reform is recorded by the commune of that day.
 */
@Component
public class RegisterGenerator {

	/** How the demo and benchmarks ask for children. */
	public record Request(long seed, int childrenPerCommune, LocalDate asOf) {
	}

	private static final String[] KINH_FAMILY = { "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
			"Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh",
			"Trịnh", "Mai", "Tô", "Cao", "Lương", "Đoàn" };
	private static final String[] MALE_MIDDLE = { "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Gia",
			"Anh", "Hoàng", "Tuấn" };
	private static final String[] FEMALE_MIDDLE = { "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Bảo", "Khánh",
			"Hồng", "Mai", "Minh", "Hoài" };
	private static final String[] MALE_GIVEN = { "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu",
			"Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phát", "Phong",
			"Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
			"Vinh", "Vũ" };
	private static final String[] FEMALE_GIVEN = { "An", "Anh", "Ánh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà",
			"Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc",
			"Nhi", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thu", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy",
			"Yến" };

	private record People(String code, String[] families, String maleMiddle, String femaleMiddle) {
	}

	private static final Map<String, People> PEOPLES = Map.of(
			"01", new People("01", KINH_FAMILY, null, null),
			"02", new People("02", new String[] { "Hoàng", "Nông", "Lương", "Đàm", "Lục", "Bế", "Hà", "Ma", "Triệu" }, null, null),
			"07", new People("07", new String[] { "Hoàng", "Nông", "Lương", "Vi", "Lục", "Chu", "Mã", "Lý" }, null, null),
			"03", new People("03", new String[] { "Lò", "Quàng", "Cà", "Lường", "Tòng", "Điêu", "Lừ" }, null, null),
			"08", new People("08", new String[] { "Giàng", "Sùng", "Vàng", "Lầu", "Thào", "Mùa", "Hờ", "Lý" }, "A", "Thị"),
			"09", new People("09", new String[] { "Triệu", "Bàn", "Lý", "Đặng", "Chảo" }, "Văn", "Thị"),
			"06", new People("06", new String[] { "Bùi", "Đinh", "Quách", "Hà", "Phạm" }, null, null),
			"29", new People("29", new String[] { "Lò", "Vi", "Cầm", "Quàng" }, null, null),
			"22", new People("22", new String[] { "Điểu", "Thị", "Lâm" }, null, null),
			"05", new People("05", new String[] { "Thạch", "Sơn", "Danh", "Kim", "Lâm" }, null, null));

	/** Ethnic mix by province code (new codes), in per mille; the rest are Kinh. */
	private static final Map<String, int[][]> MIX = Map.of(
			"04", new int[][] { { 2, 410 }, { 7, 310 }, { 8, 100 }, { 9, 100 } },
			"11", new int[][] { { 3, 380 }, { 8, 350 }, { 29, 30 } },
			"38", new int[][] { { 6, 90 }, { 3, 60 } },
			"75", new int[][] { { 22, 50 }, { 5, 20 }, { 2, 10 }, { 7, 10 } },
			"82", new int[][] { { 5, 5 } });

	/** Groups by per mille of the children in special circumstances (disability first, as in the national figures). */
	private static final String[] GROUPS = { "d", "d", "d", "d", "d", "d", "d", "d", "n", "n", "n", "c", "c", "c", "h",
			"h", "a", "i", "k", "l", "e", "b", "đ", "g" };

	private final JdbcClient jdbc;
	private final BulkLoad bulk;
	private final Units units;

	RegisterGenerator(JdbcClient jdbc, DataSource dataSource, Units units) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.units = units;
	}

	/**
	 * A period of a commune's history in which the tree did not change, from {@code from} to {@code to} (open when
	 * null), and the units of its lineage that existed then.
	 */
	private record Period(LocalDate from, LocalDate to, List<Long> unitIds) {

		/** The unit of the period where a place (a village, by its index) lay. */
		long unitOf(int place) {
			return unitIds.get(place % unitIds.size());
		}
	}

	/**
	 * The periods of a commune's lineage, oldest first: a boundary at each day a unit of the lineage began, back through
	 * every reform the commune continues; the last period, open, is the commune itself (a commune split in 2025 among
	 * several keeps its children, open, until an officer says where each went: README, child register).
	 */
	private List<Period> periods(long communeId) {
		List<LocalDate> boundaries = jdbc.sql("""
				WITH RECURSIVE walk(id) AS (
				  SELECT CAST(:id AS bigint)
				  UNION
				  SELECT s.predecessor_id FROM walk w JOIN geography.succession s ON s.successor_id = w.id)
				SELECT DISTINCT u.valid_from FROM walk w JOIN geography.unit u ON u.id = w.id
				WHERE u.valid_from IS NOT NULL ORDER BY 1""")
			.param("id", communeId)
			.query(LocalDate.class)
			.list();
		List<Period> periods = new ArrayList<>();
		LocalDate from = null;
		for (int i = 0; i <= boundaries.size(); i++) {
			LocalDate to = i < boundaries.size() ? boundaries.get(i).minusDays(1) : null;
			LocalDate day = to != null ? to : from;
			List<Long> ids = day == null ? List.of(communeId)
					: units.lineageOn(List.of(communeId), day).get(communeId).stream().map(AdministrativeUnit::id).toList();
			// a lineage with no unit on that day (a gap in the tree) leaves the place to the commune of today
			periods.add(new Period(from, to, ids.isEmpty() ? List.of(communeId) : ids));
			from = to == null ? null : to.plusDays(1);
		}
		return periods;
	}

	/** The unit where a place lay on a day. */
	private static long unitOn(List<Period> periods, int place, LocalDate day) {
		for (Period period : periods) {
			if (period.to() == null || !day.isAfter(period.to())) {
				return period.unitOf(place);
			}
		}
		throw new IllegalStateException("the last period is open");
	}

	/**
	 * Generates children in the current communes whose ids are given, in one transaction.
	 *
	 * @return how many children were generated
	 */
	@Transactional
	public int generate(Request request, List<Long> communeIds) {
		record Commune(long id, String code, String provinceCode) {
		}
		List<Commune> communes = new ArrayList<>();
		jdbc.sql("SELECT id, code, province_code FROM geography.unit WHERE id IN (:ids) ORDER BY code")
			.param("ids", communeIds)
			.query(rs -> {
				communes.add(new Commune(rs.getLong("id"), rs.getString("code"), rs.getString("province_code")));
			});
		// identification numbers continue after those already in the register, so that no two people share one
		Map<String, Integer> pidCounters = new HashMap<>();
		jdbc.sql("SELECT left(personal_id, 6) AS prefix, max(CAST(right(personal_id, 6) AS int)) AS last FROM children.child "
				+ "WHERE personal_id IS NOT NULL GROUP BY 1")
			.query(rs -> {
				pidCounters.put(rs.getString("prefix"), rs.getInt("last"));
			});
		int total = 0;
		for (Commune commune : communes) {
			total += generateCommune(request, commune.id(), commune.code(), commune.provinceCode(), pidCounters);
		}
		return total;
	}

	/** A child of the register as the generators of other modules need it: to report on, to open a case for. */
	public record Generated(long id, long unitId, String fullName, Sex sex, LocalDate birthDate, boolean birthDateEstimated,
			Long householdId) {
	}

	/**
	 * The children of the communes, in the order of their ids (for a generator, not for people: no jurisdiction, no
	 * audit), so that other modules generate records about children who exist.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Generated>> childrenOf(List<Long> communeIds) {
		Map<Long, List<Generated>> found = new HashMap<>();
		if (communeIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT id, unit_id, full_name, sex, birth_date, birth_date_estimated, household_id FROM children.child
				WHERE unit_id IN (:ids) ORDER BY id""")
			.param("ids", communeIds)
			.query(rs -> {
				found.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
					.add(new Generated(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("full_name"),
							Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
							rs.getBoolean("birth_date_estimated"), (Long) rs.getObject("household_id")));
			});
		return found;
	}

	private int generateCommune(Request request, long unitId, String code, String provinceCode,
			Map<String, Integer> pidCounters) {
		SplittableRandom random = new SplittableRandom(request.seed() * 1_000_003L + code.hashCode());
		int count = request.childrenPerCommune();
		boolean mountain = MIX.containsKey(provinceCode) && MIX.get(provinceCode)[0][1] > 200;
		int villages = 4 + random.nextInt(9);
		List<Long> villageIds = new ArrayList<>();
		for (int v = 1; v <= villages; v++) {
			String name = mountain ? "Bản " + MOUNTAIN_VILLAGES[(v + code.hashCode() & 0x7fffffff) % MOUNTAIN_VILLAGES.length]
					+ (v > MOUNTAIN_VILLAGES.length ? " " + v : "") : "Thôn " + v;
			villageIds.add(jdbc.sql("""
					INSERT INTO children.village (unit_id, name) VALUES (:unit, :name)
					ON CONFLICT (unit_id, public.vn_fold(name)) DO UPDATE SET name = children.village.name RETURNING id""")
				.param("unit", unitId).param("name", name).query(Long.class).single());
		}
		List<Period> periods = periods(unitId);
		List<Long> childIds = bulk.ids("children.child", count);
		List<Long> householdIds = bulk.ids("children.household", count);
		StringBuilder households = new StringBuilder();
		StringBuilder caregivers = new StringBuilder();
		StringBuilder children = new StringBuilder();
		StringBuilder residences = new StringBuilder();
		StringBuilder circumstances = new StringBuilder();
		StringBuilder supports = new StringBuilder();
		LocalDate asOf = request.asOf();
		int made = 0;
		int household = 0;
		while (made < count) {
			long householdId = householdIds.get(household++);
			int place = random.nextInt(villageIds.size());
			long villageId = villageIds.get(place);
			People people = people(provinceCode, random);
			String family = pick(people.families(), random);
			int siblings = Math.min(count - made, 1 + random.nextInt(3));
			boolean poor = random.nextInt(100) < (mountain ? 25 : 6);
			BulkLoad.csv(households, householdId, unitId, provinceCode, villageId, poor ? "POOR" : null);
			String caregiverFamily = random.nextBoolean() ? family : pick(people.families(), random);
			boolean mother = random.nextInt(100) < 70;
			String caregiver = caregiverFamily + " " + middle(people, !mother, random) + " "
					+ pick(mother ? FEMALE_GIVEN : MALE_GIVEN, random);
			BulkLoad.csv(caregivers, householdId, caregiver, mother ? "Mẹ" : "Cha", "09" + (10_000_000 + random.nextInt(89_999_999)), true);
			for (int s = 0; s < siblings; s++, made++) {
				long childId = childIds.get(made);
				boolean male = random.nextBoolean();
				String given = pick(male ? MALE_GIVEN : FEMALE_GIVEN, random);
				String fullName = family + " " + middle(people, male, random) + " " + given;
				LocalDate born = asOf.minusDays(1 + random.nextInt(16 * 365 - 2));
				boolean estimated = random.nextInt(200) == 0;
				if (estimated) {
					born = LocalDate.of(born.getYear(), 1, 1);
				}
				String pid = random.nextInt(100) < 72 ? pid(provinceCode, male, born, pidCounters) : null;
				BulkLoad.csv(children, childId, fullName, given, family, male ? "MALE" : "FEMALE", born, estimated,
						people.code(), pid, unitId, provinceCode,
						villageId, householdId, null, null, null);
				residences(residences, childId, born, place, periods);
				if (random.nextInt(1000) < 67) {
					String group = pick(GROUPS, random);
					LocalDate from = born.isAfter(asOf.minusYears(3)) ? born : asOf.minusDays(30 + random.nextInt(1000));
					BulkLoad.csv(circumstances, childId, group, false, from, "Biên bản xác minh của UBND xã (dữ liệu mẫu)");
					supportsFor(supports, childId, day -> unitOn(periods, place, day), provinceCode, group, asOf, random);
				}
				else if (random.nextInt(1000) < 30) {
					BulkLoad.csv(circumstances, childId, pick(new String[] { "i", "k", "h", "l" }, random), true,
							asOf.minusDays(random.nextInt(400)), "Rà soát của cộng tác viên (dữ liệu mẫu)");
				}
				if (random.nextInt(100) < 5) {
					LocalDate awarded = asOf.minusDays(random.nextInt(700));
					BulkLoad.csv(supports, childId, unitOn(periods, place, awarded), provinceCode, "SCHOLARSHIP",
							500_000L * (1 + random.nextInt(4)), awarded, "DONOR");
				}
			}
		}
		bulk.copy("children.household (id, unit_id, province_code, village_id, poverty_status)", households);
		bulk.copy("children.caregiver (household_id, full_name, relationship, phone, is_primary)", caregivers);
		bulk.copy("""
				children.child (id, full_name, given_name, family_name, sex, birth_date, birth_date_estimated, ethnicity_code,
				personal_id, unit_id, province_code, village_id, household_id, notes, created_by, import_id)""", children);
		bulk.copy("children.residence (child_id, unit_id, from_date, to_date, reason, recorded_by)", residences);
		bulk.copy("children.circumstance (child_id, group_code, at_risk, from_date, evidence)", circumstances);
		bulk.copy("children.support (child_id, unit_id, province_code, kind, amount_vnd, given_on, source)", supports);
		return made;
	}

	private static final String[] MOUNTAIN_VILLAGES = { "Nà Sáng", "Pác Nặm", "Khuổi Lừa", "Nà Tồng", "Phiêng Pẻn",
			"Huổi Lốt", "Co Đứa", "Nậm Mu", "Hua Nạ", "Pá Khôm", "Lũng Pảng", "Nà Lạn" };

	/**
	 * Where a child born on {@code born} in a place of the commune lived: from birth in the unit of each period of the
	 * tree, the first registered, the next ones continuing it (LINEAGE), the last open.
	 */
	private static void residences(StringBuilder residences, long childId, LocalDate born, int place,
			List<Period> periods) {
		Long unit = null;
		LocalDate from = null;
		for (Period period : periods) {
			if (period.to() != null && period.to().isBefore(born)) {
				continue;
			}
			long here = period.unitOf(place);
			if (unit != null && unit == here) {
				continue;
			}
			if (unit != null) {
				BulkLoad.csv(residences, childId, unit, from, period.from().minusDays(1),
						from.equals(born) ? "REGISTERED" : "LINEAGE", null);
			}
			unit = here;
			from = period.from() == null || period.from().isBefore(born) ? born : period.from();
		}
		BulkLoad.csv(residences, childId, unit, from, null, from.equals(born) ? "REGISTERED" : "LINEAGE", null);
	}

	/** Supports of a child in a group, each recorded by the commune where the child lived on its day. */
	private static void supportsFor(StringBuilder supports, long childId, Function<LocalDate, Long> unitOn,
			String provinceCode, String group, LocalDate asOf, SplittableRandom random) {
		if (group.equals("a") || group.equals("b") || group.equals("c") || group.equals("d") || group.equals("đ")
				|| group.equals("n")) {
			// the monthly social allowance, recorded once per quarter for the last year
			for (int q = 0; q < 4; q++) {
				LocalDate given = asOf.minusMonths(3L * q + 1);
				BulkLoad.csv(supports, childId, unitOn.apply(given), provinceCode, "MONTHLY_ALLOWANCE", 3 * 540_000L,
						given, "STATE_BUDGET");
			}
			LocalDate card = asOf.minusDays(random.nextInt(365));
			BulkLoad.csv(supports, childId, unitOn.apply(card), provinceCode, "HEALTH_INSURANCE_CARD", null, card,
					"STATE_BUDGET");
		}
		if (random.nextInt(100) < 60) {
			LocalDate gift = LocalDate.of(asOf.getYear() - random.nextInt(2), 6, 1);
			BulkLoad.csv(supports, childId, unitOn.apply(gift), provinceCode, "GIFT", 200_000L + 100_000L * random.nextInt(4),
					gift, "CHILD_PROTECTION_FUND");
		}
	}

	private static People people(String provinceCode, SplittableRandom random) {
		int[][] mix = MIX.getOrDefault(provinceCode, new int[0][]);
		int roll = random.nextInt(1000);
		int cumulative = 0;
		for (int[] share : mix) {
			cumulative += share[1];
			if (roll < cumulative) {
				return PEOPLES.get(String.format("%02d", share[0]));
			}
		}
		return PEOPLES.get("01");
	}

	private static String middle(People people, boolean male, SplittableRandom random) {
		String fixed = male ? people.maleMiddle() : people.femaleMiddle();
		return fixed != null ? fixed : pick(male ? MALE_MIDDLE : FEMALE_MIDDLE, random);
	}

	/**
	 * A number that agrees with sex and year of birth: the province digits, the century-and-sex digit, the year, and a
	 * running number so that no two generated children share one.
	 */
	private static String pid(String provinceCode, boolean male, LocalDate born, Map<String, Integer> counters) {
		int century = (born.getYear() - 1900) / 100;
		String prefix = String.format("%03d%d%02d", Integer.parseInt(provinceCode), century * 2 + (male ? 0 : 1),
				born.getYear() % 100);
		int next = counters.merge(prefix, 1, Integer::sum);
		return prefix + String.format("%06d", next);
	}

	private static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}
}
