package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.BulkLoad;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;

/**
 * Invented prevention work for national data (benchmarks, a demo at scale), written with COPY: the prone
 * establishments of each commune (more in wards than in rural communes), one interagency team per province, a
 * quarter to a third of the establishments inspected each year with violations checked against the sanctions decree
 * in force on the day and their follow-ups, and tip-offs through their steps with the deadlines of
 * {@link TipOffDeadlines}. Deterministic: the same seed, commune and date give the same records.
 * <p>
 * Every record belongs to the unit that existed on its date (issue 18 §2): for a commune formed in the 2025 reform,
 * what happened before it was formed is written in one of the communes it continues (and the team of that time's
 * province), so the figures of the former tree count it and the commune's own figures still do, summed over its
 * lineage. An establishment belongs to the commune of the day it was listed.
 */
@Component
public class PreventionGenerator {

	/** What to generate: over how many years before {@code asOf}. */
	public record Request(long seed, int years, LocalDate asOf) {
	}

	/** What was written. */
	public record Generated(int establishments, int inspections, int violations, int tipOffs) {

		public Generated plus(Generated other) {
			return new Generated(establishments + other.establishments, inspections + other.inspections,
					violations + other.violations, tipOffs + other.tipOffs);
		}
	}

	private static final EstablishmentType[] TYPES = { EstablishmentType.KARAOKE, EstablishmentType.KARAOKE,
			EstablishmentType.GUESTHOUSE, EstablishmentType.GUESTHOUSE, EstablishmentType.HOTEL,
			EstablishmentType.MASSAGE_SAUNA, EstablishmentType.RESTAURANT, EstablishmentType.DANCE_HALL };
	private static final Map<EstablishmentType, String> PREFIX = Map.of(EstablishmentType.KARAOKE, "Karaoke",
			EstablishmentType.GUESTHOUSE, "Nhà nghỉ", EstablishmentType.HOTEL, "Khách sạn", EstablishmentType.MASSAGE_SAUNA,
			"Massage - xông hơi", EstablishmentType.RESTAURANT, "Nhà hàng", EstablishmentType.DANCE_HALL, "Vũ trường",
			EstablishmentType.OTHER, "Cơ sở");
	private static final String[] NAMES = { "Hoa Hồng", "Bình Minh", "Sao Mai", "Thiên Đường", "Phương Nam", "Hương Sen",
			"Ánh Dương", "Biển Xanh", "Hoàng Gia", "Sông Hồng", "Trăng Vàng", "Ngọc Lan" };
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;
	private final BulkLoad bulk;
	private final Units units;
	private final TipOffDeadlines deadlines;

	PreventionGenerator(JdbcClient jdbc, DataSource dataSource, Units units, TipOffDeadlines deadlines) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.units = units;
		this.deadlines = deadlines;
	}

	/**
	 * Creates the interagency team of each province (once), its members from the province's agencies given. A province
	 * formed after {@code decidedOn} gets its team on the day it was formed, and each province it continues a team
	 * decided on {@code decidedOn}, for the work done before.
	 *
	 * @param agencies by province id, the agencies whose officers sit on the team (the first leads it)
	 * @return by province id (those given and those they continue), the team's id
	 */
	@Transactional
	public Map<Long, Long> teams(Map<Long, List<Long>> agencies, LocalDate decidedOn) {
		Map<Long, Long> teams = new HashMap<>();
		List<AdministrativeUnit> provinces = units.findAllById(agencies.keySet());
		Map<Long, List<AdministrativeUnit>> before = units.lineageOn(agencies.keySet(), decidedOn);
		for (AdministrativeUnit province : provinces) {
			team(province, province.isValidOn(decidedOn) ? decidedOn : province.validFrom(), agencies.get(province.id()),
					teams);
			for (AdministrativeUnit former : before.get(province.id())) {
				if (former.id() != province.id()) {
					team(former, decidedOn, agencies.get(province.id()), teams);
				}
			}
		}
		return teams;
	}

	private void team(AdministrativeUnit province, LocalDate decidedOn, List<Long> members, Map<Long, Long> teams) {
		if (teams.containsKey(province.id())) {
			return;
		}
		Long existing = jdbc.sql("SELECT id FROM prostitution.inspection_team WHERE unit_id = :unit ORDER BY id LIMIT 1")
			.param("unit", province.id()).query(Long.class).optional().orElse(null);
		if (existing != null) {
			teams.put(province.id(), existing);
			return;
		}
		long id = jdbc.sql("""
				INSERT INTO prostitution.inspection_team (name, decision_number, decision_date, unit_id, province_code)
				VALUES (:name, :number, :date, :unit, :province) RETURNING id""")
			.param("name", "Đoàn kiểm tra liên ngành 178 " + province.fullName().toLowerCase().charAt(0)
					+ province.fullName().substring(1))
			.param("number", (100 + Math.abs(province.code().hashCode()) % 800) + "/QĐ-UBND")
			.param("date", decidedOn).param("unit", province.id()).param("province", province.provinceCode())
			.query(Long.class).single();
		String[] roles = { "HEAD", "DEPUTY", "MEMBER", "MEMBER", "SECRETARY" };
		for (int i = 0; i < members.size(); i++) {
			jdbc.sql("""
					INSERT INTO prostitution.team_member (team_id, person_name, agency_id, role)
					VALUES (:team, :name, :agency, :role)""")
				.param("team", id).param("name", NAMES[i % NAMES.length].split(" ")[0] + " Văn " + (char) ('A' + i))
				.param("agency", members.get(i)).param("role", roles[Math.min(i, roles.length - 1)]).update();
		}
		teams.put(province.id(), id);
	}

	/** Generates the establishments, inspections and tip-offs of the communes, in one transaction. */
	@Transactional
	public Generated generate(Request request, List<Long> communeIds, Map<Long, Long> teamOfProvince) {
		record Article(long id, long decreeId, Long fineMin, Long fineMax) {
		}
		record Decree(long id, LocalDate from, LocalDate to) {
		}
		List<Decree> decrees = jdbc.sql("SELECT id, valid_from, valid_to FROM prostitution.sanctions_decree")
			.query((rs, n) -> new Decree(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list();
		Map<Long, List<Article>> articles = new HashMap<>();
		jdbc.sql("SELECT id, decree_id, fine_min_vnd, fine_max_vnd FROM prostitution.decree_article ORDER BY id")
			.query(rs -> {
				articles.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
					.add(new Article(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4)));
			});
		StringBuilder establishments = new StringBuilder();
		StringBuilder inspections = new StringBuilder();
		StringBuilder violations = new StringBuilder();
		StringBuilder followUps = new StringBuilder();
		StringBuilder tipOffs = new StringBuilder();
		StringBuilder tipOffSteps = new StringBuilder();
		int establishmentCount = 0;
		int inspectionCount = 0;
		int violationCount = 0;
		int tipOffCount = 0;
		LocalDate asOf = request.asOf();
		List<AdministrativeUnit> communes = units.findAllById(communeIds);
		// the communes each commune continues, as they were the day before it was formed
		Map<Long, List<AdministrativeUnit>> formerOf = new HashMap<>();
		communes.stream().filter(c -> c.validFrom() != null)
			.collect(Collectors.groupingBy(AdministrativeUnit::validFrom,
					Collectors.mapping(AdministrativeUnit::id, Collectors.toList())))
			.forEach((formed, ids) -> formerOf.putAll(units.lineageOn(ids, formed.minusDays(1))));
		Map<Long, Long> provinceOf = provinceOf(communes, formerOf);
		for (AdministrativeUnit commune : communes) {
			SplittableRandom random = new SplittableRandom(request.seed() * 104_729L + commune.code().hashCode());
			List<AdministrativeUnit> former = formerOf.getOrDefault(commune.id(), List.of());
			// where something of that day in this commune's area happened: the commune, or one of those it continues
			Function<LocalDate, AdministrativeUnit> unitOn = day -> commune.isValidOn(day)
					|| former.isEmpty() ? commune : former.get(random.nextInt(former.size()));
			boolean ward = commune.fullName().startsWith("Phường");
			int count = ward ? 3 + random.nextInt(8) : random.nextInt(100) < 60 ? random.nextInt(4) : 0;
			List<Long> ids = bulk.ids("prostitution.establishment", count);
			for (int e = 0; e < count; e++) {
				long id = ids.get(e);
				EstablishmentType type = TYPES[random.nextInt(TYPES.length)];
				LocalDate opened = asOf.minusDays(200 + random.nextInt(3000));
				boolean closed = random.nextInt(100) < 8;
				LocalDate closedOn = closed ? asOf.minusDays(random.nextInt(150)) : null;
				LocalDate listed = opened.plusDays(random.nextInt(90));
				AdministrativeUnit listedIn = unitOn.apply(listed);
				BulkLoad.csv(establishments, id, type.name(), PREFIX.get(type) + " " + NAMES[random.nextInt(NAMES.length)],
						"Số " + (1 + random.nextInt(300)) + ", " + listedIn.fullName(), listedIn.id(),
						listedIn.provinceCode(), "Chủ cơ sở " + (e + 1), "GP-" + commune.code() + "-" + (e + 1),
						2 + random.nextInt(25), closed ? "CLOSED" : random.nextInt(100) < 3 ? "SUSPENDED" : "OPEN", opened,
						closedOn, null, listed.atTime(8, 0).atZone(VIETNAM).toOffsetDateTime());
				establishmentCount++;
				for (int year = 0; year < request.years(); year++) {
					if (random.nextInt(100) >= 30) {
						continue;
					}
					LocalDate on = asOf.minusDays(365L * year + random.nextInt(365));
					if (on.isBefore(opened) || closedOn != null && on.isAfter(closedOn)) {
						continue;
					}
					AdministrativeUnit unit = listedIn.isValidOn(on) ? listedIn : unitOn.apply(on);
					Long team = teamOfProvince.get(provinceOf.get(unit.id()));
					if (team == null) {
						continue;
					}
					Decree decree = decrees.stream().filter(d -> !on.isBefore(d.from()) && (d.to() == null || !on.isAfter(d.to())))
						.findFirst().orElse(null);
					long inspectionId = bulk.ids("prostitution.inspection", 1).get(0);
					boolean violated = decree != null && random.nextInt(100) < 12;
					BulkLoad.csv(inspections, inspectionId, id, team, on,
							violated ? "Phát hiện vi phạm, lập biên bản" : "Không phát hiện vi phạm",
							decree == null ? null : decree.id(), unit.id(), unit.provinceCode(), "Đoàn 178",
							on.atTime(17, 0).atZone(VIETNAM).toOffsetDateTime());
					inspectionCount++;
					if (violated) {
						List<Article> choices = articles.get(decree.id());
						Article article = choices.get(random.nextInt(choices.size()));
						boolean fine = article.fineMin() != null;
						BulkLoad.csv(violations, inspectionId, article.id(), "Khoản 1", "Vi phạm quy định về phòng, chống mại dâm",
								fine ? "FINE" : "WARNING", fine ? article.fineMin() : 0);
						LocalDate due = on.plusDays(30);
						BulkLoad.csv(followUps, inspectionId, "Kiểm tra lại việc khắc phục vi phạm", due,
								!due.isAfter(asOf) && random.nextInt(100) < 75 ? due.minusDays(random.nextInt(10)) : null);
						violationCount++;
					}
				}
			}
			for (int year = 0; year < request.years(); year++) {
				if (random.nextInt(100) >= (ward ? 40 : 8)) {
					continue;
				}
				LocalDateTime received = asOf.atTime(9, 0).minusDays(365L * year + random.nextInt(365))
					.plusMinutes(random.nextInt(600));
				long tipOffId = bulk.ids("prostitution.tip_off", 1).get(0);
				TipOffStep step = TipOffStep.RECEIVED;
				LocalDateTime at = received;
				BulkLoad.csv(tipOffSteps, tipOffId, step.name(), zoned(at), null, "Cán bộ tiếp nhận", null);
				boolean unfounded = random.nextInt(100) < 30;
				TipOffStep[] path = unfounded ? new TipOffStep[] { TipOffStep.VERIFIED, TipOffStep.CLOSED_UNFOUNDED }
						: new TipOffStep[] { TipOffStep.VERIFIED, TipOffStep.CLASSIFIED, TipOffStep.HANDLED };
				for (TipOffStep next : path) {
					int allowed = deadlines.daysAfter(step);
					LocalDateTime nextAt = at.plusHours(random.nextInt(100) < 85 ? 4 + random.nextInt(allowed * 24 - 4)
							: allowed * 24 + 1 + random.nextInt(240));
					if (nextAt.toLocalDate().isAfter(asOf) || random.nextInt(100) < 5) {
						break;
					}
					step = next;
					at = nextAt;
					BulkLoad.csv(tipOffSteps, tipOffId, step.name(), zoned(at), null, "Đoàn 178", null);
				}
				int allowed = deadlines.daysAfter(step);
				AdministrativeUnit unit = unitOn.apply(received.toLocalDate());
				BulkLoad.csv(tipOffs, tipOffId, random.nextBoolean() ? "PHONE" : "HOTLINE",
						random.nextInt(4) == 0 ? "DENUNCIATION" : "TIP", zoned(received),
						"Phản ánh có dấu hiệu hoạt động mại dâm tại địa bàn", unit.id(), unit.provinceCode(),
						ids.isEmpty() ? null : ids.get(random.nextInt(ids.size())), step.name(),
						step == TipOffStep.CLASSIFIED || step == TipOffStep.HANDLED ? "ADMINISTRATIVE" : null,
						allowed == 0 ? null : zoned(at.plusDays(allowed)));
				tipOffCount++;
			}
		}
		bulk.copyWithIds("prostitution.establishment (id, type, name, address, unit_id, province_code, owner_name, "
				+ "licence_number, registered_workers, status, opened_on, closed_on, risk_notes, created_at)", establishments);
		bulk.copyWithIds("prostitution.inspection (id, establishment_id, team_id, inspected_on, findings, decree_id, "
				+ "unit_id, province_code, recorded_by, recorded_at)", inspections);
		bulk.copy("prostitution.violation (inspection_id, article_id, clause, description, sanction, fine_vnd)", violations);
		bulk.copy("prostitution.follow_up (inspection_id, action, due_on, done_on)", followUps);
		bulk.copyWithIds("prostitution.tip_off (id, channel, kind, received_at, content, unit_id, province_code, "
				+ "establishment_id, step, classification, due_at)", tipOffs);
		bulk.copy("prostitution.tip_off_step (tip_off_id, step, taken_at, responsible_id, responsible_name, note)",
				tipOffSteps);
		return new Generated(establishmentCount, inspectionCount, violationCount, tipOffCount);
	}

	/** By unit id, the id of the province the unit lies in, for the communes and the communes they continue. */
	private Map<Long, Long> provinceOf(List<AdministrativeUnit> communes, Map<Long, List<AdministrativeUnit>> formerOf) {
		List<Long> ids = new ArrayList<>(communes.stream().map(AdministrativeUnit::id).toList());
		formerOf.values().forEach(former -> former.forEach(f -> ids.add(f.id())));
		Map<Long, Long> provinces = new HashMap<>();
		if (ids.isEmpty()) {
			return provinces;
		}
		jdbc.sql("""
				WITH RECURSIVE up(start_id, id, level) AS (
				  SELECT u.id, u.id, u.level FROM geography.unit u WHERE u.id IN (:ids)
				  UNION ALL
				  SELECT up.start_id, p.id, p.level FROM up JOIN geography.unit c ON c.id = up.id
				  JOIN geography.unit p ON p.id = c.parent_id WHERE up.level <> 'PROVINCE')
				SELECT start_id, id FROM up WHERE level = 'PROVINCE'""")
			.param("ids", ids)
			.query(rs -> {
				provinces.put(rs.getLong(1), rs.getLong(2));
			});
		return provinces;
	}

	private static java.time.OffsetDateTime zoned(LocalDateTime at) {
		return at.atZone(VIETNAM).toOffsetDateTime();
	}
}
