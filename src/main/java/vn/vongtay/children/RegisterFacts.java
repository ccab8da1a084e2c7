package vn.vongtay.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the statistics of the register are made of, per child: sex, birth date, ethnicity, whether the birth is
 * registered, where the child lived and when, the groups of special circumstances with their dates, and the supports
 * received. No name, no identification number, no address: the indicators module turns these facts into counts and
 * applies its own access rules and small-count suppression before anyone sees a figure, so these reads are not
 * restricted to a jurisdiction.
 */
@Component
@Transactional(readOnly = true)
public class RegisterFacts {

	/**
	 * @param residences where the child lived, oldest first ({@code to} inclusive, {@code null} while they live there)
	 * @param circumstances memberships of a group of special circumstances, or at-risk flags ({@code to} inclusive)
	 */
	public record ChildFacts(long childId, Sex sex, LocalDate birthDate, String ethnicityCode, Boolean birthRegistered,
			Long householdId, List<Residence> residences, List<Circumstance> circumstances, List<Support> supports) {
	}

	public record Residence(long unitId, LocalDate from, LocalDate to) {
	}

	public record Circumstance(String groupCode, boolean atRisk, LocalDate from, LocalDate to) {
	}

	/** A support as recorded: attributed to the commune the child lived in when it was given. */
	public record Support(long unitId, SupportKind kind, SupportSource source, Long amountVnd, LocalDate givenOn) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	RegisterFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The facts of the children with these ids that exist; a child no longer in the register is simply absent. */
	public Map<Long, ChildFacts> of(Collection<Long> childIds) {
		Map<Long, ChildFacts> found = new HashMap<>();
		List<Long> ids = List.copyOf(childIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			load("c.id IN (:ids)", "x.child_id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.childId(), f));
		}
		return found;
	}

	/** Every child of the register in batches of about {@code batchSize}, by id: what a full recount reads. */
	public void forEachBatch(int batchSize, Consumer<List<ChildFacts>> batch) {
		long after = Long.MIN_VALUE;
		while (true) {
			List<Long> ids = jdbc.sql("SELECT id FROM children.child WHERE id > :after ORDER BY id LIMIT :n")
				.param("after", after).param("n", batchSize).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			long first = ids.get(0);
			long last = ids.get(ids.size() - 1);
			batch.accept(load("c.id BETWEEN :first AND :last", "x.child_id BETWEEN :first AND :last",
					Map.of("first", first, "last", last)));
			after = last;
		}
	}

	/** How many children the register holds (people of any age). */
	public long count() {
		return jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
	}

	/** The children a register file import wrote. */
	public List<Long> childrenOfImport(long importId) {
		return jdbc.sql("SELECT id FROM children.child WHERE import_id = :import ORDER BY id").param("import", importId)
			.query(Long.class).list();
	}

	/** The names of the ethnic groups by code, for the labels of a breakdown. */
	public Map<String, String> ethnicities() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name FROM children.ethnicity ORDER BY code")
			.query(rs -> {
				names.put(rs.getString("code"), rs.getString("name"));
			});
		return names;
	}

	/** The 14 groups of special circumstances by letter, in the law's order: Vietnamese and English names. */
	public Map<String, String[]> circumstanceGroups() {
		Map<String, String[]> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name, name_en FROM children.circumstance_group ORDER BY position")
			.query(rs -> {
				names.put(rs.getString("code"), new String[] { rs.getString("name"), rs.getString("name_en") });
			});
		return names;
	}

	private List<ChildFacts> load(String childCondition, String partCondition, Map<String, ?> parameters) {
		Map<Long, List<Residence>> residences = new HashMap<>();
		jdbc.sql("SELECT x.child_id, x.unit_id, x.from_date, x.to_date FROM children.residence x WHERE " + partCondition
				+ " ORDER BY x.child_id, x.from_date, x.id")
			.params(parameters)
			.query(rs -> {
				residences.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
					.add(new Residence(rs.getLong("unit_id"), rs.getObject("from_date", LocalDate.class),
							rs.getObject("to_date", LocalDate.class)));
			});
		Map<Long, List<Circumstance>> circumstances = new HashMap<>();
		jdbc.sql("SELECT x.child_id, x.group_code, x.at_risk, x.from_date, x.to_date FROM children.circumstance x WHERE "
				+ partCondition + " ORDER BY x.child_id, x.from_date, x.id")
			.params(parameters)
			.query(rs -> {
				circumstances.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
					.add(new Circumstance(rs.getString("group_code"), rs.getBoolean("at_risk"),
							rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)));
			});
		Map<Long, List<Support>> supports = new HashMap<>();
		jdbc.sql("SELECT x.child_id, x.unit_id, x.kind, x.source, x.amount_vnd, x.given_on FROM children.support x WHERE "
				+ partCondition + " ORDER BY x.child_id, x.given_on, x.id")
			.params(parameters)
			.query(rs -> {
				supports.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
					.add(new Support(rs.getLong("unit_id"), SupportKind.valueOf(rs.getString("kind")),
							SupportSource.valueOf(rs.getString("source")), (Long) rs.getObject("amount_vnd"),
							rs.getObject("given_on", LocalDate.class)));
			});
		return jdbc.sql("""
				SELECT c.id, c.sex, c.birth_date, c.ethnicity_code, c.birth_registered, c.household_id, c.unit_id
				FROM children.child c WHERE """ + " " + childCondition + " ORDER BY c.id")
			.params(parameters)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				List<Residence> lived = residences.getOrDefault(id, List.of());
				if (lived.isEmpty()) {
					// a record written without its residence row still lives somewhere: where the record is
					lived = List.of(new Residence(rs.getLong("unit_id"), rs.getObject("birth_date", LocalDate.class), null));
				}
				return new ChildFacts(id, Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
						rs.getString("ethnicity_code"), (Boolean) rs.getObject("birth_registered"),
						(Long) rs.getObject("household_id"), lived, circumstances.getOrDefault(id, List.of()),
						supports.getOrDefault(id, List.of()));
			})
			.list();
	}
}
