package vn.vongtay.outreach;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the statistics of outreach are made of: per activity its kind, topics, dates, the units where it took place,
 * the audiences reached and the officials who attended; per official (a person trained) their unit and the courses they
 * attended; per child's opinion its unit, age group, sex and dates. No names, titles or content. The indicators module
 * counts from these facts, so these reads are not restricted to a jurisdiction.
 */
@Component
@Transactional(readOnly = true)
public class OutreachFacts {

	public record ActivityFacts(long activityId, ActivityKind kind, Set<Topic> topics, LocalDate startedOn,
			LocalDate endedOn, List<Long> unitIds, Map<AudienceKind, Integer> audiences, List<Long> officialIds) {
	}

	/** A person trained, in the unit they work in, with the training courses they attended. */
	public record OfficialFacts(long officialId, long unitId, List<Training> trainings) {
	}

	public record Training(long activityId, LocalDate endedOn, Set<Topic> topics) {
	}

	public record OpinionFacts(long opinionId, long unitId, AgeGroup ageGroup, Sex sex, LocalDate raisedOn,
			LocalDate answeredOn) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	OutreachFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- activities

	public Map<Long, ActivityFacts> activities(Collection<Long> ids) {
		Map<Long, ActivityFacts> found = new HashMap<>();
		chunks(ids, chunk -> activities("a.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.activityId(), f)));
		return found;
	}

	public long activityCount() {
		return jdbc.sql("SELECT count(*) FROM outreach.activity").query(Long.class).single();
	}

	public void forEachActivities(int batchSize, Consumer<List<ActivityFacts>> batch) {
		batches("outreach.activity", batchSize,
				(first, last) -> batch.accept(activities("a.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<ActivityFacts> activities(String condition, Map<String, ?> parameters) {
		String of = " IN (SELECT a.id FROM outreach.activity a WHERE " + condition + ")";
		Map<Long, List<Long>> places = new HashMap<>();
		jdbc.sql("SELECT activity_id, unit_id FROM outreach.activity_unit WHERE activity_id" + of + " ORDER BY activity_id, unit_id")
			.params(parameters)
			.query(rs -> {
				places.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(rs.getLong("unit_id"));
			});
		Map<Long, Map<AudienceKind, Integer>> audiences = new HashMap<>();
		jdbc.sql("SELECT activity_id, kind, reached FROM outreach.audience WHERE activity_id" + of + " ORDER BY activity_id, kind")
			.params(parameters)
			.query(rs -> {
				audiences.computeIfAbsent(rs.getLong("activity_id"), k -> new EnumMap<>(AudienceKind.class))
					.put(AudienceKind.valueOf(rs.getString("kind")), rs.getInt("reached"));
			});
		Map<Long, List<Long>> officials = new HashMap<>();
		jdbc.sql("SELECT activity_id, official_id FROM outreach.participant WHERE activity_id" + of
				+ " ORDER BY activity_id, official_id")
			.params(parameters)
			.query(rs -> {
				officials.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(rs.getLong("official_id"));
			});
		return jdbc.sql("SELECT a.id, a.kind, a.topics, a.started_on, a.ended_on FROM outreach.activity a WHERE " + condition
				+ " ORDER BY a.id")
			.params(parameters)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				return new ActivityFacts(id, ActivityKind.valueOf(rs.getString("kind")), topics(rs.getArray("topics")),
						rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
						places.getOrDefault(id, List.of()), audiences.getOrDefault(id, Map.of()),
						officials.getOrDefault(id, List.of()));
			})
			.list();
	}

	// --- officials

	public Map<Long, OfficialFacts> officials(Collection<Long> ids) {
		Map<Long, OfficialFacts> found = new HashMap<>();
		chunks(ids, chunk -> officials("o.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.officialId(), f)));
		return found;
	}

	public long officialCount() {
		return jdbc.sql("SELECT count(*) FROM outreach.official").query(Long.class).single();
	}

	public void forEachOfficials(int batchSize, Consumer<List<OfficialFacts>> batch) {
		batches("outreach.official", batchSize,
				(first, last) -> batch.accept(officials("o.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<OfficialFacts> officials(String condition, Map<String, ?> parameters) {
		Map<Long, List<Training>> trainings = new HashMap<>();
		jdbc.sql("""
				SELECT p.official_id, a.id, a.ended_on, a.topics FROM outreach.participant p
				JOIN outreach.activity a ON a.id = p.activity_id
				WHERE a.kind = 'TRAINING_COURSE' AND p.official_id IN (SELECT o.id FROM outreach.official o WHERE """ + " "
				+ condition + ") ORDER BY p.official_id, a.ended_on, a.id")
			.params(parameters)
			.query(rs -> {
				trainings.computeIfAbsent(rs.getLong("official_id"), k -> new ArrayList<>())
					.add(new Training(rs.getLong("id"), rs.getObject("ended_on", LocalDate.class),
							topics(rs.getArray("topics"))));
			});
		return jdbc.sql("SELECT o.id, o.unit_id FROM outreach.official o WHERE " + condition + " ORDER BY o.id")
			.params(parameters)
			.query((rs, n) -> new OfficialFacts(rs.getLong("id"), rs.getLong("unit_id"),
					trainings.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	// --- opinions

	public Map<Long, OpinionFacts> opinions(Collection<Long> ids) {
		Map<Long, OpinionFacts> found = new HashMap<>();
		chunks(ids, chunk -> opinions("o.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.opinionId(), f)));
		return found;
	}

	public long opinionCount() {
		return jdbc.sql("SELECT count(*) FROM outreach.opinion").query(Long.class).single();
	}

	public void forEachOpinions(int batchSize, Consumer<List<OpinionFacts>> batch) {
		batches("outreach.opinion", batchSize,
				(first, last) -> batch.accept(opinions("o.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<OpinionFacts> opinions(String condition, Map<String, ?> parameters) {
		return jdbc.sql("SELECT o.id, o.unit_id, o.age_group, o.sex, o.raised_on, o.answered_on FROM outreach.opinion o WHERE "
				+ condition + " ORDER BY o.id")
			.params(parameters)
			.query((rs, n) -> new OpinionFacts(rs.getLong("id"), rs.getLong("unit_id"),
					AgeGroup.valueOf(rs.getString("age_group")), Sex.valueOf(rs.getString("sex")),
					rs.getObject("raised_on", LocalDate.class), rs.getObject("answered_on", LocalDate.class)))
			.list();
	}

	// ---

	private static Set<Topic> topics(Array array) throws SQLException {
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		for (String t : (String[]) array.getArray()) {
			topics.add(Topic.valueOf(t));
		}
		return topics;
	}

	private static void chunks(Collection<Long> ids, Consumer<List<Long>> each) {
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			each.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
		}
	}

	private interface Range {
		void accept(long first, long last);
	}

	private void batches(String table, int batchSize, Range range) {
		long after = Long.MIN_VALUE;
		while (true) {
			List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :n")
				.param("after", after).param("n", batchSize).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			range.accept(ids.get(0), ids.get(ids.size() - 1));
			after = ids.get(ids.size() - 1);
		}
	}
}
