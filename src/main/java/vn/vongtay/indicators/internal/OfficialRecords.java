package vn.vongtay.indicators.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import vn.vongtay.indicators.internal.Measure.Privacy;
import vn.vongtay.outreach.OutreachFacts;
import vn.vongtay.outreach.OutreachFacts.OfficialFacts;
import vn.vongtay.outreach.OutreachFacts.Training;
import vn.vongtay.outreach.Topic;

/**
 * Officials trained: each person once per period (the period a course ended in) however many courses they attended,
 * in the unit they work in. Refreshed with the activities they attended ({@link ActivityRecords}).
 */
@Component
class OfficialRecords implements RecordSource<OfficialFacts> {

	static final String SOURCE = "official";
	static final String TRAINED = "OFFICIALS_TRAINED";

	private final OutreachFacts facts;

	OfficialRecords(OutreachFacts facts) {
		this.facts = facts;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<OfficialFacts> factsType() {
		return OfficialFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.distinct(SOURCE, TRAINED, Privacy.NONE, ActivityRecords.TOPIC));
	}

	@Override
	public long idOf(OfficialFacts f) {
		return f.officialId();
	}

	@Override
	public Map<Long, OfficialFacts> facts(Collection<Long> ids) {
		return facts.officials(ids);
	}

	@Override
	public long count() {
		return facts.officialCount();
	}

	@Override
	public void forEachBatch(Consumer<List<OfficialFacts>> batch) {
		facts.forEachOfficials(5_000, batch);
	}

	@Override
	public void contribute(OfficialFacts o, Contributions into) {
		for (Training t : o.trainings()) {
			into.distinct(TRAINED, o.unitId(), t.endedOn(), Cell.TOTAL);
			for (Topic topic : t.topics()) {
				into.distinct(TRAINED, o.unitId(), t.endedOn(), Cell.of(ActivityRecords.TOPIC.code(), topic.name()));
			}
		}
	}
}
