package vn.vongtay.indicators.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A kind of record the tallies are made from: children of the register, prone establishments, tip-offs, outreach
 * activities... A new source plugs in with one Spring component implementing this, whose event listeners call
 * {@link Tallies#refresh(RecordSource, Collection)} with the ids of the records an event changed.
 *
 * <p>The facts are read through the source module's public read API (never its tables) and kept per record in
 * {@code indicators.record_facts}, so that a change subtracts what the record contributed before and adds what it
 * contributes now.
 *
 * @param <F> the facts of one record, as the source module's read API returns them (a record, stored as JSON)
 */
public interface RecordSource<F> {

	/** A stable name, stored with every record's facts ({@code child}, {@code establishment}, ...). */
	String name();

	Class<F> factsType();

	/** The measures this source computes. */
	List<Measure> measures();

	long idOf(F facts);

	/** The current facts of these records; a record that no longer exists is absent. */
	Map<Long, F> facts(Collection<Long> ids);

	/** How many records there are now: at start, a different number of stored facts means a recount is due. */
	long count();

	/** Every record, in batches, for a full recount. */
	void forEachBatch(Consumer<List<F>> batch);

	/** What the record adds to the tallies. Must depend on the facts alone (and fixed rules), nothing else. */
	void contribute(F facts, Contributions into);
}
