package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;
import vn.vongtay.prostitution.EstablishmentRegistered;
import vn.vongtay.prostitution.EstablishmentType;
import vn.vongtay.prostitution.EstablishmentUpdated;
import vn.vongtay.prostitution.InspectionRecorded;
import vn.vongtay.prostitution.PreventionFacts;
import vn.vongtay.prostitution.PreventionFacts.EstablishmentFacts;
import vn.vongtay.prostitution.PreventionFacts.InspectionFacts;
import vn.vongtay.prostitution.Sanction;

/**
 * Prone establishments and their inspections. An establishment is in business from its opening day (always, when none
 * is recorded) to its closing day, both included, in the unit it is registered in; an inspection counts in the unit it
 * was recorded in; "inspected at least once" counts the establishment in its own unit, so that its share of the
 * establishments in business stays a share.
 */
@Component
class EstablishmentRecords implements RecordSource<EstablishmentFacts> {

	static final String SOURCE = "establishment";
	static final String OPEN = "PRONE_ESTABLISHMENTS_OPEN";
	static final String CLOSINGS = "PRONE_ESTABLISHMENTS_CLOSINGS";
	static final String OPERATING = "PRONE_ESTABLISHMENTS_OPERATING";
	static final String INSPECTED = "PRONE_ESTABLISHMENTS_INSPECTED";
	static final String WORKERS = "PRONE_ESTABLISHMENT_WORKERS";
	static final String INSPECTIONS = "PROSTITUTION_INSPECTIONS";
	static final String VIOLATIONS = "PROSTITUTION_VIOLATIONS";
	static final String FINES = "PROSTITUTION_FINES";

	static final Dimension TYPE = Dimension.of("establishment_type",
			Arrays.stream(EstablishmentType.values()).map(Enum::name).toArray(String[]::new));
	static final Dimension SANCTION = Dimension.of("sanction",
			Arrays.stream(Sanction.values()).map(Enum::name).toArray(String[]::new));

	private final PreventionFacts facts;
	private final Tallies tallies;

	EstablishmentRecords(PreventionFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<EstablishmentFacts> factsType() {
		return EstablishmentFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.stock(SOURCE, OPEN, Privacy.NONE, TYPE),
				Measure.flow(SOURCE, CLOSINGS, Privacy.NONE, TYPE),
				Measure.during(SOURCE, OPERATING, OPEN, CLOSINGS, Privacy.NONE, TYPE),
				Measure.distinct(SOURCE, INSPECTED, Privacy.NONE, TYPE),
				Measure.stock(SOURCE, WORKERS, Privacy.NONE, TYPE),
				Measure.flow(SOURCE, INSPECTIONS, Privacy.NONE, TYPE),
				Measure.flow(SOURCE, VIOLATIONS, Privacy.NONE, SANCTION),
				Measure.flow(SOURCE, FINES, Privacy.NONE));
	}

	@Override
	public long idOf(EstablishmentFacts f) {
		return f.establishmentId();
	}

	@Override
	public Map<Long, EstablishmentFacts> facts(Collection<Long> ids) {
		return facts.establishments(ids);
	}

	@Override
	public long count() {
		return facts.establishmentCount();
	}

	@Override
	public void forEachBatch(Consumer<List<EstablishmentFacts>> batch) {
		facts.forEachEstablishments(5_000, batch);
	}

	@Override
	public void contribute(EstablishmentFacts e, Contributions into) {
		Cell type = Cell.of(TYPE.code(), e.type().name());
		LocalDate until = e.closedOn() == null ? null : e.closedOn().plusDays(1);
		into.presence(OPEN, CLOSINGS, e.unitId(), e.openedOn(), until, Cell.TOTAL, type);
		if (e.registeredWorkers() != null) {
			into.stock(WORKERS, e.unitId(), e.openedOn(), until, e.registeredWorkers(), Cell.TOTAL, type);
		}
		for (InspectionFacts i : e.inspections()) {
			into.distinct(INSPECTED, e.unitId(), i.inspectedOn(), Cell.TOTAL, type);
			into.flow(INSPECTIONS, i.unitId(), i.inspectedOn(), 1, Cell.TOTAL, type);
			for (Sanction s : i.violations()) {
				into.flow(VIOLATIONS, i.unitId(), i.inspectedOn(), 1, Cell.TOTAL, Cell.of(SANCTION.code(), s.name()));
			}
			into.flow(FINES, i.unitId(), i.inspectedOn(), i.finesVnd(), Cell.TOTAL);
		}
	}

	@ApplicationModuleListener
	void on(EstablishmentRegistered event) {
		tallies.refresh(this, List.of(event.establishmentId()));
	}

	@ApplicationModuleListener
	void on(EstablishmentUpdated event) {
		tallies.refresh(this, List.of(event.establishmentId()));
	}

	@ApplicationModuleListener
	void on(InspectionRecorded event) {
		tallies.refresh(this, List.of(event.establishmentId()));
	}
}
