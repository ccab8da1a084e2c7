package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the statistics of prostitution prevention are made of: per prone establishment its type, unit, dates and
 * inspections; per tip-off its channel, day and whether it was dealt with in full; per support record (pseudonymous)
 * its sex, unit, consent date, whether the person declared a need, and the days services were received. No names, no
 * content. The indicators module counts from these facts and hides small counts of people itself, so these reads are
 * not restricted to a jurisdiction.
 */
@Component
@Transactional(readOnly = true)
public class PreventionFacts {

	/** @param registeredWorkers the workers the establishment registered, {@code null} when not known */
	public record EstablishmentFacts(long establishmentId, long unitId, EstablishmentType type, LocalDate openedOn,
			LocalDate closedOn, Integer registeredWorkers, List<InspectionFacts> inspections) {
	}

	/** An inspection: the unit it was recorded in, its day, the sanction of each violation and the fines. */
	public record InspectionFacts(long inspectionId, long unitId, LocalDate inspectedOn, List<Sanction> violations,
			long finesVnd) {
	}

	/**
	 * @param receivedOn the day in Vietnam it was received
	 * @param dealtWith verified and then handled or closed as unfounded
	 */
	public record TipOffFacts(long tipOffId, long unitId, TipOffChannel channel, TipOffKind kind, LocalDate receivedOn,
			boolean dealtWith) {
	}

	/** @param inNeed the person declared at least one need */
	public record PersonFacts(long recordId, long unitId, Sex sex, LocalDate consentOn, boolean inNeed,
			List<LocalDate> servicesOn) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	PreventionFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- establishments

	public Map<Long, EstablishmentFacts> establishments(Collection<Long> ids) {
		Map<Long, EstablishmentFacts> found = new HashMap<>();
		chunks(ids, chunk -> establishments("e.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.establishmentId(), f)));
		return found;
	}

	public long establishmentCount() {
		return jdbc.sql("SELECT count(*) FROM prostitution.establishment").query(Long.class).single();
	}

	public void forEachEstablishments(int batchSize, Consumer<List<EstablishmentFacts>> batch) {
		batches("prostitution.establishment", batchSize,
				(first, last) -> batch.accept(establishments("e.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<EstablishmentFacts> establishments(String condition, Map<String, ?> parameters) {
		Map<Long, List<InspectionFacts>> inspections = new HashMap<>();
		Map<Long, List<Sanction>> violations = new HashMap<>();
		Map<Long, Long> fines = new HashMap<>();
		String ofEstablishments = "i.establishment_id IN (SELECT e.id FROM prostitution.establishment e WHERE " + condition + ")";
		jdbc.sql("SELECT v.inspection_id, v.sanction, v.fine_vnd FROM prostitution.violation v JOIN prostitution.inspection i "
				+ "ON i.id = v.inspection_id WHERE " + ofEstablishments + " ORDER BY v.inspection_id, v.id")
			.params(parameters)
			.query(rs -> {
				long id = rs.getLong("inspection_id");
				violations.computeIfAbsent(id, k -> new ArrayList<>()).add(Sanction.valueOf(rs.getString("sanction")));
				fines.merge(id, rs.getLong("fine_vnd"), Long::sum);
			});
		jdbc.sql("SELECT i.id, i.establishment_id, i.unit_id, i.inspected_on FROM prostitution.inspection i WHERE "
				+ ofEstablishments + " ORDER BY i.establishment_id, i.inspected_on, i.id")
			.params(parameters)
			.query(rs -> {
				long id = rs.getLong("id");
				inspections.computeIfAbsent(rs.getLong("establishment_id"), k -> new ArrayList<>())
					.add(new InspectionFacts(id, rs.getLong("unit_id"), rs.getObject("inspected_on", LocalDate.class),
							violations.getOrDefault(id, List.of()), fines.getOrDefault(id, 0L)));
			});
		return jdbc.sql("""
				SELECT e.id, e.unit_id, e.type, e.opened_on, e.closed_on, e.registered_workers
				FROM prostitution.establishment e WHERE """ + " " + condition + " ORDER BY e.id")
			.params(parameters)
			.query((rs, n) -> new EstablishmentFacts(rs.getLong("id"), rs.getLong("unit_id"),
					EstablishmentType.valueOf(rs.getString("type")), rs.getObject("opened_on", LocalDate.class),
					rs.getObject("closed_on", LocalDate.class), (Integer) rs.getObject("registered_workers"),
					inspections.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	// --- tip-offs

	private static final String TIP_OFFS = """
			SELECT t.id, t.unit_id, t.channel, t.kind,
			       CAST(t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) AS received_on,
			       t.step IN ('HANDLED', 'CLOSED_UNFOUNDED')
			         AND EXISTS (SELECT 1 FROM prostitution.tip_off_step s WHERE s.tip_off_id = t.id AND s.step = 'VERIFIED')
			         AS dealt_with
			FROM prostitution.tip_off t WHERE """;

	public Map<Long, TipOffFacts> tipOffs(Collection<Long> ids) {
		Map<Long, TipOffFacts> found = new HashMap<>();
		chunks(ids, chunk -> tipOffs("t.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.tipOffId(), f)));
		return found;
	}

	public long tipOffCount() {
		return jdbc.sql("SELECT count(*) FROM prostitution.tip_off").query(Long.class).single();
	}

	public void forEachTipOffs(int batchSize, Consumer<List<TipOffFacts>> batch) {
		batches("prostitution.tip_off", batchSize,
				(first, last) -> batch.accept(tipOffs("t.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<TipOffFacts> tipOffs(String condition, Map<String, ?> parameters) {
		return jdbc.sql(TIP_OFFS + " " + condition + " ORDER BY t.id")
			.params(parameters)
			.query((rs, n) -> new TipOffFacts(rs.getLong("id"), rs.getLong("unit_id"),
					TipOffChannel.valueOf(rs.getString("channel")), TipOffKind.valueOf(rs.getString("kind")),
					rs.getObject("received_on", LocalDate.class), rs.getBoolean("dealt_with")))
			.list();
	}

	// --- people served

	public Map<Long, PersonFacts> people(Collection<Long> ids) {
		Map<Long, PersonFacts> found = new HashMap<>();
		chunks(ids, chunk -> people("s.id IN (:ids)", Map.of("ids", chunk)).forEach(f -> found.put(f.recordId(), f)));
		return found;
	}

	public long personCount() {
		return jdbc.sql("SELECT count(*) FROM prostitution.support_record").query(Long.class).single();
	}

	public void forEachPeople(int batchSize, Consumer<List<PersonFacts>> batch) {
		batches("prostitution.support_record", batchSize,
				(first, last) -> batch.accept(people("s.id BETWEEN :first AND :last", Map.of("first", first, "last", last))));
	}

	private List<PersonFacts> people(String condition, Map<String, ?> parameters) {
		Map<Long, List<LocalDate>> services = new HashMap<>();
		jdbc.sql("SELECT v.record_id, v.provided_on FROM prostitution.support_service v WHERE v.record_id IN "
				+ "(SELECT s.id FROM prostitution.support_record s WHERE " + condition + ") ORDER BY v.record_id, v.provided_on, v.id")
			.params(parameters)
			.query(rs -> {
				services.computeIfAbsent(rs.getLong("record_id"), k -> new ArrayList<>())
					.add(rs.getObject("provided_on", LocalDate.class));
			});
		return jdbc.sql("SELECT s.id, s.unit_id, s.sex, s.consent_on, cardinality(s.needs) > 0 AS in_need "
				+ "FROM prostitution.support_record s WHERE " + condition + " ORDER BY s.id")
			.params(parameters)
			.query((rs, n) -> new PersonFacts(rs.getLong("id"), rs.getLong("unit_id"), Sex.valueOf(rs.getString("sex")),
					rs.getObject("consent_on", LocalDate.class), rs.getBoolean("in_need"),
					services.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	// ---

	private static void chunks(Collection<Long> ids, Consumer<List<Long>> each) {
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			each.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
		}
	}

	private interface Range {
		void accept(long first, long last);
	}

	private void batches(String table, int batchSize, Range range) {
		long after = Long.MIN_VALUE;
		while (true) {
			List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :n")
				.param("after", after).param("n", batchSize).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			range.accept(ids.get(0), ids.get(ids.size() - 1));
			after = ids.get(ids.size() - 1);
		}
	}
}
