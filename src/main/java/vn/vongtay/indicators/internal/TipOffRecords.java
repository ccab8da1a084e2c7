package vn.vongtay.indicators.internal;

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
import vn.vongtay.prostitution.PreventionFacts;
import vn.vongtay.prostitution.PreventionFacts.TipOffFacts;
import vn.vongtay.prostitution.TipOffAdvanced;
import vn.vongtay.prostitution.TipOffChannel;
import vn.vongtay.prostitution.TipOffKind;
import vn.vongtay.prostitution.TipOffReceived;

/**
 * Tip-offs, counted in the period of the day they were received: all of them, and those verified and then handled or
 * closed as unfounded (dealt with in full, as the plans' 100% asks).
 */
@Component
class TipOffRecords implements RecordSource<TipOffFacts> {

	static final String SOURCE = "tip-off";
	static final String RECEIVED = "TIP_OFFS_RECEIVED";
	static final String DEALT_WITH = "TIP_OFFS_DEALT_WITH";

	static final Dimension CHANNEL = Dimension.of("channel",
			Arrays.stream(TipOffChannel.values()).map(Enum::name).toArray(String[]::new));
	static final Dimension KIND = Dimension.of("tip_off_kind",
			Arrays.stream(TipOffKind.values()).map(Enum::name).toArray(String[]::new));

	private final PreventionFacts facts;
	private final Tallies tallies;

	TipOffRecords(PreventionFacts facts, @Lazy Tallies tallies) {
		this.facts = facts;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<TipOffFacts> factsType() {
		return TipOffFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(Measure.flow(SOURCE, RECEIVED, Privacy.NONE, CHANNEL, KIND),
				Measure.flow(SOURCE, DEALT_WITH, Privacy.NONE, CHANNEL, KIND));
	}

	@Override
	public long idOf(TipOffFacts f) {
		return f.tipOffId();
	}

	@Override
	public Map<Long, TipOffFacts> facts(Collection<Long> ids) {
		return facts.tipOffs(ids);
	}

	@Override
	public long count() {
		return facts.tipOffCount();
	}

	@Override
	public void forEachBatch(Consumer<List<TipOffFacts>> batch) {
		facts.forEachTipOffs(5_000, batch);
	}

	@Override
	public void contribute(TipOffFacts t, Contributions into) {
		Cell[] cells = { Cell.TOTAL, Cell.of(CHANNEL.code(), t.channel().name()), Cell.of(KIND.code(), t.kind().name()) };
		into.flow(RECEIVED, t.unitId(), t.receivedOn(), 1, cells);
		if (t.dealtWith()) {
			into.flow(DEALT_WITH, t.unitId(), t.receivedOn(), 1, cells);
		}
	}

	@ApplicationModuleListener
	void on(TipOffReceived event) {
		tallies.refresh(this, List.of(event.tipOffId()));
	}

	@ApplicationModuleListener
	void on(TipOffAdvanced event) {
		tallies.refresh(this, List.of(event.tipOffId()));
	}
}
