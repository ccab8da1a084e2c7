package vn.vongtay.indicators.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;
import vn.vongtay.outreach.OpinionAnswered;
import vn.vongtay.outreach.OpinionRaised;
import vn.vongtay.outreach.OutreachFacts;
import vn.vongtay.outreach.OutreachFacts.OpinionFacts;

/** Children's opinions raised at forums, in the period they were raised, and those answered (whenever answered). */
@Component
class OpinionRecords implements RecordSource<OpinionFacts> {

	static final String SOURCE = "opinion";
	static final String RAISED = "OPINIONS_RAISED";
	static final String ANSWERED = "OPINIONS_ANSWERED";

	static final Dimension SEX = Dimension.of("sex", "FEMALE", "MALE", "NOT_STATED");

	private final OutreachFacts facts;
	private final Tallies tallies;

	OpinionRecords(OutreachFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<OpinionFacts> factsType() {
		return OpinionFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.flow(SOURCE, RAISED, Privacy.CHILDREN, ActivityRecords.AGE, SEX),
				Measure.flow(SOURCE, ANSWERED, Privacy.CHILDREN, ActivityRecords.AGE, SEX));
	}

	@Override
	public long idOf(OpinionFacts f) {
		return f.opinionId();
	}

	@Override
	public Map<Long, OpinionFacts> facts(Collection<Long> ids) {
		return facts.opinions(ids);
	}

	@Override
	public long count() {
		return facts.opinionCount();
	}

	@Override
	public void forEachBatch(Consumer<List<OpinionFacts>> batch) {
		facts.forEachOpinions(5_000, batch);
	}

	@Override
	public void contribute(OpinionFacts o, Contributions into) {
		Cell[] cells = { Cell.TOTAL,
				Cell.of(ActivityRecords.AGE.code(), o.ageGroup().name().substring("AGE_".length()).replace('_', '-')),
				Cell.of(SEX.code(), o.sex().name()) };
		into.flow(RAISED, o.unitId(), o.raisedOn(), 1, cells);
		if (o.answeredOn() != null) {
			into.flow(ANSWERED, o.unitId(), o.raisedOn(), 1, cells);
		}
	}

	@ApplicationModuleListener
	void on(OpinionRaised event) {
		tallies.refresh(this, List.of(event.opinionId()));
	}

	@ApplicationModuleListener
	void on(OpinionAnswered event) {
		tallies.refresh(this, List.of(event.opinionId()));
	}
}
