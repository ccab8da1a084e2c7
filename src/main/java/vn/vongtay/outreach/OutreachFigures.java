package vn.vongtay.outreach;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;

/**
 * The coverage the plans set targets for, computed from the activities of a unit and everything it reaches (its
 * descendants and the abolished units it fully continues, so a commune formed in 2025 counts the work done in the
 * communes merged into it):
 * <ul>
 * <li>the communes with at least one activity of a topic in the period, against all communes of the unit (Thọ Xuân
 * 1.1-a: at least 80%). The communes are those valid on the last day of the period, or on the unit's last day when it
 * ended earlier; a commune counts as reached when an activity took place in it, or in a unit it continues, at any time
 * during the period;</li>
 * <li>the officials of the unit trained in the period, each person once however many courses they attended (Thọ Xuân
 * 5.1-a counts them against the officials of the unit, a figure entered for the indicator
 * {@code OFFICIALS_HEADCOUNT}: the share is the indicator's, shown with the plan's target, never computed again
 * here);</li>
 * <li>families and children reached, summed over the activities that ended in the period;</li>
 * <li>children's opinions raised in the period and how many were answered.</li>
 * </ul>
 */
@Component
public class OutreachFigures {

	private final JdbcClient jdbc;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final OutreachAccess access;

	OutreachFigures(JdbcClient jdbc, Units units, Jurisdictions jurisdictions, OutreachAccess access) {
		this.jdbc = jdbc;
		this.access = access;
		this.units = units;
		this.jurisdictions = jurisdictions;
	}

	/** A commune as the coverage lists it. */
	public record Commune(long id, String code, String name) {
	}

	/**
	 * What outreach work a plan target is about, for the coverage page to show that work beside the target's value
	 * (which is its indicator's); kept as data in {@code outreach.target_measure}.
	 */
	public enum Measure {
		COMMUNES_WITH_TOPIC, OFFICIALS_TRAINED, FAMILIES_REACHED, OPINIONS_ANSWERED
	}

	/** A plan target that outreach work serves, and which of the coverage figures shows that work. */
	public record TargetMeasure(String planKey, String targetCode, Measure measure, Topic topic) {
	}

	/**
	 * A unit's coverage in a period, for one topic or all ({@code topic} null). Shares are percentages with one decimal,
	 * {@code null} when there is nothing to divide by.
	 *
	 * @param familiesReached families with children reached. No share: its denominator, the households with children,
	 *        comes from the child register, which the children module will keep; until then only the count is known
	 * @param opinionsByAge the opinions children raised in the period by the age group of the child: how the
	 *        participation targets (Bình Long 22-24) break children consulted down
	 */
	public record Coverage(long unitId, String unitCode, String unitName, Period period, Topic topic, long communes,
			long communesReached, long officialsTrained, long familiesReached,
			Map<AgeGroup, Long> childrenReached, long opinionsRaised, long opinionsAnswered,
			Map<AgeGroup, Long> opinionsByAge) {

		public Double shareCommunesReached() {
			return share(communesReached, communes);
		}

		public Double shareOpinionsAnswered() {
			return share(opinionsAnswered, opinionsRaised);
		}

		public long childrenReachedInAll() {
			return childrenReached.values().stream().mapToLong(Long::longValue).sum();
		}

		private static Double share(long part, long whole) {
			return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
		}
	}

	/** @throws UserFacingException 404 when the unit lies outside the caller's jurisdiction */
	public Coverage of(long unitId, Period period, Topic topic) {
		access.requireFigures();
		jurisdictions.requireWithin(unitId, "error.unit.outside-jurisdiction", unitId);
		AdministrativeUnit unit = units.findById(unitId)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.outside-jurisdiction", unitId));
		String topicName = topic == null ? null : topic.name();
		record Counts(long communes, long reached, long trained, long families, long raised, long answered) {
		}
		// One statement so the numbers agree with each other (one snapshot) and the page costs one round trip.
		Counts counts = jdbc.sql("""
				WITH reach AS (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit),
				communes AS (
				  SELECT c.id FROM geography.unit c
				  WHERE c.level = 'COMMUNE' AND c.id IN (SELECT unit_id FROM reach)
				    AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:asOf AS date)),
				ended AS (
				  SELECT a.id FROM outreach.activity a
				  WHERE a.ended_on BETWEEN :first AND :last
				    AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics))
				    AND EXISTS (SELECT 1 FROM outreach.activity_unit au
				                WHERE au.activity_id = a.id AND au.unit_id IN (SELECT unit_id FROM reach)))
				SELECT
				  (SELECT count(*) FROM communes) AS communes,
				  (SELECT count(*) FROM communes c WHERE EXISTS (
				     SELECT 1 FROM outreach.activity a JOIN outreach.activity_unit au ON au.activity_id = a.id
				     WHERE au.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = c.id)
				       AND a.started_on <= :last AND a.ended_on >= :first
				       AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics)))) AS reached,
				  (SELECT count(DISTINCT p.official_id) FROM outreach.participant p
				     JOIN outreach.activity a ON a.id = p.activity_id JOIN outreach.official o ON o.id = p.official_id
				   WHERE a.kind = 'TRAINING_COURSE' AND a.ended_on BETWEEN :first AND :last
				     AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics))
				     AND o.unit_id IN (SELECT unit_id FROM reach)) AS trained,
				  (SELECT COALESCE(sum(x.reached), 0) FROM outreach.audience x
				   WHERE x.kind = 'FAMILIES_WITH_CHILDREN' AND x.activity_id IN (SELECT id FROM ended)) AS families,
				  (SELECT count(*) FROM outreach.opinion o
				   WHERE o.unit_id IN (SELECT unit_id FROM reach) AND o.raised_on BETWEEN :first AND :last) AS raised,
				  (SELECT count(*) FROM outreach.opinion o
				   WHERE o.unit_id IN (SELECT unit_id FROM reach) AND o.raised_on BETWEEN :first AND :last
				     AND o.answered_on IS NOT NULL) AS answered
				""")
			.param("unit", unitId)
			.param("asOf", asOf(unit, period))
			.param("first", period.start())
			.param("last", period.end())
			.param("topic", topicName)
			.query((rs, n) -> new Counts(rs.getLong("communes"), rs.getLong("reached"), rs.getLong("trained"),
					rs.getLong("families"), rs.getLong("raised"), rs.getLong("answered")))
			.single();
		Map<AgeGroup, Long> children = new EnumMap<>(AgeGroup.class);
		for (AgeGroup group : AgeGroup.values()) {
			children.put(group, 0L);
		}
		jdbc.sql("""
				SELECT x.kind, sum(x.reached) AS reached FROM outreach.audience x JOIN outreach.activity a ON a.id = x.activity_id
				WHERE left(x.kind, 9) = 'CHILDREN_' AND a.ended_on BETWEEN :first AND :last
				  AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics))
				  AND EXISTS (SELECT 1 FROM outreach.activity_unit au WHERE au.activity_id = a.id
				              AND au.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit))
				GROUP BY x.kind""")
			.param("unit", unitId)
			.param("first", period.start())
			.param("last", period.end())
			.param("topic", topicName)
			.query(rs -> {
				children.put(AgeGroup.valueOf("AGE" + rs.getString("kind").substring("CHILDREN".length())),
						rs.getLong("reached"));
			});
		Map<AgeGroup, Long> opinionsByAge = new EnumMap<>(AgeGroup.class);
		for (AgeGroup group : AgeGroup.values()) {
			opinionsByAge.put(group, 0L);
		}
		jdbc.sql("""
				SELECT o.age_group, count(*) AS raised FROM outreach.opinion o
				WHERE o.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit)
				  AND o.raised_on BETWEEN :first AND :last
				GROUP BY o.age_group""")
			.param("unit", unitId)
			.param("first", period.start())
			.param("last", period.end())
			.query(rs -> {
				opinionsByAge.put(AgeGroup.valueOf(rs.getString("age_group")), rs.getLong("raised"));
			});
		return new Coverage(unitId, unit.code(), unit.fullName(), period, topic, counts.communes(), counts.reached(),
				counts.trained(), counts.families(), children, counts.raised(), counts.answered(),
				opinionsByAge);
	}

	/** The communes of the unit with no activity of the topic during the period, by code. */
	public List<Commune> communesWithoutActivity(long unitId, Period period, Topic topic) {
		access.requireFigures();
		jurisdictions.requireWithin(unitId, "error.unit.outside-jurisdiction", unitId);
		AdministrativeUnit unit = units.findById(unitId)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.outside-jurisdiction", unitId));
		return jdbc.sql("""
				SELECT c.id, c.code, c.full_name FROM geography.unit c
				WHERE c.level = 'COMMUNE'
				  AND c.id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit)
				  AND daterange(c.valid_from, c.valid_to, '[]') @> CAST(:asOf AS date)
				  AND NOT EXISTS (
				     SELECT 1 FROM outreach.activity a JOIN outreach.activity_unit au ON au.activity_id = a.id
				     WHERE au.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = c.id)
				       AND a.started_on <= :last AND a.ended_on >= :first
				       AND (CAST(:topic AS text) IS NULL OR CAST(:topic AS text) = ANY (a.topics)))
				ORDER BY c.code""")
			.param("unit", unitId)
			.param("asOf", asOf(unit, period))
			.param("first", period.start())
			.param("last", period.end())
			.param("topic", topic == null ? null : topic.name())
			.query((rs, n) -> new Commune(rs.getLong("id"), rs.getString("code"), rs.getString("full_name")))
			.list();
	}

	/** The plan targets the coverage figures measure. */
	public List<TargetMeasure> targetMeasures() {
		return jdbc.sql("SELECT * FROM outreach.target_measure ORDER BY plan_key, target_code")
			.query((rs, n) -> new TargetMeasure(rs.getString("plan_key"), rs.getString("target_code"),
					Measure.valueOf(rs.getString("measure")),
					rs.getString("topic") == null ? null : Topic.valueOf(rs.getString("topic"))))
			.list();
	}

	/** The day on which the unit's communes are taken: the period's last day, or the unit's last day if earlier. */
	private static LocalDate asOf(AdministrativeUnit unit, Period period) {
		return unit.validTo() != null && unit.validTo().isBefore(period.end()) ? unit.validTo() : period.end();
	}
}
