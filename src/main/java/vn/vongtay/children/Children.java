package vn.vongtay.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.SignedInUser;

/**
 * The child register. Every read goes through the caller's reach: their jurisdiction, and for a village collaborator
 * their villages; a record outside it is answered as not found, and no answer (a search, a count, an error message)
 * depends on records outside it. What of a record the caller reads or writes is the need-to-know table's
 * ({@link RegisterRights}, docs/decisions/0009): a part they may not read is neither shown, filtered nor counted.
 * Opening a record, a search that answers names and an export are written to the audit log.
 */
@Component
@Transactional
public class Children {

	static final String SUMMARY = """
			SELECT c.id, c.full_name, c.birth_date, c.birth_date_estimated, c.sex, u.code AS commune_code,
			       u.full_name AS commune_name, v.name AS village
			FROM children.child c
			JOIN geography.unit u ON u.id = c.unit_id
			LEFT JOIN children.village v ON v.id = c.village_id
			""";

	static final String VIETNAMESE_ORDER = " ORDER BY c.given_name COLLATE \"vi-x-icu\", c.family_name COLLATE \"vi-x-icu\","
			+ " c.full_name COLLATE \"vi-x-icu\", c.id";

	/** A name or number typed into the search: longer than any name, it is not a search. */
	static final int QUERY_MAX = 200;

	/** @throws UserFacingException 403 unless the caller's rights in the register allow it */
	static RegisterRights require(Predicate<RegisterRights> allowed) {
		RegisterRights rights = RegisterRights.of(Jurisdictions.requireUser());
		if (!allowed.test(rights)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return rights;
	}

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final PersonalIdConflicts conflicts;
	private final Clock clock;
	private final int smallCountThreshold;

	Children(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, AuditLog audit, ApplicationEventPublisher events,
			PersonalIdConflicts conflicts, Clock clock,
			@Value("${vongtay.privacy.small-count-threshold:5}") int smallCountThreshold) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.audit = audit;
		this.events = events;
		this.conflicts = conflicts;
		this.clock = clock;
		this.smallCountThreshold = smallCountThreshold;
	}

	/** What the caller may do in the register: what the pages offer them. */
	public RegisterRights rights() {
		return RegisterRights.of(Jurisdictions.requireUser());
	}

	/**
	 * The condition that keeps rows of {@code alias} (a child or a household: both have a unit and a village) within the
	 * caller's reach, its parameters added to {@code parameters}: the jurisdiction, and a collaborator's villages.
	 */
	private String reach(String alias, RegisterRights rights, Map<String, Object> parameters) {
		Jurisdiction jurisdiction = jurisdictions.current();
		parameters.put(Jurisdiction.PARAMETER, jurisdiction.boundRoots());
		String condition = jurisdiction.restrict(alias + ".unit_id");
		if (rights.keptToVillages()) {
			Set<Long> villages = Jurisdictions.requireUser().villageIds();
			parameters.put("villages", villages.isEmpty() ? List.of(-1L) : List.copyOf(villages));
			condition += " AND " + alias + ".village_id IN (:villages)";
		}
		return condition;
	}

	/** True when the unit and village (of a child or household) lie within the caller's reach. */
	private boolean reaches(long unitId, Long villageId, RegisterRights rights) {
		return jurisdictions.covers(unitId) && (!rights.keptToVillages()
				|| villageId != null && Jurisdictions.requireUser().villageIds().contains(villageId));
	}

	// --- reading ---

	/**
	 * Children matching the query within the caller's reach, in Vietnamese order (given name, family name). The search
	 * answers names, so it is written to the audit log: what was asked and how many children it answered, not who.
	 */
	@Transactional(readOnly = true)
	public List<ChildSummary> search(ChildQuery query) {
		RegisterRights rights = require(RegisterRights::identity);
		strictSimilarity();
		Criteria criteria = criteria(query, rights);
		List<ChildSummary> found = jdbc.sql(SUMMARY + " WHERE " + criteria.sql() + VIETNAMESE_ORDER
				+ " LIMIT :limit OFFSET :offset")
			.params(criteria.parameters())
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(Children::summary)
			.list();
		audit.record("CHILDREN_SEARCHED", "Child", null, null, describe(query) + " page=" + query.page()
				+ " answered=" + found.size());
		return found;
	}

	/** How many children match the query within the caller's reach: a number, no name, so not audited. */
	@Transactional(readOnly = true)
	public long count(ChildQuery query) {
		RegisterRights rights = require(RegisterRights::identity);
		strictSimilarity();
		Criteria criteria = criteria(query, rights);
		return jdbc.sql("SELECT count(*) FROM children.child c WHERE " + criteria.sql())
			.params(criteria.parameters())
			.query(Long.class)
			.single();
	}

	/** The criteria of a query as the audit log keeps them: those given, as typed. */
	private static String describe(ChildQuery query) {
		StringBuilder said = new StringBuilder();
		java.util.function.BiConsumer<String, Object> criterion = (name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				said.append(name).append('=').append(value).append(' ');
			}
		};
		criterion.accept("q", query.text());
		criterion.accept("unit", query.unitCode());
		criterion.accept("bornFrom", query.bornFrom());
		criterion.accept("bornTo", query.bornTo());
		criterion.accept("group", query.groupCode());
		criterion.accept("atRisk", query.atRisk() ? "true" : null);
		criterion.accept("adults", query.includeAdults() ? "true" : null);
		criterion.accept("asOf", query.asOf());
		return said.toString().strip();
	}

	/**
	 * Names that share a third of their trigrams are too far apart to be the same child typed with a slip ("Đinh Văn
	 * Chuyển" is not "Đinh Bảo Thủy"); half is the threshold at which "Nguyen Van Ahn" still finds "Nguyễn Văn An".
	 */
	private void strictSimilarity() {
		jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', '0.5', true)").query(String.class).single();
	}

	/** A condition on {@code c} (a child), the caller's reach included, with its parameters. */
	private record Criteria(String sql, Map<String, Object> parameters) {
	}

	/** True when the search covers a few units only (a commune and the former communes it continues). */
	private boolean fewUnits(ChildQuery query) {
		Jurisdiction jurisdiction = jurisdictions.current();
		long reach = jurisdiction.bind(jdbc.sql("SELECT count(*) FROM geography.unit_reach WHERE root_id IN (:"
				+ Jurisdiction.PARAMETER + ")")).query(Long.class).single();
		if (reach <= FEW_UNITS) {
			return true;
		}
		if (query.unitCode() == null || query.unitCode().isBlank()) {
			return false;
		}
		return jdbc.sql("""
				SELECT count(*) FROM geography.unit_reach r JOIN geography.unit u ON u.id = r.root_id
				WHERE u.code = :code AND u.level = 'COMMUNE'""")
			.param("code", query.unitCode().strip()).query(Long.class).single() > 0;
	}

	private static final int FEW_UNITS = 12;

	/** True when a child within the reach (the condition on {@code c}) has exactly this folded name. */
	private boolean exactly(String folded, String reach, Map<String, Object> parameters) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM children.child c WHERE c.name_folded = :q AND " + reach + ")")
			.params(parameters)
			.param("q", folded)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The children whose folded name meets the condition on {@code n.name_folded}, looked up in the partitions of the
	 * provinces bound to {@code :provinces} only. An array computed once, so that the plan is an index look-up of those
	 * ids whatever the parameters (a join let a generic plan hash the whole province instead).
	 */
	private static String namesOfProvinces(String condition) {
		return " AND c.id = ANY (ARRAY(SELECT n.child_id FROM children.child_name n WHERE n.province_code IN (:provinces)"
				+ " AND " + condition + "))";
	}

	/**
	 * The query as a condition on {@code c} within the caller's reach. Filtering by a group, or by being at risk of one,
	 * is a read of the groups: refused to whoever may not read them (a filter answered once per group letter would
	 * tell which child has HIV or was abused).
	 */
	private Criteria criteria(ChildQuery query, RegisterRights rights) {
		boolean byGroup = query.groupCode() != null && !query.groupCode().isBlank() || query.atRisk();
		if (byGroup && !rights.groups()) {
			throw new UserFacingException(403, "error.access-denied");
		}
		Map<String, Object> parameters = new HashMap<>();
		String reach = reach("c", rights, parameters);
		StringBuilder sql = new StringBuilder(reach);
		LocalDate asOf = query.asOf() == null ? today() : query.asOf();
		parameters.put("asOf", asOf);
		String text = VietnameseText.clean(query.text());
		if (text != null && text.length() > QUERY_MAX) {
			throw UserFacingException.invalid("error.child.query-too-long", QUERY_MAX);
		}
		if (text != null && text.replace(" ", "").matches("[0-9]{12}")) {
			sql.append(" AND c.personal_id = :pid");
			parameters.put("pid", text.replace(" ", ""));
		}
		else if (text != null) {
			String folded = VietnameseText.fold(text);
			// Within a commune comparing each folded name is faster than any index, whose lists for common names
			// ("nguyen", "van") are long. Above that the trigram index of the names of each province the jurisdiction
			// reaches (children.child_name, partitioned by province) gives the ids, whose records the jurisdiction
			// filter then checks one by one (see docs/decisions/0004 and docs/benchmarks.md).
			boolean few = fewUnits(query);
			String nameCondition;
			if (folded.split(" ").length >= 3) {
				// a full name: as typed (without accents, any case) when some child has it, else close to it
				// ("Nguyen Van Ahn"): the exact name is an index look-up, the near one a trigram comparison
				nameCondition = exactly(folded, reach, parameters) ? " AND c.name_folded = :q"
						: few ? " AND similarity(c.name_folded, :q) >= 0.5" : namesOfProvinces("n.name_folded % :q");
			}
			else {
				// a part of a name ("van an", "thuy"): the words found in the name, allowing a slip
				nameCondition = few ? " AND (c.name_folded LIKE :prefix OR word_similarity(:q, c.name_folded) >= 0.6)"
						: namesOfProvinces("(n.name_folded LIKE :prefix OR :q <% n.name_folded)");
				parameters.put("prefix", folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
			if (nameCondition.contains(":provinces")) {
				// read only when needed: an exact name does without it
				List<String> provinces = jurisdictions.provinceCodes();
				parameters.put("provinces", provinces.isEmpty() ? List.of("") : provinces);
			}
			sql.append(nameCondition);
			parameters.put("q", folded);
		}
		if (query.unitCode() != null && !query.unitCode().isBlank()) {
			String code = query.unitCode().strip();
			// a unit code names the unit of the date asked, or the unit abolished in 2025 that carried it
			AdministrativeUnit unit = units.findByCode(code, asOf)
				.or(() -> units.findByCode(code, LocalDate.of(2025, 6, 30)))
				.orElseThrow(() -> UserFacingException.invalid("error.unit.not-found", code));
			sql.append(" AND c.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit)");
			parameters.put("unit", unit.id());
		}
		if (query.bornFrom() != null) {
			sql.append(" AND c.birth_date >= :bornFrom");
			parameters.put("bornFrom", query.bornFrom());
		}
		if (query.bornTo() != null) {
			sql.append(" AND c.birth_date <= :bornTo");
			parameters.put("bornTo", query.bornTo());
		}
		if (query.groupCode() != null && !query.groupCode().isBlank()) {
			sql.append("""
					 AND EXISTS (SELECT 1 FROM children.circumstance s WHERE s.child_id = c.id AND s.group_code = :group
					             AND s.at_risk = :atRisk AND s.from_date <= :asOf AND (s.to_date IS NULL OR s.to_date >= :asOf))""");
			parameters.put("group", query.groupCode().strip());
			parameters.put("atRisk", query.atRisk());
		}
		if (!query.includeAdults()) {
			sql.append(" AND c.birth_date > CAST(:asOf AS date) - INTERVAL '16 years'");
		}
		return new Criteria(sql.toString(), parameters);
	}

	static final int EXPORT_LIMIT = 200_000;

	/**
	 * The children matching the query as an XLSX workbook, within the caller's jurisdiction (at most 200,000 rows);
	 * the export is written to the audit log with its criteria and size.
	 */
	@Transactional(readOnly = true)
	public byte[] export(ChildQuery query) {
		RegisterRights rights = require(RegisterRights::export);
		strictSimilarity();
		Criteria criteria = criteria(query, rights);
		List<List<Object>> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT c.full_name, c.birth_date, c.birth_date_estimated, c.sex, e.name AS ethnicity, c.personal_id,
				       u.code AS commune_code, u.full_name AS commune_name, v.name AS village, g.full_name AS caregiver,
				       g.relationship, (SELECT string_agg(s.group_code, ', ' ORDER BY s.group_code) FROM children.circumstance s
				        WHERE s.child_id = c.id AND NOT s.at_risk AND s.from_date <= :asOf
				          AND (s.to_date IS NULL OR s.to_date >= :asOf)) AS groups, c.notes
				FROM children.child c
				JOIN geography.unit u ON u.id = c.unit_id
				LEFT JOIN children.village v ON v.id = c.village_id
				LEFT JOIN children.ethnicity e ON e.code = c.ethnicity_code
				LEFT JOIN LATERAL (SELECT full_name, relationship FROM children.caregiver WHERE household_id = c.household_id
				                   ORDER BY is_primary DESC, id LIMIT 1) g ON true
				WHERE """ + " " + criteria.sql() + VIETNAMESE_ORDER + " LIMIT " + EXPORT_LIMIT)
			.params(criteria.parameters())
			.query(rs -> {
				List<Object> row = new ArrayList<>();
				row.add(rs.getString("full_name"));
				LocalDate birth = rs.getObject("birth_date", LocalDate.class);
				row.add(rs.getBoolean("birth_date_estimated") ? (Object) String.valueOf(birth.getYear()) : birth);
				row.add(switch (Sex.valueOf(rs.getString("sex"))) {
					case MALE -> "Nam";
					case FEMALE -> "Nữ";
					case UNKNOWN -> "Không rõ";
				});
				row.add(rs.getString("ethnicity"));
				row.add(rs.getString("personal_id"));
				row.add(rs.getString("commune_code"));
				row.add(rs.getString("village"));
				row.add(rs.getString("caregiver"));
				row.add(rs.getString("relationship"));
				row.add(rs.getString("groups"));
				row.add(rs.getString("notes"));
				rows.add(row);
			});
		audit.record("CHILDREN_EXPORTED", "Child", null, null,
				rows.size() + " rows; q=" + query.text() + " unit=" + query.unitCode() + " group=" + query.groupCode());
		return vn.vongtay.core.Spreadsheets.workbook("Sổ theo dõi trẻ em", RegisterFile.HEADINGS, rows);
	}

	/**
	 * The groups a child is recorded in on a date (not those they are only at risk of): their codes only, so that
	 * casework does not suggest a group again.
	 */
	@Transactional(readOnly = true)
	public Set<String> groupsOn(long childId, LocalDate date) {
		return Set.copyOf(jdbc.sql("""
				SELECT group_code FROM children.circumstance
				WHERE child_id = :child AND NOT at_risk AND from_date <= :date AND (to_date IS NULL OR to_date >= :date)""")
			.param("child", childId)
			.param("date", date)
			.query(String.class)
			.list());
	}

	/**
	 * A child's record with the parts the caller may read; siblings and caregivers only within the caller's reach.
	 *
	 * @throws UserFacingException 404 when the child does not exist or lies outside the caller's reach
	 */
	@Transactional(readOnly = true)
	public Child get(long id) {
		RegisterRights rights = require(RegisterRights::identity);
		Map<String, Object> parameters = new HashMap<>();
		String reach = reach("c", rights, parameters);
		Child child = jdbc.sql("""
				SELECT c.*, e.name AS ethnicity, u.code AS commune_code, u.full_name AS commune_name, v.name AS village
				FROM children.child c
				JOIN geography.unit u ON u.id = c.unit_id
				LEFT JOIN children.village v ON v.id = c.village_id
				LEFT JOIN children.ethnicity e ON e.code = c.ethnicity_code
				WHERE c.id = :id AND """ + " " + reach)
			.params(parameters)
			.param("id", id)
			.query((rs, n) -> child(rs, rights))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.child.not-found", id));
		audit.record("CHILD_VIEWED", "Child", id, child.unitId(), null);
		return child;
	}

	/** The record from its row, each part read only when the caller may read it. */
	private Child child(ResultSet rs, RegisterRights rights) throws SQLException {
		long id = rs.getLong("id");
		Long householdId = rights.household() ? (Long) rs.getObject("household_id") : null;
		String level = rs.getString("school_level");
		List<Child.Caregiver> caregivers = List.of();
		List<ChildSummary> siblings = List.of();
		if (householdId != null) {
			Map<String, Object> parameters = new HashMap<>();
			String householdReach = reach("h", rights, parameters);
			caregivers = jdbc.sql("""
					SELECT g.id, g.full_name, g.relationship, g.phone, g.is_primary FROM children.caregiver g
					JOIN children.household h ON h.id = g.household_id
					WHERE g.household_id = :household AND """ + " " + householdReach + " ORDER BY g.is_primary DESC, g.id")
				.params(parameters)
				.param("household", householdId)
				.query((r, n) -> new Child.Caregiver(r.getLong("id"), r.getString("full_name"), r.getString("relationship"),
						r.getString("phone"), r.getBoolean("is_primary")))
				.list();
			Map<String, Object> siblingParameters = new HashMap<>();
			siblings = jdbc.sql(SUMMARY + " WHERE c.household_id = :household AND c.id <> :id AND "
					+ reach("c", rights, siblingParameters) + " ORDER BY c.birth_date")
				.params(siblingParameters)
				.param("household", householdId)
				.param("id", id)
				.query(Children::summary)
				.list();
		}
		List<Child.Circumstance> circumstances = !rights.groups() ? List.of() : jdbc.sql("""
				SELECT s.id, s.group_code, g.name AS group_name, sg.name AS subgroup_name, s.at_risk, s.from_date,
				       s.to_date, s.evidence
				FROM children.circumstance s JOIN children.circumstance_group g ON g.code = s.group_code
				LEFT JOIN children.circumstance_subgroup sg ON sg.id = s.subgroup_id
				WHERE s.child_id = :id ORDER BY s.from_date DESC, g.position""")
			.param("id", id)
			.query((r, n) -> new Child.Circumstance(r.getLong("id"), r.getString("group_code"),
					r.getString("group_name"), r.getString("subgroup_name"), r.getBoolean("at_risk"),
					r.getObject("from_date", LocalDate.class), r.getObject("to_date", LocalDate.class),
					r.getString("evidence")))
			.list();
		List<Child.Support> supports = !rights.supports() ? List.of() : jdbc.sql("""
				SELECT id, kind, amount_vnd, given_on, source, note FROM children.support
				WHERE child_id = :id ORDER BY given_on DESC, id DESC""")
			.param("id", id)
			.query((r, n) -> new Child.Support(r.getLong("id"), SupportKind.valueOf(r.getString("kind")),
					(Long) r.getObject("amount_vnd"), r.getObject("given_on", LocalDate.class),
					SupportSource.valueOf(r.getString("source")), r.getString("note")))
			.list();
		List<Child.Residence> residences = jdbc.sql("""
				SELECT u.code, u.full_name, r.from_date, r.to_date, r.reason FROM children.residence r
				JOIN geography.unit u ON u.id = r.unit_id WHERE r.child_id = :id ORDER BY r.from_date, r.id""")
			.param("id", id)
			.query((r, n) -> new Child.Residence(r.getString("code"), r.getString("full_name"),
					r.getObject("from_date", LocalDate.class), r.getObject("to_date", LocalDate.class),
					r.getString("reason")))
			.list();
		return new Child(id, rs.getString("full_name"), Sex.valueOf(rs.getString("sex")),
				rs.getObject("birth_date", LocalDate.class), rs.getBoolean("birth_date_estimated"),
				rs.getString("ethnicity_code"), rs.getString("ethnicity"), rs.getString("personal_id"),
				(Boolean) rs.getObject("birth_registered"), rs.getLong("unit_id"), rs.getString("commune_code"),
				rs.getString("commune_name"), rs.getString("village"), rights.household() ? rs.getString("address") : null,
				householdId, level == null ? null : SchoolLevel.valueOf(level), rs.getString("school_name"),
				rights.groups() && rs.getBoolean("out_of_school"), rights.groups() ? rs.getString("disability") : null,
				rights.supports() ? (Boolean) rs.getObject("health_insurance") : null,
				rights.notes() ? rs.getString("notes") : null, rs.getInt("version"), caregivers, siblings, circumstances,
				supports, residences);
	}

	// --- writing ---

	/**
	 * Registers a child in a commune of the caller's jurisdiction (a collaborator: in one of their villages), with the
	 * parts of the record the caller may write.
	 */
	public long register(ChildDraft draft) {
		RegisterRights rights = require(RegisterRights::register);
		AdministrativeUnit commune = validate(draft, null, rights);
		Long villageId = village(commune.id(), draft.village());
		SignedInUser user = Jurisdictions.requireUser();
		if (rights.keptToVillages() && (villageId == null || !user.villageIds().contains(villageId))) {
			throw UserFacingException.rejected(List.of(InputProblem.field("village", "error.child.village-not-yours",
					String.valueOf(draft.village()))));
		}
		Long householdId = household(draft, commune, villageId);
		Names names = Names.of(draft.fullName());
		long id = jdbc.sql("""
				INSERT INTO children.child (full_name, given_name, family_name, sex, birth_date, birth_date_estimated,
				       ethnicity_code, personal_id, birth_registered, unit_id, province_code, village_id, address,
				       household_id, school_level, school_name, out_of_school, disability, health_insurance, notes, created_by)
				VALUES (:fullName, :given, :family, :sex, :birthDate, :estimated, :ethnicity, :pid, :registered, :unit,
				       :province, :village, :address, :household, :schoolLevel, :schoolName, :outOfSchool, :disability,
				       :insurance, :notes, :by) RETURNING id""")
			.params(fields(draft, names))
			.param("unit", commune.id())
			.param("province", commune.provinceCode())
			.param("village", villageId)
			.param("household", householdId)
			.param("by", user.id())
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO children.residence (child_id, unit_id, from_date, reason, recorded_by) "
				+ "VALUES (:child, :unit, :from, 'REGISTERED', :by)")
			.param("child", id).param("unit", commune.id()).param("from", today()).param("by", user.id())
			.update();
		audit.record("CHILD_REGISTERED", "Child", id, commune.id(), null);
		events.publishEvent(new ChildRegistered(id, commune.id(), commune.provinceCode()));
		return id;
	}

	/**
	 * The children within the caller's reach that the draft may describe again: the same name without accents, date of
	 * birth and commune, as an import finds its duplicates (issue 17 §3), so that a child typed twice is caught before a
	 * second record exists. Names answered are written to the audit log as a search is. Empty when the draft lacks the
	 * name, date or a commune of the caller's: registration refuses it anyway.
	 */
	@Transactional(readOnly = true)
	public List<ChildSummary> likelyDuplicates(ChildDraft draft) {
		RegisterRights rights = require(RegisterRights::register);
		String name = VietnameseText.clean(draft.fullName());
		Optional<AdministrativeUnit> commune = draft.communeCode() == null ? Optional.empty()
				: units.findByCode(draft.communeCode().strip(), today()).filter(u -> u.level() == UnitLevel.COMMUNE)
					.filter(u -> jurisdictions.covers(u.id()));
		if (name == null || draft.birthDate() == null || commune.isEmpty()) {
			return List.of();
		}
		Map<String, Object> parameters = new HashMap<>();
		String reach = reach("c", rights, parameters);
		List<ChildSummary> found = jdbc.sql(SUMMARY + " WHERE " + reach + """
				 AND c.name_folded = public.vn_fold(:name) AND c.birth_date = :birthDate AND c.unit_id = :unit
				ORDER BY c.id LIMIT 10""")
			.params(parameters)
			.param("name", name)
			.param("birthDate", draft.birthDate())
			.param("unit", commune.get().id())
			.query(Children::summary)
			.list();
		if (!found.isEmpty()) {
			audit.record("CHILDREN_SEARCHED", "Child", null, commune.get().id(), "likely duplicates of a registration"
					+ " answered=" + found.size());
		}
		return found;
	}

	/**
	 * The communes in which the caller may register a child today, by name: the picker of the registration form for
	 * those who answer for more than one commune.
	 */
	@Transactional(readOnly = true)
	public List<AdministrativeUnit> communesToRegisterIn() {
		require(RegisterRights::register);
		Jurisdiction jurisdiction = jurisdictions.current();
		List<Long> ids = jdbc.sql("""
				SELECT u.id FROM geography.unit u
				WHERE u.level = 'COMMUNE' AND (u.valid_from IS NULL OR u.valid_from <= :today)
				  AND (u.valid_to IS NULL OR u.valid_to >= :today) AND """ + " " + jurisdiction.restrict("u.id"))
			.param(Jurisdiction.PARAMETER, jurisdiction.boundRoots())
			.param("today", today())
			.query(Long.class)
			.list();
		return units.findAllById(ids).stream()
			.sorted(java.util.Comparator.comparing(AdministrativeUnit::fullName, java.text.Collator.getInstance(
					java.util.Locale.forLanguageTag("vi"))))
			.toList();
	}

	/** Corrects a child's record; refused when someone else changed it since {@code version}. */
	public void update(long id, int version, ChildDraft draft) {
		RegisterRights rights = require(RegisterRights::correct);
		Child current = get(id);
		if (!current.communeCode().equals(draft.communeCode())) {
			throw UserFacingException.invalid("error.child.move-instead");
		}
		AdministrativeUnit commune = validate(draft, id, rights);
		Long villageId = village(commune.id(), draft.village());
		Names names = Names.of(draft.fullName());
		int changed = jdbc.sql("""
				UPDATE children.child SET full_name = :fullName, given_name = :given, family_name = :family, sex = :sex,
				       birth_date = :birthDate, birth_date_estimated = :estimated, ethnicity_code = :ethnicity,
				       personal_id = :pid, birth_registered = :registered, village_id = :village, address = :address,
				       school_level = :schoolLevel, school_name = :schoolName, out_of_school = :outOfSchool,
				       disability = :disability, health_insurance = :insurance, notes = :notes, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(fields(draft, names))
			.param("village", villageId)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("child " + id + " changed since version " + version);
		}
		audit.record("CHILD_UPDATED", "Child", id, commune.id(), null);
		events.publishEvent(new ChildCorrected(id, commune.id()));
	}

	/**
	 * Moves a child to another commune with their history: the record goes with them, the former commune no longer
	 * sees it. The caller must answer for the commune the child leaves.
	 */
	public void move(long id, int version, String toCommuneCode, LocalDate on) {
		require(RegisterRights::relocate);
		Child child = get(id);
		LocalDate date = on == null ? today() : on;
		AdministrativeUnit target = units.findByCode(toCommuneCode, date)
			.filter(u -> u.level() == UnitLevel.COMMUNE)
			.orElseThrow(() -> UserFacingException.rejected(List.of(InputProblem.field("communeCode",
					"error.child.commune-unknown", String.valueOf(toCommuneCode)))));
		if (target.id() == child.unitId()) {
			throw UserFacingException.invalid("error.child.same-commune");
		}
		relocate(child.id(), version, child.unitId(), target, date, "MOVED");
	}

	private void relocate(long childId, int version, long fromUnitId, AdministrativeUnit target, LocalDate on,
			String reason) {
		int changed = jdbc.sql("""
				UPDATE children.child SET unit_id = :unit, province_code = :province, village_id = NULL, household_id = NULL,
				       version = version + 1
				WHERE id = :id AND version = :version""")
			.param("unit", target.id())
			.param("province", target.provinceCode())
			.param("id", childId)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("child " + childId + " changed since version " + version);
		}
		Long by = Jurisdictions.currentUser().map(SignedInUser::id).orElse(null);
		jdbc.sql("UPDATE children.residence SET to_date = :on WHERE child_id = :child AND to_date IS NULL")
			.param("on", on.minusDays(1)).param("child", childId).update();
		jdbc.sql("INSERT INTO children.residence (child_id, unit_id, from_date, reason, recorded_by) "
				+ "VALUES (:child, :unit, :on, :reason, :by)")
			.param("child", childId).param("unit", target.id()).param("on", on).param("reason", reason).param("by", by)
			.update();
		audit.record("CHILD_MOVED", "Child", childId, target.id(), "from unit " + fromUnitId);
		events.publishEvent(new ChildMoved(childId, fromUnitId, target.id(), on));
	}

	/**
	 * The children still attached to a commune abolished in 2025 that went in parts to several new communes, one of
	 * which the caller answers for: an officer decides where each child lives now.
	 */
	@Transactional(readOnly = true)
	public List<ChildSummary> awaitingAssignment() {
		List<ChildSummary> awaiting = awaiting();
		audit.record("CHILDREN_LISTED", "Child", null, null, "awaiting assignment; answered=" + awaiting.size());
		return awaiting;
	}

	private List<ChildSummary> awaiting() {
		require(RegisterRights::relocate);
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SUMMARY + """
				WHERE u.valid_to IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM geography.succession s WHERE s.predecessor_id = c.unit_id AND s.kind = 'FULL')
				  AND EXISTS (SELECT 1 FROM geography.succession s WHERE s.predecessor_id = c.unit_id AND s.kind = 'PARTIAL'
				              AND s.successor_id IN (""" + vn.vongtay.geography.Units.REACH_OF_ROOTS + "))" + VIETNAMESE_ORDER))
			.query(Children::summary)
			.list();
	}

	/** Assigns a child of a split commune to the successor commune where they live; it must be one of its successors. */
	public void assign(long childId, String successorCode) {
		ChildSummary child = awaiting().stream().filter(c -> c.id() == childId).findFirst()
			.orElseThrow(() -> UserFacingException.notFound("error.child.not-found", childId));
		Map<String, Object> row = jdbc.sql("""
				SELECT c.unit_id, c.version, s.successor_id, s.effective_on FROM children.child c
				JOIN geography.succession s ON s.predecessor_id = c.unit_id JOIN geography.unit n ON n.id = s.successor_id
				WHERE c.id = :id AND n.code = :code""")
			.param("id", child.id())
			.param("code", successorCode)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> UserFacingException.invalid("error.child.not-a-successor", successorCode));
		AdministrativeUnit target = units.findById(((Number) row.get("successor_id")).longValue()).orElseThrow();
		jurisdictions.requireWithin(target.id(), "error.child.not-found", childId);
		relocate(child.id(), ((Number) row.get("version")).intValue(), ((Number) row.get("unit_id")).longValue(), target,
				((java.sql.Date) row.get("effective_on")).toLocalDate(), "LINEAGE");
	}

	/**
	 * Moves the children of communes abolished in a reorganisation to the commune that continues each of them fully;
	 * those of a commune split in parts wait for an officer ({@link #awaitingAssignment()}).
	 *
	 * @return how many children moved
	 */
	public int followLineage() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT c.id, c.unit_id, c.version, s.successor_id, s.effective_on FROM children.child c
				JOIN geography.unit u ON u.id = c.unit_id
				JOIN geography.succession s ON s.predecessor_id = c.unit_id AND s.kind = 'FULL'
				WHERE u.valid_to IS NOT NULL AND u.level = 'COMMUNE'""")
			.query()
			.listOfRows();
		for (Map<String, Object> row : rows) {
			AdministrativeUnit target = units.findById(((Number) row.get("successor_id")).longValue()).orElseThrow();
			relocate(((Number) row.get("id")).longValue(), ((Number) row.get("version")).intValue(),
					((Number) row.get("unit_id")).longValue(), target, ((java.sql.Date) row.get("effective_on")).toLocalDate(),
					"LINEAGE");
		}
		return rows.size();
	}

	/** Enters a child in a group of special circumstances (or flags them at risk of it) from a date. */
	public long startCircumstance(long childId, String groupCode, Long subgroupId, boolean atRisk, LocalDate from,
			String evidence) {
		require(RegisterRights::writesGroups);
		Child child = get(childId);
		List<InputProblem> problems = new ArrayList<>();
		ChildRules.tooLong("evidence", evidence, ChildRules.EVIDENCE_MAX).ifPresent(problems::add);
		if (groupCode == null || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM children.circumstance_group WHERE code = :code)")
			.param("code", groupCode).query(Boolean.class).single()) {
			problems.add(InputProblem.field("groupCode", "error.child.group-unknown", String.valueOf(groupCode)));
		}
		if (from == null) {
			problems.add(InputProblem.field("from", "error.field.required", "from"));
		}
		else if (from.isAfter(today())) {
			problems.add(InputProblem.field("from", "error.child.date-in-future"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long id = jdbc.sql("""
				INSERT INTO children.circumstance (child_id, group_code, subgroup_id, at_risk, from_date, evidence, recorded_by)
				VALUES (:child, :group, :subgroup, :atRisk, :from, :evidence, :by) RETURNING id""")
			.param("child", childId).param("group", groupCode).param("subgroup", subgroupId).param("atRisk", atRisk)
			.param("from", from).param("evidence", VietnameseText.clean(evidence))
			.param("by", Jurisdictions.requireUser().id())
			.query(Long.class).single();
		audit.record("CIRCUMSTANCE_STARTED", "Child", childId, child.unitId(), groupCode);
		events.publishEvent(new CircumstanceStarted(childId, child.unitId(), groupCode, atRisk, from));
		return id;
	}

	/** Ends a child's membership in a group on a date. */
	public void endCircumstance(long childId, long circumstanceId, LocalDate to) {
		require(RegisterRights::writesGroups);
		Child child = get(childId);
		Child.Circumstance circumstance = child.circumstances().stream().filter(c -> c.id() == circumstanceId)
			.findFirst().orElseThrow(() -> UserFacingException.notFound("error.child.not-found", childId));
		if (to == null || to.isBefore(circumstance.from())) {
			throw UserFacingException.rejected(List.of(InputProblem.field("to", "error.field.dates-reversed")));
		}
		jdbc.sql("UPDATE children.circumstance SET to_date = :to WHERE id = :id")
			.param("to", to).param("id", circumstanceId).update();
		audit.record("CIRCUMSTANCE_ENDED", "Child", childId, child.unitId(), circumstance.groupCode());
		events.publishEvent(new CircumstanceEnded(childId, child.unitId(), circumstance.groupCode(), to));
	}

	/** Records a support a child received, attributed to the commune the child lives in. */
	public long recordSupport(long childId, SupportKind kind, Long amountVnd, LocalDate givenOn, SupportSource source,
			String note) {
		require(RegisterRights::writesSupports);
		Child child = get(childId);
		List<InputProblem> problems = new ArrayList<>();
		ChildRules.tooLong("note", note, ChildRules.SUPPORT_NOTE_MAX).ifPresent(problems::add);
		if (kind == null) {
			problems.add(InputProblem.field("kind", "error.field.required", "kind"));
		}
		if (source == null) {
			problems.add(InputProblem.field("source", "error.field.required", "source"));
		}
		if (givenOn == null) {
			problems.add(InputProblem.field("givenOn", "error.field.required", "givenOn"));
		}
		else if (givenOn.isAfter(today())) {
			problems.add(InputProblem.field("givenOn", "error.child.date-in-future"));
		}
		if (amountVnd != null && amountVnd < 0) {
			problems.add(InputProblem.field("amountVnd", "error.field.invalid", "amountVnd"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		String province = jdbc.sql("SELECT province_code FROM children.child WHERE id = :id").param("id", childId)
			.query(String.class).single();
		long id = jdbc.sql("""
				INSERT INTO children.support (child_id, unit_id, province_code, kind, amount_vnd, given_on, source, note,
				       recorded_by)
				VALUES (:child, :unit, :province, :kind, :amount, :givenOn, :source, :note, :by) RETURNING id""")
			.param("child", childId).param("unit", child.unitId()).param("province", province)
			.param("kind", kind.name()).param("amount", amountVnd).param("givenOn", givenOn)
			.param("source", source.name()).param("note", VietnameseText.clean(note))
			.param("by", Jurisdictions.requireUser().id())
			.query(Long.class).single();
		audit.record("SUPPORT_RECORDED", "Child", childId, child.unitId(), kind.name());
		events.publishEvent(new SupportGiven(childId, child.unitId(), kind, amountVnd, givenOn));
		return id;
	}

	/**
	 * Supports given in a unit (and everything it reaches) between two dates, by kind: how many, to how many children,
	 * for how much. These are figures: whoever may read figures asks for them, and only those who see the records
	 * behind them ({@code EXACT_FIGURES}) see small counts; for anyone else a kind given to fewer children than
	 * {@code vongtay.privacy.small-count-threshold} shows none of its numbers, since a sum or a count of supports for
	 * one or two children says what those children received.
	 */
	@Transactional(readOnly = true)
	public List<SupportTotal> supportTotals(String unitCode, LocalDate from, LocalDate to) {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.FIGURES, Use.READ);
		boolean exact = user.may(Data.EXACT_FIGURES, Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		AdministrativeUnit unit = units.findByCode(unitCode, to)
			.orElseThrow(() -> UserFacingException.invalid("error.unit.not-found", unitCode));
		if (!jurisdictions.covers(unit.id())) {
			// a unit outside the caller's reach: not even whether anything was given there (issue 16, item 5)
			throw UserFacingException.notFound("error.unit.not-found", unitCode);
		}
		return jurisdiction.bind(jdbc.sql("""
				SELECT s.kind, count(*) AS supports, count(DISTINCT s.child_id) AS children, coalesce(sum(s.amount_vnd), 0) AS amount
				FROM children.support s
				WHERE s.unit_id IN (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit)
				  AND """ + " " + jurisdiction.restrict("s.unit_id") + """
				  AND s.given_on BETWEEN :from AND :to
				GROUP BY s.kind ORDER BY s.kind"""))
			.param("unit", unit.id())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				SupportKind kind = SupportKind.valueOf(rs.getString("kind"));
				long children = rs.getLong("children");
				if (!exact && children < smallCountThreshold) {
					return new SupportTotal(kind, null, null, null, true);
				}
				return new SupportTotal(kind, rs.getLong("supports"), children, rs.getLong("amount"), false);
			})
			.list();
	}

	/**
	 * How many supports of a kind, to how many children, for how much; the numbers are {@code null} when
	 * {@code suppressed} (too few children for the caller to see them).
	 */
	public record SupportTotal(SupportKind kind, Long supports, Long children, Long amountVnd, boolean suppressed) {
	}

	// --- helpers shared with the import ---

	private AdministrativeUnit validate(ChildDraft draft, Long existingId, RegisterRights rights) {
		List<InputProblem> problems = ChildRules.check(draft, today());
		problems.addAll(beyondRights(draft, rights));
		Optional<AdministrativeUnit> commune = draft.communeCode() == null ? Optional.empty()
				: units.findByCode(draft.communeCode().strip(), today()).filter(u -> u.level() == UnitLevel.COMMUNE);
		if (commune.isEmpty() || !jurisdictions.covers(commune.get().id())) {
			problems.add(InputProblem.field("communeCode", "error.unit.outside-jurisdiction",
					String.valueOf(draft.communeCode())));
		}
		if (draft.ethnicityCode() != null && !draft.ethnicityCode().isBlank()
				&& !jdbc.sql("SELECT EXISTS (SELECT 1 FROM children.ethnicity WHERE code = :code)")
					.param("code", draft.ethnicityCode()).query(Boolean.class).single()) {
			problems.add(InputProblem.field("ethnicityCode", "error.child.ethnicity-unknown", draft.ethnicityCode()));
		}
		String pid = personalId(draft);
		Optional<Registered> holder = pid == null || problems.stream().anyMatch(p -> "personalId".equals(p.column()))
				? Optional.empty() : holderOf(pid, existingId);
		if (holder.isPresent() && reaches(holder.get().unitId(), holder.get().villageId(), rights)) {
			problems.add(InputProblem.field("personalId", "error.child.pid-taken", pid));
		}
		else if (holder.isPresent()) {
			// the number stays unique in the country, but the answer says nothing of where or whose it is
			problems.add(InputProblem.field("personalId", "error.child.pid-unavailable", pid));
		}
		if (draft.householdId() != null && commune.isPresent() && !householdWithinReach(draft.householdId(),
				commune.get(), rights)) {
			problems.add(InputProblem.field("householdId", "error.child.household-elsewhere"));
		}
		if (!problems.isEmpty()) {
			if (holder.isPresent() && commune.isPresent() && !reaches(holder.get().unitId(), holder.get().villageId(),
					rights)) {
				conflicts.refused(List.of(new PersonalIdConflicts.Conflict(holder.get().id(), holder.get().unitId(),
						commune.get())));
			}
			throw UserFacingException.rejected(problems);
		}
		return commune.get();
	}

	/** A child already in the register (anywhere in the country) with the number, other than {@code existingId}. */
	private Optional<Registered> holderOf(String pid, Long existingId) {
		return jdbc.sql("SELECT id, unit_id, village_id FROM children.child WHERE personal_id = :pid AND id <> :id")
			.param("pid", pid)
			.param("id", existingId == null ? -1L : existingId)
			.query((rs, n) -> new Registered(rs.getLong("id"), rs.getLong("unit_id"), (Long) rs.getObject("village_id")))
			.optional();
	}

	/** Where a child is registered: what decides whether the caller reaches them. */
	record Registered(long id, long unitId, Long villageId) {
	}

	/** The household is of the commune and within the caller's reach (a collaborator's: of their villages). */
	private boolean householdWithinReach(long householdId, AdministrativeUnit commune, RegisterRights rights) {
		Map<String, Object> parameters = new HashMap<>();
		String reach = reach("h", rights, parameters);
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM children.household h WHERE h.id = :id AND h.unit_id = :unit AND "
				+ reach + ")")
			.params(parameters)
			.param("id", householdId)
			.param("unit", commune.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The fields of the draft holding a kind of data the caller may not write (a collaborator and the notes, say):
	 * refused field by field rather than dropped, so that nothing typed is silently lost.
	 */
	private static List<InputProblem> beyondRights(ChildDraft draft, RegisterRights rights) {
		List<InputProblem> problems = new ArrayList<>();
		java.util.function.BiConsumer<String, Boolean> refuse = (field, given) -> {
			if (given) {
				problems.add(InputProblem.field(field, "error.child.field-not-yours"));
			}
		};
		if (!rights.writesHousehold()) {
			refuse.accept("address", VietnameseText.clean(draft.address()) != null);
			refuse.accept("householdId", draft.householdId() != null);
			refuse.accept("caregiverName", VietnameseText.clean(draft.caregiverName()) != null);
			refuse.accept("caregiverRelationship", VietnameseText.clean(draft.caregiverRelationship()) != null);
			refuse.accept("caregiverPhone", VietnameseText.clean(draft.caregiverPhone()) != null);
		}
		if (!rights.writesGroups()) {
			refuse.accept("disability", VietnameseText.clean(draft.disability()) != null);
			refuse.accept("outOfSchool", draft.outOfSchool());
		}
		if (!rights.writesSupports()) {
			refuse.accept("healthInsurance", draft.healthInsurance() != null);
		}
		if (!rights.writesNotes()) {
			refuse.accept("notes", VietnameseText.clean(draft.notes()) != null);
		}
		return problems;
	}

	/** The identification number as stored: digits only (officials type it in groups of three or four). */
	static String personalId(ChildDraft draft) {
		String clean = VietnameseText.clean(draft.personalId());
		return clean == null ? null : clean.replace(" ", "");
	}

	/** The village of a commune with this name (accents and case aside), added to the commune when new. */
	Long village(long unitId, String name) {
		String clean = VietnameseText.clean(name);
		if (clean == null) {
			return null;
		}
		return jdbc.sql("""
				INSERT INTO children.village (unit_id, name) VALUES (:unit, :name)
				ON CONFLICT (unit_id, public.vn_fold(name)) DO UPDATE SET name = children.village.name RETURNING id""")
			.param("unit", unitId)
			.param("name", clean)
			.query(Long.class)
			.single();
	}

	private Long household(ChildDraft draft, AdministrativeUnit commune, Long villageId) {
		if (draft.householdId() != null) {
			return draft.householdId();
		}
		String caregiver = VietnameseText.clean(draft.caregiverName());
		if (caregiver == null) {
			return null;
		}
		long household = jdbc.sql("""
				INSERT INTO children.household (unit_id, province_code, village_id, address, phone)
				VALUES (:unit, :province, :village, :address, :phone) RETURNING id""")
			.param("unit", commune.id()).param("province", commune.provinceCode()).param("village", villageId)
			.param("address", VietnameseText.clean(draft.address())).param("phone", VietnameseText.clean(draft.caregiverPhone()))
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO children.caregiver (household_id, full_name, relationship, phone, is_primary)
				VALUES (:household, :name, :relationship, :phone, true)""")
			.param("household", household).param("name", caregiver)
			.param("relationship", Optional.ofNullable(VietnameseText.clean(draft.caregiverRelationship())).orElse("Khác"))
			.param("phone", VietnameseText.clean(draft.caregiverPhone()))
			.update();
		return household;
	}

	private static Map<String, Object> fields(ChildDraft draft, Names names) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("fullName", names.full());
		fields.put("given", names.given());
		fields.put("family", names.family());
		fields.put("sex", draft.sex().name());
		fields.put("birthDate", draft.birthDate());
		fields.put("estimated", draft.birthDateEstimated());
		fields.put("ethnicity", VietnameseText.clean(draft.ethnicityCode()));
		fields.put("pid", personalId(draft));
		fields.put("registered", draft.birthRegistered());
		fields.put("address", VietnameseText.clean(draft.address()));
		fields.put("schoolLevel", draft.schoolLevel() == null ? null : draft.schoolLevel().name());
		fields.put("schoolName", VietnameseText.clean(draft.schoolName()));
		fields.put("outOfSchool", draft.outOfSchool());
		fields.put("disability", VietnameseText.clean(draft.disability()));
		fields.put("insurance", draft.healthInsurance());
		fields.put("notes", VietnameseText.clean(draft.notes()));
		return fields;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static ChildSummary summary(ResultSet rs, int row) throws SQLException {
		return new ChildSummary(rs.getLong("id"), rs.getString("full_name"), rs.getObject("birth_date", LocalDate.class),
				rs.getBoolean("birth_date_estimated"), Sex.valueOf(rs.getString("sex")), rs.getString("commune_code"),
				rs.getString("commune_name"), rs.getString("village"));
	}
}
