package vn.vongtay.indicators.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;
import vn.vongtay.outreach.ActivityKind;
import vn.vongtay.outreach.ActivityRecorded;
import vn.vongtay.outreach.ActivityUpdated;
import vn.vongtay.outreach.AudienceKind;
import vn.vongtay.outreach.OutreachFacts;
import vn.vongtay.outreach.OutreachFacts.ActivityFacts;
import vn.vongtay.outreach.Topic;

/**
 * Communication and training activities. An activity took place in one or more units: every unit above any of them
 * counts it (and the people it reached) once. Activities and audiences count in the period the activity ended; an
 * activity is "held" in every period it shares a day with, which is what makes a commune reached. An activity on
 * several topics counts once in the total and once under each topic.
 */
@Component
class ActivityRecords implements RecordSource<ActivityFacts> {

	static final String SOURCE = "activity";
	static final String ACTIVITIES = "OUTREACH_ACTIVITIES";
	static final String HELD = "OUTREACH_ACTIVITIES_HELD";
	static final String COMMUNES_REACHED = "OUTREACH_COMMUNES_REACHED";
	static final String FAMILIES = "OUTREACH_FAMILIES_REACHED";
	static final String CHILDREN = "OUTREACH_CHILDREN_REACHED";
	static final String ESTABLISHMENT_WORKERS = "OUTREACH_ESTABLISHMENT_WORKERS_REACHED";
	static final String ENTERPRISE_WORKERS = "OUTREACH_ENTERPRISE_WORKERS_REACHED";
	static final String STUDENTS = "OUTREACH_STUDENTS_REACHED";

	static final Dimension TOPIC = Dimension.of("topic", Arrays.stream(Topic.values()).map(Enum::name).toArray(String[]::new));
	static final Dimension KIND = Dimension.of("activity_kind",
			Arrays.stream(ActivityKind.values()).map(Enum::name).toArray(String[]::new));
	static final Dimension AGE = Dimension.of("age_group", "0-5", "6-10", "11-15", "16-17");

	private final OutreachFacts facts;
	private final Tallies tallies;
	private final OfficialRecords officials;

	ActivityRecords(OutreachFacts facts, @Lazy Tallies tallies, OfficialRecords officials) {
		this.facts = facts;
		this.tallies = tallies;
		this.officials = officials;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<ActivityFacts> factsType() {
		return ActivityFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.distinct(SOURCE, ACTIVITIES, Privacy.NONE, KIND, TOPIC),
				Measure.distinct(SOURCE, HELD, Privacy.NONE, TOPIC),
				Measure.communesWith(SOURCE, COMMUNES_REACHED, HELD, TOPIC),
				Measure.flow(SOURCE, FAMILIES, Privacy.NONE, TOPIC),
				Measure.flow(SOURCE, CHILDREN, Privacy.NONE, TOPIC, AGE),
				Measure.flow(SOURCE, ESTABLISHMENT_WORKERS, Privacy.NONE, TOPIC),
				Measure.flow(SOURCE, ENTERPRISE_WORKERS, Privacy.NONE, TOPIC),
				Measure.flow(SOURCE, STUDENTS, Privacy.NONE, TOPIC));
	}

	@Override
	public long idOf(ActivityFacts f) {
		return f.activityId();
	}

	@Override
	public Map<Long, ActivityFacts> facts(Collection<Long> ids) {
		return facts.activities(ids);
	}

	@Override
	public long count() {
		return facts.activityCount();
	}

	@Override
	public void forEachBatch(Consumer<List<ActivityFacts>> batch) {
		facts.forEachActivities(5_000, batch);
	}

	@Override
	public void contribute(ActivityFacts a, Contributions into) {
		List<Long> places = a.unitIds();
		List<Cell> topics = new ArrayList<>();
		topics.add(Cell.TOTAL);
		a.topics().stream().sorted().forEach(t -> topics.add(Cell.of(TOPIC.code(), t.name())));
		Cell[] byTopic = topics.toArray(Cell[]::new);
		List<Cell> counted = new ArrayList<>(topics);
		counted.add(Cell.of(KIND.code(), a.kind().name()));
		into.distinct(ACTIVITIES, places, a.endedOn(), a.endedOn(), counted.toArray(Cell[]::new));
		into.distinct(HELD, places, a.startedOn(), a.endedOn(), byTopic);
		Map<AudienceKind, Integer> reached = a.audiences();
		into.shared(FAMILIES, places, a.endedOn(), reached.getOrDefault(AudienceKind.FAMILIES_WITH_CHILDREN, 0), byTopic);
		into.shared(ESTABLISHMENT_WORKERS, places, a.endedOn(),
				reached.getOrDefault(AudienceKind.PRONE_ESTABLISHMENT_WORKERS, 0), byTopic);
		into.shared(ENTERPRISE_WORKERS, places, a.endedOn(), reached.getOrDefault(AudienceKind.ENTERPRISE_WORKERS, 0),
				byTopic);
		into.shared(STUDENTS, places, a.endedOn(), reached.getOrDefault(AudienceKind.PUPILS_UPPER_SECONDARY, 0)
				+ reached.getOrDefault(AudienceKind.VOCATIONAL_STUDENTS, 0), byTopic);
		int children = 0;
		for (Map.Entry<AudienceKind, Integer> audience : reached.entrySet()) {
			if (audience.getKey().children()) {
				children += audience.getValue();
				String group = audience.getKey().name().substring("CHILDREN_".length()).replace('_', '-');
				into.shared(CHILDREN, places, a.endedOn(), audience.getValue(), Cell.of(AGE.code(), group));
			}
		}
		into.shared(CHILDREN, places, a.endedOn(), children, byTopic);
	}

	@ApplicationModuleListener
	void on(ActivityRecorded event) {
		changed(event.activityId());
	}

	@ApplicationModuleListener
	void on(ActivityUpdated event) {
		changed(event.activityId());
	}

	/** The activity, and the officials who attended it before or after the change: whom they trained changed. */
	private void changed(long activityId) {
		Set<Long> people = new LinkedHashSet<>();
		tallies.stored(this, activityId).ifPresent(before -> people.addAll(before.officialIds()));
		ActivityFacts now = facts.activities(List.of(activityId)).get(activityId);
		if (now != null) {
			people.addAll(now.officialIds());
		}
		tallies.refresh(this, List.of(activityId));
		tallies.refresh(officials, people);
	}
}
