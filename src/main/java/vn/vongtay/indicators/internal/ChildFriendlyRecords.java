package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.childfriendly.ChildFriendlyFacts;
import vn.vongtay.childfriendly.ChildFriendlyFacts.RecognitionFacts;
import vn.vongtay.childfriendly.RecognitionDecided;
import vn.vongtay.indicators.internal.Measure.Privacy;

/**
 * Communes recognised as child-friendly (QĐ 06/QĐ-TTg), from the recognition decisions of the childfriendly module: a
 * recognition counts in the year it was assessed for, in the commune assessed (which, after 2025, is a former commune
 * for the years before the reform), and the communes recognised in a period are those with a recognition in it.
 */
@Component
class ChildFriendlyRecords implements RecordSource<RecognitionFacts> {

	static final String SOURCE = "child-friendly";
	static final String RECOGNITIONS = "CF_RECOGNITIONS";
	static final String COMMUNES_RECOGNISED = "CF_COMMUNES_RECOGNISED";

	private final ChildFriendlyFacts facts;
	private final Tallies tallies;

	ChildFriendlyRecords(ChildFriendlyFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<RecognitionFacts> factsType() {
		return RecognitionFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.distinct(SOURCE, RECOGNITIONS, Privacy.NONE),
				Measure.communesWith(SOURCE, COMMUNES_RECOGNISED, RECOGNITIONS));
	}

	@Override
	public long idOf(RecognitionFacts f) {
		return f.assessmentId();
	}

	@Override
	public Map<Long, RecognitionFacts> facts(Collection<Long> ids) {
		return facts.of(ids);
	}

	@Override
	public long count() {
		return facts.count();
	}

	@Override
	public void forEachBatch(Consumer<List<RecognitionFacts>> batch) {
		facts.forEachBatch(5_000, batch);
	}

	@Override
	public void contribute(RecognitionFacts f, Contributions into) {
		// the recognition is of the year as a whole: the commune counts in the year and in each of its parts
		into.distinct(RECOGNITIONS, List.of(f.unitId()), LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31),
				Cell.TOTAL);
	}

	@ApplicationModuleListener
	void on(RecognitionDecided event) {
		tallies.refresh(this, List.of(event.assessmentId()));
	}
}
