package vn.vongtay.geography.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.UnitsImported;

/**
 * Stores units and their lineage from an official list: in one transaction, inserting new units and updating the names
 * of known ones (a unit is known by its code and start date), then recomputing what every unit reaches.
 */
@Component
public class UnitCatalogue {

	private static final String UPSERT = """
			INSERT INTO geography.unit (code, level, name, full_name, name_en, parent_id, province_code, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (code, (COALESCE(valid_from, '-infinity'::date))) DO UPDATE
			SET level = EXCLUDED.level, name = EXCLUDED.name, full_name = EXCLUDED.full_name,
			    name_en = COALESCE(EXCLUDED.name_en, geography.unit.name_en), parent_id = EXCLUDED.parent_id,
			    province_code = EXCLUDED.province_code, valid_to = EXCLUDED.valid_to""";

	private final JdbcTemplate jdbcTemplate;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	UnitCatalogue(JdbcTemplate jdbcTemplate, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public UnitImportResult store(List<UnitDraft> drafts, List<SuccessionDraft> successions, LocalDate effectiveOn) {
		long started = System.nanoTime();
		long nationId = jdbc.sql("SELECT id FROM geography.unit WHERE code = 'VN'").query(Long.class).single();
		Map<String, Long> stored = new HashMap<>();
		int[] counts = new int[UnitLevel.values().length];
		for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)) {
			List<UnitDraft> ofLevel = drafts.stream().filter(d -> d.level() == level).toList();
			if (ofLevel.isEmpty()) {
				continue;
			}
			List<Object[]> rows = new ArrayList<>(ofLevel.size());
			List<InputProblem> problems = new ArrayList<>();
			for (UnitDraft d : ofLevel) {
				Long parentId = level == UnitLevel.PROVINCE ? Long.valueOf(nationId) : parentOf(d, stored);
				if (parentId == null) {
					problems.add(InputProblem.field(d.code(), "error.unit.unknown-parent", d.parentCode(), d.code()));
					continue;
				}
				rows.add(new Object[] { d.code(), level.name(), d.name(), d.fullName(), d.nameEn(), parentId,
						d.provinceCode(), sqlDate(d.validFrom()), sqlDate(d.validTo()) });
			}
			if (!problems.isEmpty()) {
				throw UserFacingException.rejected(problems);
			}
			batch(rows);
			counts[level.ordinal()] = ofLevel.size();
			ofLevel.stream().map(UnitDraft::validFrom).distinct().forEach(from -> jdbc.sql("""
					SELECT code, id FROM geography.unit
					WHERE level = :level AND COALESCE(valid_from, '-infinity'::date) = COALESCE(CAST(:from AS date), '-infinity'::date)""")
				.param("level", level.name())
				.param("from", from)
				.query((rs, n) -> stored.put(key(rs.getString("code"), from), rs.getLong("id")))
				.list());
		}
		List<InputProblem> skipped = new ArrayList<>();
		int linked = storeSuccessions(successions, effectiveOn, skipped);
		rebuildReach();
		events.publishEvent(new UnitsImported(drafts.size(), linked));
		return new UnitImportResult(counts[UnitLevel.PROVINCE.ordinal()], counts[UnitLevel.DISTRICT.ordinal()],
				counts[UnitLevel.COMMUNE.ordinal()], linked, skipped, Duration.ofNanos(System.nanoTime() - started));
	}

	private Long parentOf(UnitDraft draft, Map<String, Long> stored) {
		Long sameImport = stored.get(key(draft.parentCode(), draft.validFrom()));
		if (sameImport != null) {
			return sameImport;
		}
		return unitValidOn(draft.parentCode(), draft.referenceDate(LocalDate.now(clock))).orElse(null);
	}

	private Optional<Long> unitValidOn(String code, LocalDate date) {
		return jdbc.sql("""
				SELECT id FROM geography.unit
				WHERE code = :code AND daterange(valid_from, valid_to, '[]') @> CAST(:date AS date)""")
			.param("code", code)
			.param("date", date)
			.query(Long.class)
			.optional();
	}

	private void batch(List<Object[]> rows) {
		try {
			jdbcTemplate.batchUpdate(UPSERT, rows, 1000, (PreparedStatement ps, Object[] row) -> {
				for (int i = 0; i < row.length; i++) {
					ps.setObject(i + 1, row[i]);
				}
			});
		}
		catch (DataIntegrityViolationException e) {
			throw UserFacingException.conflict("error.unit.overlap");
		}
	}

	/**
	 * Stores the lineage rows whose two units are known; the others are returned in {@code skipped} with their path, not
	 * stored, and do not stop the import.
	 */
	private int storeSuccessions(List<SuccessionDraft> successions, LocalDate effectiveOn, List<InputProblem> skipped) {
		if (successions.isEmpty()) {
			return 0;
		}
		Map<String, Long> before = codesValidOn(effectiveOn.minusDays(1));
		Map<String, Long> after = codesValidOn(effectiveOn);
		List<Object[]> rows = new ArrayList<>();
		for (SuccessionDraft s : successions) {
			Long predecessor = before.get(s.predecessorCode());
			Long successor = after.get(s.successorCode());
			if (predecessor == null) {
				skipped.add(InputProblem.field(s.path(), "error.unit.unknown-predecessor", s.predecessorCode()));
			}
			if (successor == null) {
				skipped.add(InputProblem.field(s.path(), "error.unit.unknown-successor", s.successorCode()));
			}
			if (predecessor != null && successor != null && !Objects.equals(predecessor, successor)) {
				rows.add(new Object[] { predecessor, successor, s.kind().name(), Date.valueOf(effectiveOn) });
			}
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO geography.succession (predecessor_id, successor_id, kind, effective_on) VALUES (?, ?, ?, ?)
				ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET kind = EXCLUDED.kind, effective_on = EXCLUDED.effective_on""",
				rows, 1000, (ps, row) -> {
					for (int i = 0; i < row.length; i++) {
						ps.setObject(i + 1, row[i]);
					}
				});
		return rows.size();
	}

	private Map<String, Long> codesValidOn(LocalDate date) {
		Map<String, Long> codes = new HashMap<>();
		jdbc.sql("SELECT code, id FROM geography.unit WHERE daterange(valid_from, valid_to, '[]') @> CAST(:date AS date)")
			.param("date", date)
			.query((rs, n) -> codes.put(rs.getString("code"), rs.getLong("id")))
			.list();
		return codes;
	}

	/** Recomputes geography.unit_reach: descendants at any date, plus fully continued units and theirs. */
	void rebuildReach() {
		jdbc.sql("DELETE FROM geography.unit_reach").update();
		jdbc.sql("""
				INSERT INTO geography.unit_reach (root_id, unit_id)
				WITH RECURSIVE edge(above, below) AS (
				  SELECT parent_id, id FROM geography.unit WHERE parent_id IS NOT NULL
				  UNION ALL
				  SELECT successor_id, predecessor_id FROM geography.succession WHERE kind = 'FULL'
				), reach(root_id, unit_id) AS (
				  SELECT id, id FROM geography.unit
				  UNION
				  SELECT reach.root_id, edge.below FROM reach JOIN edge ON edge.above = reach.unit_id
				)
				SELECT root_id, unit_id FROM reach""").update();
	}

	private static String key(String code, LocalDate validFrom) {
		return code + "@" + validFrom;
	}

	private static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
