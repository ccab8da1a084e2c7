package vn.vongtay.indicators.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.casework.CaseClassified;
import vn.vongtay.casework.CaseFacts;
import vn.vongtay.casework.CaseFacts.Facts;
import vn.vongtay.casework.CaseOpened;
import vn.vongtay.casework.CaseReopened;
import vn.vongtay.casework.CaseTransferred;
import vn.vongtay.casework.PerpetratorType;
import vn.vongtay.indicators.internal.Measure.Dimension;
import vn.vongtay.indicators.internal.Measure.Privacy;

/**
 * What the case files say of Phụ lục II of Thông tư 13/2021 beyond the count of abused children: who harmed each
 * abused child, by their relation to the child, counted on the day of the case's first report in the commune
 * responsible for it (as the abused children are, {@link CaseworkRecords}). A file records the perpetrator per child,
 * so a person who abused several children counts once per child. Incidents and their criminal and administrative
 * handling are not in the files: offices enter them.
 */
@Component
class AbuseRecords implements RecordSource<Facts> {

	static final String SOURCE = "abuse";

	static final String PERPETRATORS = "ABUSE_PERPETRATORS";

	static final Dimension PERPETRATOR = Dimension.of("perpetrator",
			Arrays.stream(PerpetratorType.values()).filter(t -> t != PerpetratorType.UNKNOWN).map(Enum::name)
				.toArray(String[]::new));

	private final CaseFacts facts;
	private final Tallies tallies;

	AbuseRecords(CaseFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<Facts> factsType() {
		return Facts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.flow(SOURCE, PERPETRATORS, Privacy.CHILDREN, PERPETRATOR));
	}

	@Override
	public long idOf(Facts f) {
		return f.caseId();
	}

	@Override
	public Map<Long, Facts> facts(Collection<Long> ids) {
		return facts.of(ids);
	}

	@Override
	public long count() {
		return facts.count();
	}

	@Override
	public void forEachBatch(Consumer<List<Facts>> batch) {
		facts.forEachBatch(5_000, batch);
	}

	@Override
	public void contribute(Facts c, Contributions into) {
		if (Boolean.TRUE.equals(c.abuseConfirmed()) && c.perpetratorType() != null
				&& c.perpetratorType() != PerpetratorType.UNKNOWN) {
			into.flow(PERPETRATORS, c.unitId(), c.receivedAt().toLocalDate(), 1, Cell.TOTAL,
					Cell.of(PERPETRATOR.code(), c.perpetratorType().name()));
		}
	}

	private void refresh(long caseId) {
		tallies.refresh(this, List.of(caseId));
	}

	@ApplicationModuleListener
	void on(CaseOpened event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseClassified event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseReopened event) {
		refresh(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseTransferred event) {
		refresh(event.caseId());
	}
}
