package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * What one record adds to the tallies, written by a {@link RecordSource} from the record's facts, and spread over
 * the units that count it: every unit that reaches the unit where a fact happened ({@code geography.unit_reach}).
 *
 * <p>Three ways to add:
 * <ul>
 * <li><b>per unit</b> ({@link #stock}, {@link #flow}): the value belongs to one unit and is summed into every unit above
 * it. A child who moves within a month is -1 in one commune and +1 in the other: the province above both sees 0.</li>
 * <li><b>once per unit above</b> ({@link #distinct}, {@link #shared}): the value belongs to the record, which may be in
 * several units (an activity held in three communes, a child supported in two communes in one year); every
 * unit above any of them counts it once.</li>
 * <li><b>presence</b> ({@link #presence}): a stock whose departures are also counted, per unit above, when the record
 * leaves that unit's area: a move between two communes of a province is no departure for the province. What was
 * present at some time in a period is then the stock at its end plus the departures during it.</li>
 * </ul>
 */
public final class Contributions {

	/** A tally row's key without its unit. */
	record Key(String measure, String dimension, String value, int bucket) {
	}

	/** A tally row's key: the measure, the unit counting, the cell and the bucket. */
	public record TallyKey(String measure, long unitId, String dimension, String value, int bucket)
			implements Comparable<TallyKey> {

		private static final Comparator<TallyKey> ORDER = Comparator.comparing(TallyKey::measure)
			.thenComparingLong(TallyKey::unitId)
			.thenComparing(TallyKey::dimension)
			.thenComparing(TallyKey::value)
			.thenComparingInt(TallyKey::bucket);

		@Override
		public int compareTo(TallyKey other) {
			return ORDER.compare(this, other);
		}
	}

	private static final class Shared {
		final boolean distinct;
		long value;
		final Set<Long> units = new LinkedHashSet<>();

		Shared(boolean distinct) {
			this.distinct = distinct;
		}
	}

	private record Piece(long unitId, LocalDate from, LocalDate toExclusive) {
	}

	private record Presence(String exits, Cell cell) {
	}

	private final Map<Key, Map<Long, Long>> perUnit = new HashMap<>();
	private final Map<Key, Shared> shared = new HashMap<>();
	private final Map<Presence, List<Piece>> presence = new HashMap<>();

	/**
	 * A stock of {@code value} in the unit from {@code from} ({@code null}: from always) until the day before
	 * {@code toExclusive} ({@code null}: still there): {@code +value} in the month it starts, {@code -value} in the month
	 * it ends, so the sum of the months up to M is the stock on M's last day.
	 */
	public void stock(String measure, long unitId, LocalDate from, LocalDate toExclusive, long value, Cell... cells) {
		if (value == 0 || (from != null && toExclusive != null && !from.isBefore(toExclusive))) {
			return;
		}
		int start = from == null ? Buckets.OPEN : Buckets.month(from);
		for (Cell cell : cells) {
			add(new Key(measure, cell.dimension(), cell.value(), start), unitId, value);
			if (toExclusive != null) {
				add(new Key(measure, cell.dimension(), cell.value(), Buckets.month(toExclusive)), unitId, -value);
			}
		}
	}

	/**
	 * A record present in the unit from {@code from} until the day before {@code toExclusive}: one in the stock
	 * {@code stock}, and one departure in {@code exits} wherever a unit above sees the record leave, counted in the
	 * periods that hold its last day there without ending on it.
	 */
	public void presence(String stock, String exits, long unitId, LocalDate from, LocalDate toExclusive,
			Cell... cells) {
		if (from != null && toExclusive != null && !from.isBefore(toExclusive)) {
			return;
		}
		stock(stock, unitId, from, toExclusive, 1, cells);
		for (Cell cell : cells) {
			presence.computeIfAbsent(new Presence(exits, cell), k -> new ArrayList<>())
				.add(new Piece(unitId, from, toExclusive));
		}
	}

	/** A value on a day, added to its month, quarter, half-year and year. */
	public void flow(String measure, long unitId, LocalDate on, long value, Cell... cells) {
		if (value == 0) {
			return;
		}
		for (int bucket : Buckets.containing(on)) {
			for (Cell cell : cells) {
				add(new Key(measure, cell.dimension(), cell.value(), bucket), unitId, value);
			}
		}
	}

	/**
	 * The record was there on at least one day of [from, to] (both inclusive): it counts once in each period sharing a
	 * day with it, in each unit above any of {@code unitIds}, however often this is said.
	 */
	public void distinct(String measure, Collection<Long> unitIds, LocalDate from, LocalDate to, Cell... cells) {
		if (unitIds.isEmpty() || to.isBefore(from)) {
			return;
		}
		for (int bucket : Buckets.overlapping(from, to)) {
			for (Cell cell : cells) {
				Shared entry = shared.computeIfAbsent(new Key(measure, cell.dimension(), cell.value(), bucket),
						k -> new Shared(true));
				entry.value = 1;
				entry.units.addAll(unitIds);
			}
		}
	}

	public void distinct(String measure, long unitId, LocalDate on, Cell... cells) {
		distinct(measure, List.of(unitId), on, on, cells);
	}

	/** A value on a day that belongs to the record as a whole, counted once in each unit above any of its units. */
	public void shared(String measure, Collection<Long> unitIds, LocalDate on, long value, Cell... cells) {
		if (value == 0 || unitIds.isEmpty()) {
			return;
		}
		for (int bucket : Buckets.containing(on)) {
			for (Cell cell : cells) {
				Shared entry = shared.computeIfAbsent(new Key(measure, cell.dimension(), cell.value(), bucket),
						k -> new Shared(false));
				entry.value += value;
				entry.units.addAll(unitIds);
			}
		}
	}

	private void add(Key key, long unitId, long value) {
		perUnit.computeIfAbsent(key, k -> new HashMap<>()).merge(unitId, value, Long::sum);
	}

	/** Every unit this record touches. */
	public Set<Long> units() {
		Set<Long> units = new HashSet<>();
		perUnit.values().forEach(m -> units.addAll(m.keySet()));
		shared.values().forEach(s -> units.addAll(s.units));
		presence.values().forEach(pieces -> pieces.forEach(p -> units.add(p.unitId())));
		return units;
	}

	/** What this record adds to the tally of every unit counting it; {@code rootsOf} gives the units above a unit. */
	public Map<TallyKey, Long> byRoot(LongFunction<long[]> rootsOf) {
		Map<TallyKey, Long> rows = new HashMap<>();
		perUnit.forEach((key, units) -> units.forEach((unit, value) -> {
			for (long root : rootsOf.apply(unit)) {
				rows.merge(tallyKey(key, root), value, Long::sum);
			}
		}));
		shared.forEach((key, entry) -> {
			for (long root : roots(entry.units, rootsOf)) {
				rows.merge(tallyKey(key, root), entry.value, Long::sum);
			}
		});
		presence.forEach((p, pieces) -> {
			Set<Long> units = new HashSet<>();
			pieces.forEach(piece -> units.add(piece.unitId()));
			for (long root : roots(units, rootsOf)) {
				List<Piece> seen = pieces.stream().filter(piece -> contains(rootsOf.apply(piece.unitId()), root)).toList();
				for (LocalDate last : lastDays(seen)) {
					for (int bucket : Buckets.containingBeforeEnd(last)) {
						rows.merge(new TallyKey(p.exits(), root, p.cell().dimension(), p.cell().value(), bucket), 1L,
								Long::sum);
					}
				}
			}
		});
		rows.values().removeIf(v -> v == 0);
		return rows;
	}

	/** Receives rows of a recount: per unit (to be summed into the units above) or already per unit above. */
	public interface Staging {

		void perUnit(String measure, long unitId, String dimension, String value, int bucket, long amount);

		void perRoot(String measure, long rootId, String dimension, String value, int bucket, long amount);
	}

	/**
	 * Hands this record's contributions to a recount: what belongs to one unit as it is, what a record shares between
	 * several units already spread over the units above ({@code rootsOf}).
	 */
	public void stage(Staging staging, LongFunction<long[]> rootsOf) {
		perUnit.forEach((key, units) -> units.forEach((unit, value) -> {
			if (value != 0) {
				staging.perUnit(key.measure(), unit, key.dimension(), key.value(), key.bucket(), value);
			}
		}));
		shared.forEach((key, entry) -> {
			if (entry.units.size() == 1) {
				staging.perUnit(key.measure(), entry.units.iterator().next(), key.dimension(), key.value(), key.bucket(),
						entry.value);
			}
			else {
				for (long root : roots(entry.units, rootsOf)) {
					staging.perRoot(key.measure(), root, key.dimension(), key.value(), key.bucket(), entry.value);
				}
			}
		});
		presence.forEach((p, pieces) -> {
			Set<Long> units = new HashSet<>();
			pieces.forEach(piece -> units.add(piece.unitId()));
			if (units.size() == 1) {
				long unit = units.iterator().next();
				for (LocalDate last : lastDays(pieces)) {
					for (int bucket : Buckets.containingBeforeEnd(last)) {
						staging.perUnit(p.exits(), unit, p.cell().dimension(), p.cell().value(), bucket, 1);
					}
				}
				return;
			}
			for (long root : roots(units, rootsOf)) {
				List<Piece> seen = pieces.stream().filter(piece -> contains(rootsOf.apply(piece.unitId()), root)).toList();
				for (LocalDate last : lastDays(seen)) {
					for (int bucket : Buckets.containingBeforeEnd(last)) {
						staging.perRoot(p.exits(), root, p.cell().dimension(), p.cell().value(), bucket, 1);
					}
				}
			}
		});
	}

	/** The last days of the record's merged stays that end (a stay still going has none). */
	private static List<LocalDate> lastDays(List<Piece> pieces) {
		List<Piece> sorted = new ArrayList<>(pieces);
		sorted.sort(Comparator.comparing(Piece::from, Comparator.nullsFirst(Comparator.naturalOrder())));
		List<LocalDate> lastDays = new ArrayList<>();
		LocalDate end = null;
		boolean open = false;
		boolean started = false;
		for (Piece piece : sorted) {
			boolean continues = started && (open || piece.from() == null || !piece.from().isAfter(end));
			if (started && !continues) {
				lastDays.add(end.minusDays(1));
			}
			if (!continues) {
				open = piece.toExclusive() == null;
				end = piece.toExclusive();
			}
			else if (!open) {
				if (piece.toExclusive() == null) {
					open = true;
				}
				else if (piece.toExclusive().isAfter(end)) {
					end = piece.toExclusive();
				}
			}
			started = true;
		}
		if (started && !open) {
			lastDays.add(end.minusDays(1));
		}
		return lastDays;
	}

	private static Set<Long> roots(Collection<Long> units, LongFunction<long[]> rootsOf) {
		Set<Long> roots = new LinkedHashSet<>();
		for (long unit : units) {
			for (long root : rootsOf.apply(unit)) {
				roots.add(root);
			}
		}
		return roots;
	}

	private static boolean contains(long[] values, long value) {
		for (long v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

	private static TallyKey tallyKey(Key key, long root) {
		return new TallyKey(key.measure(), root, key.dimension(), key.value(), key.bucket());
	}
}
