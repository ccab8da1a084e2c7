package vn.vongtay.childfriendly;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.childfriendly.CriteriaSet.Criterion;
import vn.vongtay.childfriendly.CriteriaSet.FullPointsWhen;
import vn.vongtay.childfriendly.CriteriaSet.Item;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * The criteria of child-friendly communes, by the decision that sets them. Anyone who may read assessments reads them;
 * only a system administrator corrects a criterion or an item (its points, text, whether it was checked against the
 * decision), each correction audited. An assessment keeps the points its items had when it was started.
 */
@Component
@Transactional
public class CriteriaSets {

	private final JdbcClient jdbc;
	private final AuditLog audit;

	CriteriaSets(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The sets, the latest first. */
	@Transactional(readOnly = true)
	public List<CriteriaSet> all() {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.CHILD_FRIENDLY, Use.READ);
		return jdbc.sql("SELECT id FROM childfriendly.criteria_set ORDER BY applies_from DESC").query(Long.class).list()
			.stream().map(this::load).toList();
	}

	/** The set in force on the last day of the year; {@code 404} when no decision covers it. */
	@Transactional(readOnly = true)
	public CriteriaSet forYear(int year) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.CHILD_FRIENDLY, Use.READ);
		return load(setIdForYear(year));
	}

	long setIdForYear(int year) {
		LocalDate last = LocalDate.of(year, 12, 31);
		return jdbc.sql("""
				SELECT id FROM childfriendly.criteria_set
				WHERE applies_from <= :day AND (applies_to IS NULL OR applies_to >= :day) ORDER BY applies_from DESC LIMIT 1""")
			.param("day", last)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.child-friendly.no-criteria", year));
	}

	@Transactional(readOnly = true)
	public CriteriaSet get(long id) {
		NeedToKnow.require(Jurisdictions.requireUser(), Data.CHILD_FRIENDLY, Use.READ);
		return load(id);
	}

	CriteriaSet load(long id) {
		Map<CommuneCategory, Integer> thresholds = new EnumMap<>(CommuneCategory.class);
		jdbc.sql("SELECT category, min_total FROM childfriendly.threshold WHERE set_id = :id").param("id", id)
			.query(rs -> {
				thresholds.put(CommuneCategory.valueOf(rs.getString("category")), rs.getInt("min_total"));
			});
		Map<Long, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT i.* FROM childfriendly.criterion_item i JOIN childfriendly.criterion c ON c.id = i.criterion_id
				WHERE c.set_id = :id ORDER BY c.number, i.position""")
			.param("id", id)
			.query(rs -> {
				items.computeIfAbsent(rs.getLong("criterion_id"), k -> new ArrayList<>()).add(item(rs));
			});
		List<Criterion> criteria = jdbc.sql("SELECT * FROM childfriendly.criterion WHERE set_id = :id ORDER BY number")
			.param("id", id)
			.query((rs, n) -> new Criterion(rs.getLong("id"), rs.getInt("number"), rs.getString("name"),
					rs.getString("name_en"), rs.getInt("max_points"), rs.getBoolean("confirmed"), rs.getString("note"),
					rs.getInt("version"), List.copyOf(items.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
		return jdbc.sql("SELECT * FROM childfriendly.criteria_set WHERE id = :id").param("id", id)
			.query((rs, n) -> new CriteriaSet(rs.getLong("id"), rs.getString("decision"), rs.getString("title"),
					rs.getObject("issued_on", LocalDate.class), rs.getObject("applies_from", LocalDate.class),
					rs.getObject("applies_to", LocalDate.class), rs.getString("source_note"), thresholds, criteria))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.not-found"));
	}

	private static Item item(ResultSet rs) throws SQLException {
		Array codes = rs.getArray("indicator_codes");
		String when = rs.getString("full_points_when");
		return new Item(rs.getLong("id"), rs.getString("code"), rs.getString("text"), rs.getString("text_en"),
				rs.getInt("max_points"), codes == null ? List.of() : List.of((String[]) codes.getArray()),
				rs.getBigDecimal("full_points_at"), when == null ? null : FullPointsWhen.valueOf(when),
				rs.getBoolean("confirmed"), rs.getString("note"), rs.getInt("version"));
	}

	/** What an administrator corrects in a criterion or an item. */
	public record Correction(Integer maxPoints, String text, Boolean confirmed, String note) {
	}

	/** Corrects a criterion (its most points, name, whether it was checked); system administrators only. */
	public void correctCriterion(long criterionId, int version, Correction correction) {
		correct("childfriendly.criterion", "name", criterionId, version, correction);
		audit.record("CHILD_FRIENDLY_CRITERION_CORRECTED", "ChildFriendlyCriterion", criterionId, null,
				String.valueOf(correction));
	}

	/** Corrects an item of a criterion; system administrators only. */
	public void correctItem(long itemId, int version, Correction correction) {
		correct("childfriendly.criterion_item", "text", itemId, version, correction);
		audit.record("CHILD_FRIENDLY_ITEM_CORRECTED", "ChildFriendlyItem", itemId, null, String.valueOf(correction));
	}

	/** A criterion and an item are corrected alike: what is given replaces what was, if nobody changed it meanwhile. */
	private void correct(String table, String textColumn, long id, int version, Correction correction) {
		SignedInUser user = requireAdministrator();
		validate(correction);
		int changed = jdbc.sql("UPDATE " + table + " SET max_points = COALESCE(:max, max_points), " + textColumn
				+ " = COALESCE(:text, " + textColumn + """
				), confirmed = COALESCE(:confirmed, confirmed), note = :note, changed_by = :by, changed_at = now(),
				       version = version + 1
				WHERE id = :id AND version = :version""")
			.param("max", correction.maxPoints()).param("text", VietnameseText.clean(correction.text()))
			.param("confirmed", correction.confirmed()).param("note", VietnameseText.clean(correction.note()))
			.param("by", user.getUsername()).param("id", id).param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException(table + " " + id + " changed since version " + version);
		}
	}

	private static void validate(Correction correction) {
		if (correction.maxPoints() != null && (correction.maxPoints() <= 0 || correction.maxPoints() > 1000)) {
			throw UserFacingException.rejected(List.of(InputProblem.field("maxPoints",
					"error.child-friendly.points-range", String.valueOf(correction.maxPoints()), "1000")));
		}
	}

	private static SignedInUser requireAdministrator() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.CHILD_FRIENDLY, Use.WRITE);
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		return user;
	}
}
