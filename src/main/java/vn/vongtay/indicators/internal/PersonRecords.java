package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;
import vn.vongtay.prostitution.PreventionFacts;
import vn.vongtay.prostitution.PreventionFacts.PersonFacts;
import vn.vongtay.prostitution.SupportRecordOpened;
import vn.vongtay.prostitution.SupportRecordUpdated;
import vn.vongtay.prostitution.SupportServiceProvided;

/**
 * People who sell sex and use social services, from their pseudonymous support records: in need from the day they
 * consented (when they declared a need), served in a period when they received a service in it. Counts of them are
 * hidden below the threshold from anyone outside social services.
 */
@Component
class PersonRecords implements RecordSource<PersonFacts> {

	static final String SOURCE = "person";
	static final String IN_NEED = "PEOPLE_IN_NEED";
	static final String SERVED = "PEOPLE_SERVED";

	static final Dimension SEX = Dimension.of("sex", "FEMALE", "MALE", "OTHER", "UNKNOWN");

	private final PreventionFacts facts;
	private final Tallies tallies;

	PersonRecords(PreventionFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<PersonFacts> factsType() {
		return PersonFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.stock(SOURCE, IN_NEED, Privacy.SOCIAL_SERVICES, SEX),
				Measure.distinct(SOURCE, SERVED, Privacy.SOCIAL_SERVICES, SEX));
	}

	@Override
	public long idOf(PersonFacts f) {
		return f.recordId();
	}

	@Override
	public Map<Long, PersonFacts> facts(Collection<Long> ids) {
		return facts.people(ids);
	}

	@Override
	public long count() {
		return facts.personCount();
	}

	@Override
	public void forEachBatch(Consumer<List<PersonFacts>> batch) {
		facts.forEachPeople(5_000, batch);
	}

	@Override
	public void contribute(PersonFacts p, Contributions into) {
		if (!p.inNeed()) {
			return;
		}
		Cell sex = Cell.of(SEX.code(), p.sex().name());
		into.stock(IN_NEED, p.unitId(), p.consentOn(), null, 1, Cell.TOTAL, sex);
		for (LocalDate on : p.servicesOn()) {
			into.distinct(SERVED, p.unitId(), on, Cell.TOTAL, sex);
		}
	}

	@ApplicationModuleListener
	void on(SupportRecordOpened event) {
		tallies.refresh(this, List.of(event.recordId()));
	}

	@ApplicationModuleListener
	void on(SupportRecordUpdated event) {
		tallies.refresh(this, List.of(event.recordId()));
	}

	@ApplicationModuleListener
	void on(SupportServiceProvided event) {
		tallies.refresh(this, List.of(event.recordId()));
	}
}
