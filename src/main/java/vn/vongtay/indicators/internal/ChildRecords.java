package vn.vongtay.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.vongtay.children.ChildCorrected;
import vn.vongtay.children.ChildMoved;
import vn.vongtay.children.ChildRegistered;
import vn.vongtay.children.ChildrenImported;
import vn.vongtay.children.CircumstanceEnded;
import vn.vongtay.children.CircumstanceStarted;
import vn.vongtay.children.RegisterFacts;
import vn.vongtay.children.RegisterFacts.ChildFacts;
import vn.vongtay.children.RegisterFacts.Circumstance;
import vn.vongtay.children.RegisterFacts.Residence;
import vn.vongtay.children.RegisterFacts.Support;
import vn.vongtay.children.SupportGiven;
import vn.vongtay.children.SupportKind;
import vn.vongtay.children.SupportSource;
import vn.vongtay.indicators.internal.Measure.Dimension;

/**
 * The child register as a source of figures. A child counts where they lived on the day (their residences; the first
 * one stretched back to their birth, since the register starts when the child is entered, not when they were born),
 * from birth until the day before their 16th birthday. Age groups are intervals of the child's life (0-5: birth to the
 * day before the 6th birthday, ...), so figures by age group need no recount as children grow. A group of special
 * circumstances counts from its start until its end (both inclusive); a child in several groups counts once in the
 * total and once in each group. A support counts in the commune it was recorded in.
 */
@Component
public class ChildRecords implements RecordSource<ChildFacts> {

	public static final String SOURCE = "child";

	public static final String CHILDREN = "CHILDREN";
	public static final String CHILDREN_UNDER_5 = "CHILDREN_UNDER_5";
	public static final String CHILDREN_UNDER_5_BIRTH_RECORDED = "CHILDREN_UNDER_5_BIRTH_RECORDED";
	public static final String CHILDREN_UNDER_5_BIRTH_REGISTERED = "CHILDREN_UNDER_5_BIRTH_REGISTERED";
	public static final String CHILDREN_AGED_7_15 = "CHILDREN_AGED_7_15";
	public static final String CHILDREN_AGED_11_15 = "CHILDREN_AGED_11_15";
	public static final String CHILDREN_SPECIAL = "CHILDREN_SPECIAL";
	public static final String CHILDREN_SPECIAL_EXITS = "CHILDREN_SPECIAL_EXITS";
	public static final String CHILDREN_SPECIAL_DURING = "CHILDREN_SPECIAL_DURING";
	public static final String CHILDREN_SPECIAL_ASSISTED = "CHILDREN_SPECIAL_ASSISTED";
	public static final String CHILDREN_AT_RISK = "CHILDREN_AT_RISK";
	public static final String CHILDREN_SUPPORTED = "CHILDREN_SUPPORTED";
	public static final String SUPPORTS = "SUPPORTS";
	public static final String SUPPORT_AMOUNT = "SUPPORT_AMOUNT";

	public static final String SEX = "sex";
	public static final String AGE_GROUP = "age_group";
	public static final String ETHNICITY = "ethnicity";
	public static final String GROUP = "group";
	public static final String SUPPORT_KIND = "support_kind";
	public static final String SUPPORT_SOURCE = "support_source";

	/** The age groups of the figures, as [first year of age, first year of age of the next group). */
	static final Map<String, int[]> AGE_GROUPS = new LinkedHashMap<>();
	static {
		AGE_GROUPS.put("0-5", new int[] { 0, 6 });
		AGE_GROUPS.put("6-10", new int[] { 6, 11 });
		AGE_GROUPS.put("11-15", new int[] { 11, 16 });
	}

	static final Dimension SEX_DIMENSION = Dimension.of(SEX, "MALE", "FEMALE", "UNKNOWN");
	static final Dimension AGE_DIMENSION = Dimension.of(AGE_GROUP, "0-5", "6-10", "11-15");
	static final Dimension ETHNICITY_DIMENSION = Dimension.open(ETHNICITY);
	static final Dimension GROUP_DIMENSION = Dimension.of(GROUP, "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l",
			"m", "n", "o");
	static final Dimension SUPPORT_KIND_DIMENSION = Dimension.of(SUPPORT_KIND,
			java.util.Arrays.stream(SupportKind.values()).map(Enum::name).toArray(String[]::new));
	static final Dimension SUPPORT_SOURCE_DIMENSION = Dimension.of(SUPPORT_SOURCE,
			java.util.Arrays.stream(SupportSource.values()).map(Enum::name).toArray(String[]::new));

	private final RegisterFacts register;
	private final Tallies tallies;

	ChildRecords(RegisterFacts register, @org.springframework.context.annotation.Lazy Tallies tallies) {
		this.register = register;
		this.tallies = tallies;
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Class<ChildFacts> factsType() {
		return ChildFacts.class;
	}

	@Override
	public List<Measure> measures() {
		return List.of(
				Measure.stock(SOURCE, CHILDREN, Measure.Privacy.CHILDREN, SEX_DIMENSION, AGE_DIMENSION, ETHNICITY_DIMENSION),
				Measure.stock(SOURCE, CHILDREN_UNDER_5, Measure.Privacy.CHILDREN),
				Measure.stock(SOURCE, CHILDREN_UNDER_5_BIRTH_RECORDED, Measure.Privacy.CHILDREN, SEX_DIMENSION),
				Measure.stock(SOURCE, CHILDREN_UNDER_5_BIRTH_REGISTERED, Measure.Privacy.CHILDREN, SEX_DIMENSION),
				Measure.stock(SOURCE, CHILDREN_AGED_7_15, Measure.Privacy.CHILDREN),
				Measure.stock(SOURCE, CHILDREN_AGED_11_15, Measure.Privacy.CHILDREN),
				Measure.stock(SOURCE, CHILDREN_SPECIAL, Measure.Privacy.CHILDREN, GROUP_DIMENSION, SEX_DIMENSION, AGE_DIMENSION),
				Measure.flow(SOURCE, CHILDREN_SPECIAL_EXITS, Measure.Privacy.CHILDREN, GROUP_DIMENSION, SEX_DIMENSION),
				Measure.during(SOURCE, CHILDREN_SPECIAL_DURING, CHILDREN_SPECIAL, CHILDREN_SPECIAL_EXITS, Measure.Privacy.CHILDREN,
						GROUP_DIMENSION, SEX_DIMENSION),
				Measure.distinct(SOURCE, CHILDREN_SPECIAL_ASSISTED, Measure.Privacy.CHILDREN, GROUP_DIMENSION, SEX_DIMENSION),
				Measure.stock(SOURCE, CHILDREN_AT_RISK, Measure.Privacy.CHILDREN, GROUP_DIMENSION, SEX_DIMENSION, AGE_DIMENSION),
				Measure.distinct(SOURCE, CHILDREN_SUPPORTED, Measure.Privacy.CHILDREN, SUPPORT_KIND_DIMENSION, SEX_DIMENSION),
				Measure.flow(SOURCE, SUPPORTS, Measure.Privacy.NONE, SUPPORT_KIND_DIMENSION, SUPPORT_SOURCE_DIMENSION),
				Measure.flow(SOURCE, SUPPORT_AMOUNT, Measure.Privacy.NONE, SUPPORT_KIND_DIMENSION, SUPPORT_SOURCE_DIMENSION));
	}

	@Override
	public long idOf(ChildFacts facts) {
		return facts.childId();
	}

	@Override
	public Map<Long, ChildFacts> facts(Collection<Long> ids) {
		return register.of(ids);
	}

	@Override
	public long count() {
		return register.count();
	}

	@Override
	public void forEachBatch(Consumer<List<ChildFacts>> batch) {
		register.forEachBatch(10_000, batch);
	}

	/** A stay of the child in a unit during childhood, [from, toExclusive). */
	record Stay(long unitId, LocalDate from, LocalDate toExclusive) {
	}

	@Override
	public void contribute(ChildFacts child, Contributions into) {
		LocalDate born = child.birthDate();
		LocalDate sixteen = born.plusYears(16);
		Cell sex = Cell.of(SEX, child.sex().name());
		Cell ethnicity = Cell.of(ETHNICITY, child.ethnicityCode());
		List<Stay> stays = stays(child, born, sixteen);
		List<LocalDate[]> special = union(child.circumstances(), false, born, sixteen);
		List<LocalDate[]> atRisk = union(child.circumstances(), true, born, sixteen);
		Map<String, List<LocalDate[]>> specialByGroup = byGroup(child.circumstances(), false, born, sixteen);
		Map<String, List<LocalDate[]>> atRiskByGroup = byGroup(child.circumstances(), true, born, sixteen);
		for (Stay stay : stays) {
			long unit = stay.unitId();
			into.stock(CHILDREN, unit, stay.from(), stay.toExclusive(), 1, Cell.TOTAL, sex, ethnicity);
			AGE_GROUPS.forEach((group, years) -> {
				LocalDate[] part = intersect(stay, born.plusYears(years[0]), born.plusYears(years[1]));
				if (part != null) {
					into.stock(CHILDREN, unit, part[0], part[1], 1, Cell.of(AGE_GROUP, group));
				}
			});
			// the age bands the plans' rates divide by are kept as totals only: by sex they would double the rows of
			// every commune, and the breakdowns of children by sex and age group are those of CHILDREN
			stockWithin(into, CHILDREN_UNDER_5, stay, born, born.plusYears(5));
			if (child.birthRegistered() != null) {
				stockWithin(into, CHILDREN_UNDER_5_BIRTH_RECORDED, stay, born, born.plusYears(5), sex);
				if (child.birthRegistered()) {
					stockWithin(into, CHILDREN_UNDER_5_BIRTH_REGISTERED, stay, born, born.plusYears(5), sex);
				}
			}
			stockWithin(into, CHILDREN_AGED_7_15, stay, born.plusYears(7), sixteen);
			stockWithin(into, CHILDREN_AGED_11_15, stay, born.plusYears(11), sixteen);
			for (LocalDate[] interval : special) {
				LocalDate[] part = intersect(stay, interval[0], interval[1]);
				if (part != null) {
					into.presence(CHILDREN_SPECIAL, CHILDREN_SPECIAL_EXITS, unit, part[0], part[1], Cell.TOTAL, sex);
					AGE_GROUPS.forEach((group, years) -> {
						LocalDate[] aged = intersect(new Stay(unit, part[0], part[1]), born.plusYears(years[0]),
								born.plusYears(years[1]));
						if (aged != null) {
							into.stock(CHILDREN_SPECIAL, unit, aged[0], aged[1], 1, Cell.of(AGE_GROUP, group));
						}
					});
				}
			}
			specialByGroup.forEach((group, intervals) -> {
				for (LocalDate[] interval : intervals) {
					LocalDate[] part = intersect(stay, interval[0], interval[1]);
					if (part != null) {
						into.presence(CHILDREN_SPECIAL, CHILDREN_SPECIAL_EXITS, unit, part[0], part[1],
								Cell.of(GROUP, group));
					}
				}
			});
			for (LocalDate[] interval : atRisk) {
				LocalDate[] part = intersect(stay, interval[0], interval[1]);
				if (part != null) {
					into.stock(CHILDREN_AT_RISK, unit, part[0], part[1], 1, Cell.TOTAL, sex);
					AGE_GROUPS.forEach((group, years) -> {
						LocalDate[] aged = intersect(new Stay(unit, part[0], part[1]), born.plusYears(years[0]),
								born.plusYears(years[1]));
						if (aged != null) {
							into.stock(CHILDREN_AT_RISK, unit, aged[0], aged[1], 1, Cell.of(AGE_GROUP, group));
						}
					});
				}
			}
			atRiskByGroup.forEach((group, intervals) -> {
				for (LocalDate[] interval : intervals) {
					LocalDate[] part = intersect(stay, interval[0], interval[1]);
					if (part != null) {
						into.stock(CHILDREN_AT_RISK, unit, part[0], part[1], 1, Cell.of(GROUP, group));
					}
				}
			});
		}
		for (Support support : child.supports()) {
			LocalDate on = support.givenOn();
			Cell kind = Cell.of(SUPPORT_KIND, support.kind().name());
			Cell source = Cell.of(SUPPORT_SOURCE, support.source().name());
			into.flow(SUPPORTS, support.unitId(), on, 1, Cell.TOTAL, kind, source);
			if (support.amountVnd() != null) {
				into.flow(SUPPORT_AMOUNT, support.unitId(), on, support.amountVnd(), Cell.TOTAL, kind, source);
			}
			if (on.isBefore(born) || !on.isBefore(sixteen)) {
				continue;
			}
			into.distinct(CHILDREN_SUPPORTED, support.unitId(), on, Cell.TOTAL, kind, sex);
			if (covers(special, on)) {
				into.distinct(CHILDREN_SPECIAL_ASSISTED, support.unitId(), on, Cell.TOTAL, sex);
				specialByGroup.forEach((group, intervals) -> {
					if (covers(intervals, on)) {
						into.distinct(CHILDREN_SPECIAL_ASSISTED, support.unitId(), on, Cell.of(GROUP, group));
					}
				});
			}
		}
	}

	/** Where the child lived during childhood; the first residence counts from birth. */
	static List<Stay> stays(ChildFacts child, LocalDate born, LocalDate sixteen) {
		List<Stay> stays = new ArrayList<>();
		List<Residence> residences = child.residences();
		for (int i = 0; i < residences.size(); i++) {
			Residence r = residences.get(i);
			LocalDate from = i == 0 || r.from().isBefore(born) ? born : r.from();
			LocalDate to = r.to() == null ? sixteen : min(r.to().plusDays(1), sixteen);
			if (from.isBefore(to)) {
				stays.add(new Stay(r.unitId(), from, to));
			}
		}
		return stays;
	}

	private static void stockWithin(Contributions into, String measure, Stay stay, LocalDate from, LocalDate to,
			Cell... cells) {
		LocalDate[] part = intersect(stay, from, to);
		if (part != null) {
			into.stock(measure, stay.unitId(), part[0], part[1], 1, cells.length == 0 ? new Cell[] { Cell.TOTAL }
					: java.util.stream.Stream.concat(java.util.stream.Stream.of(Cell.TOTAL), java.util.Arrays.stream(cells))
						.toArray(Cell[]::new));
		}
	}

	/** The days of the stay within [from, to), or {@code null} when none. */
	static LocalDate[] intersect(Stay stay, LocalDate from, LocalDate to) {
		LocalDate start = max(stay.from(), from);
		LocalDate end = min(stay.toExclusive(), to);
		return start.isBefore(end) ? new LocalDate[] { start, end } : null;
	}

	/** The memberships (or at-risk flags) merged into disjoint intervals [from, toExclusive) within childhood. */
	static List<LocalDate[]> union(List<Circumstance> circumstances, boolean atRisk, LocalDate born, LocalDate sixteen) {
		List<LocalDate[]> intervals = new ArrayList<>();
		for (Circumstance c : circumstances) {
			if (c.atRisk() == atRisk) {
				LocalDate from = max(c.from(), born);
				LocalDate to = c.to() == null ? sixteen : min(c.to().plusDays(1), sixteen);
				if (from.isBefore(to)) {
					intervals.add(new LocalDate[] { from, to });
				}
			}
		}
		intervals.sort(Comparator.comparing(i -> i[0]));
		List<LocalDate[]> merged = new ArrayList<>();
		for (LocalDate[] interval : intervals) {
			LocalDate[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !interval[0].isAfter(last[1])) {
				last[1] = max(last[1], interval[1]);
			}
			else {
				merged.add(new LocalDate[] { interval[0], interval[1] });
			}
		}
		return merged;
	}

	private static Map<String, List<LocalDate[]>> byGroup(List<Circumstance> circumstances, boolean atRisk,
			LocalDate born, LocalDate sixteen) {
		Map<String, List<Circumstance>> groups = new TreeMap<>();
		for (Circumstance c : circumstances) {
			if (c.atRisk() == atRisk) {
				groups.computeIfAbsent(c.groupCode(), k -> new ArrayList<>()).add(c);
			}
		}
		Map<String, List<LocalDate[]>> intervals = new TreeMap<>();
		groups.forEach((group, list) -> intervals.put(group, union(list, atRisk, born, sixteen)));
		return intervals;
	}

	private static boolean covers(List<LocalDate[]> intervals, LocalDate day) {
		for (LocalDate[] interval : intervals) {
			if (!day.isBefore(interval[0]) && day.isBefore(interval[1])) {
				return true;
			}
		}
		return false;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	// --- what changes a child's facts ---

	@ApplicationModuleListener
	void on(ChildRegistered event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(ChildCorrected event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(ChildMoved event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(CircumstanceStarted event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(CircumstanceEnded event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(SupportGiven event) {
		tallies.refresh(this, List.of(event.childId()));
	}

	@ApplicationModuleListener
	void on(ChildrenImported event) {
		tallies.refresh(this, register.childrenOfImport(event.importId()));
	}
}
