package vn.vongtay.childfriendly;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.audit.AuditLog;
import vn.vongtay.childfriendly.Assessment.CriterionScores;
import vn.vongtay.childfriendly.Assessment.EvidenceFile;
import vn.vongtay.childfriendly.Assessment.ItemScores;
import vn.vongtay.childfriendly.Assessment.Step;
import vn.vongtay.childfriendly.CommuneFigures.Figure;
import vn.vongtay.childfriendly.CriteriaSet.Criterion;
import vn.vongtay.childfriendly.CriteriaSet.Item;
import vn.vongtay.childfriendly.RecognitionRule.CriterionPoints;
import vn.vongtay.core.AttachedFiles;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;

/**
 * Communes' yearly assessments against the criteria of child-friendly communes (QĐ 06/QĐ-TTg): the commune scores
 * itself, attaches its evidence and submits; the level above (the district until 30/06/2025, the province since)
 * reviews, sends it back or sets its own points; the decision records whether the commune is recognised. An
 * assessment belongs to the commune that existed on the last day of its year, so the communes merged in 2025 keep their
 * assessments and a commune formed then starts its own.
 *
 * <p>Reads follow the caller's jurisdiction: a commune outside it is answered as not found. The commune's staff
 * (officers and chairman) score and submit; the province and district officers review and decide; the table of
 * {@link NeedToKnow} decides who reads at all.
 */
@Component
@Transactional
public class Assessments {

	private static final int EVIDENCE_LENGTH = 4000;

	/** Who scores and submits a commune's assessment: its own staff. */
	private static final Set<Role> COMMUNE_STAFF = Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);

	/** Who reviews and records the decision: the level above. */
	private static final Set<Role> REVIEWERS = Set.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);

	public record Summary(long id, long unitId, String unitCode, String unitName, int year, CommuneCategory category,
			AssessmentStatus status, int selfTotal, Integer reviewedTotal, int threshold, String decisionNumber,
			LocalDate decisionDate) {
	}

	/** A commune of the year and its assessment, if it has one. */
	public record CommuneRow(long unitId, String code, String name, Summary assessment) {
	}

	/** The commune's points and evidence for an item; blank points leave the item unscored. */
	public record ItemEntry(long itemId, Integer points, String evidence) {
	}

	/** The reviewer's points for an item; blank points agree with the commune's. */
	public record ReviewEntry(long itemId, Integer points, String note) {
	}

	public record EvidenceContent(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final CriteriaSets criteriaSets;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final CommuneFigures figures;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	Assessments(JdbcClient jdbc, CriteriaSets criteriaSets, Jurisdictions jurisdictions, Units units,
			CommuneFigures figures, AuditLog audit, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.criteriaSets = criteriaSets;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.figures = figures;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	// --- reading ---

	private static final String SUMMARY = """
			SELECT a.id, a.unit_id, u.code, u.full_name, a.year, a.category, a.status, a.self_total, a.reviewed_total,
			       t.min_total, a.decision_number, a.decision_date
			FROM childfriendly.assessment a JOIN geography.unit u ON u.id = a.unit_id
			JOIN childfriendly.threshold t ON t.set_id = a.set_id AND t.category = a.category
			""";

	private static Summary summary(ResultSet rs) throws SQLException {
		return new Summary(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"), rs.getString("full_name"),
				rs.getInt("year"), CommuneCategory.valueOf(rs.getString("category")),
				AssessmentStatus.valueOf(rs.getString("status")), rs.getInt("self_total"),
				(Integer) rs.getObject("reviewed_total"), rs.getInt("min_total"), rs.getString("decision_number"),
				rs.getObject("decision_date", LocalDate.class));
	}

	/**
	 * The communes of the year under a unit of the caller's jurisdiction (the caller's first unit when none is given),
	 * with their assessments: for a year before 2025 the former communes, for a later one those of today.
	 */
	@Transactional(readOnly = true)
	public List<CommuneRow> communes(int year, String unitCode) {
		requireReader();
		AdministrativeUnit root = rootFor(unitCode, year);
		Jurisdiction jurisdiction = jurisdictions.current();
		Map<Long, Summary> assessments = new HashMap<>();
		jurisdiction.bind(jdbc.sql(SUMMARY + " WHERE a.year = :year AND a.unit_id IN (" + UNDER_ROOT + ") AND "
				+ jurisdiction.restrict("a.unit_id")))
			.param("year", year).param("root", root.id())
			.query((rs, n) -> summary(rs)).list()
			.forEach(s -> assessments.put(s.unitId(), s));
		return jurisdiction.bind(jdbc.sql("""
				SELECT u.id, u.code, u.full_name FROM geography.unit u
				WHERE u.level = 'COMMUNE' AND daterange(u.valid_from, u.valid_to, '[]') @> CAST(:day AS date)
				  AND u.id IN (""" + UNDER_ROOT + ") AND " + jurisdiction.restrict("u.id") + " ORDER BY u.code LIMIT 1000"))
			.param("day", LocalDate.of(year, 12, 31)).param("root", root.id())
			.query((rs, n) -> new CommuneRow(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
					assessments.get(rs.getLong("id"))))
			.list();
	}

	private static final String UNDER_ROOT = "SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :root";

	/** The communes recognised for the year under a unit of the caller's jurisdiction, with their decisions. */
	@Transactional(readOnly = true)
	public List<Summary> recognised(int year, String unitCode) {
		requireReader();
		AdministrativeUnit root = rootFor(unitCode, year);
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SUMMARY + " WHERE a.year = :year AND a.status = 'RECOGNISED' AND a.unit_id IN ("
				+ UNDER_ROOT + ") AND " + jurisdiction.restrict("a.unit_id") + " ORDER BY u.code"))
			.param("year", year).param("root", root.id())
			.query((rs, n) -> summary(rs)).list();
	}

	/** The assessments of a commune (and of the former communes it continues), the latest year first. */
	@Transactional(readOnly = true)
	public List<Summary> history(long unitId) {
		requireReader();
		jurisdictions.requireWithin(unitId, "error.unit.outside-jurisdiction", unitId);
		return jdbc.sql(SUMMARY + " WHERE a.unit_id IN (" + UNDER_ROOT + ") ORDER BY a.year DESC, u.code")
			.param("root", unitId).query((rs, n) -> summary(rs)).list();
	}

	private AdministrativeUnit rootFor(String unitCode, int year) {
		if (unitCode == null || unitCode.isBlank()) {
			SignedInUser user = Jurisdictions.requireUser();
			long first = user.unitIds().stream().sorted().findFirst()
				.orElseThrow(() -> new UserFacingException(403, "error.access-denied"));
			return units.findById(first).orElseThrow();
		}
		LocalDate day = LocalDate.of(year, 12, 31);
		AdministrativeUnit unit = units.findByCode(unitCode.strip(), day)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.not-found", unitCode));
		jurisdictions.requireWithin(unit.id(), "error.unit.outside-jurisdiction", unitCode);
		return unit;
	}

	@Transactional(readOnly = true)
	public Assessment get(long id) {
		requireReader();
		return load(id, true);
	}

	private Assessment load(long id, boolean withFigures) {
		Row row = row(id);
		CriteriaSet set = criteriaSets.load(row.setId());
		Map<Long, Map<String, Object>> scored = new HashMap<>();
		jdbc.sql("SELECT * FROM childfriendly.assessment_item WHERE assessment_id = :id").param("id", id)
			.query(rs -> {
				Map<String, Object> values = new HashMap<>();
				values.put("max", rs.getInt("max_points"));
				values.put("self", rs.getObject("self_points"));
				values.put("evidence", rs.getString("evidence"));
				values.put("figures", rs.getString("figures"));
				values.put("reviewed", rs.getObject("reviewed_points"));
				values.put("reviewNote", rs.getString("review_note"));
				scored.put(rs.getLong("item_id"), values);
			});
		boolean live = withFigures && row.status().openToCommune();
		Map<String, Figure> liveFigures = new HashMap<>();
		if (live) {
			figures.of(row.unitId(), row.year(), indicatorCodes(set)).forEach(f -> liveFigures.put(f.indicatorCode(), f));
		}
		List<CriterionScores> criteria = new ArrayList<>();
		List<CriterionPoints> self = new ArrayList<>();
		List<CriterionPoints> reviewed = new ArrayList<>();
		for (Criterion c : set.criteria()) {
			List<ItemScores> items = new ArrayList<>();
			Integer selfSum = 0;
			Integer reviewedSum = 0;
			int max = 0;
			for (Item item : c.items()) {
				Map<String, Object> s = scored.getOrDefault(item.id(), Map.of());
				int itemMax = s.containsKey("max") ? (Integer) s.get("max") : item.maxPoints();
				max += itemMax;
				Integer selfPoints = (Integer) s.get("self");
				Integer reviewedPoints = (Integer) s.get("reviewed");
				List<Figure> itemFigures = live
						? item.indicatorCodes().stream().map(liveFigures::get).filter(f -> f != null).toList()
						: storedFigures((String) s.get("figures"));
				Integer suggested = itemFigures.isEmpty() ? null
						: item.suggestedPoints(itemFigures.get(0).suppressed() ? null : itemFigures.get(0).value());
				if (suggested != null && suggested > itemMax) {
					suggested = itemMax;
				}
				items.add(new ItemScores(item.id(), item.code(), item.text(), itemMax, item.confirmed(), item.note(),
						selfPoints, (String) s.get("evidence"), reviewedPoints, (String) s.get("reviewNote"), itemFigures,
						suggested));
				selfSum = selfSum == null || selfPoints == null ? null : selfSum + selfPoints;
				Integer effective = reviewedPoints != null ? reviewedPoints : selfPoints;
				reviewedSum = reviewedSum == null || effective == null ? null : reviewedSum + effective;
			}
			criteria.add(new CriterionScores(c.number(), c.name(), max, c.confirmed(), c.note(), selfSum,
					row.status() == AssessmentStatus.SUBMITTED || row.status().openToCommune() ? null : reviewedSum,
					items));
			self.add(new CriterionPoints(c.number(), selfSum));
			reviewed.add(new CriterionPoints(c.number(), reviewedSum));
		}
		int threshold = set.threshold(row.category());
		boolean hasReview = row.status() == AssessmentStatus.REVIEWED || row.status().decided();
		List<EvidenceFile> files = jdbc.sql("""
				SELECT id, item_id, file_name, size_bytes, sha256, uploaded_at FROM childfriendly.evidence_file
				WHERE assessment_id = :id ORDER BY uploaded_at, id""")
			.param("id", id)
			.query((rs, n) -> new EvidenceFile(rs.getLong("id"), (Long) rs.getObject("item_id"),
					rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.list();
		List<Step> steps = jdbc.sql("""
				SELECT action, comment, by_name, at FROM childfriendly.assessment_step WHERE assessment_id = :id
				ORDER BY at, id""")
			.param("id", id)
			.query((rs, n) -> new Step(rs.getString("action"), rs.getString("comment"), rs.getString("by_name"),
					rs.getTimestamp("at").toInstant()))
			.list();
		return new Assessment(id, row.unitId(), row.unitCode(), row.unitName(), row.year(), row.category(), set.id(),
				set.decision(), row.status(), threshold, set.maxTotal(), RecognitionRule.evaluate(self, threshold),
				hasReview ? RecognitionRule.evaluate(reviewed, threshold) : null, row.reviewComment(),
				row.decisionNumber(), row.decisionDate(), row.decisionSigner(), row.decisionReason(), criteria, files,
				steps, live, row.version());
	}

	private List<Figure> storedFigures(String text) {
		if (text == null) {
			return List.of();
		}
		return json.readValue(text, new TypeReference<List<Figure>>() {
		});
	}

	private static Collection<String> indicatorCodes(CriteriaSet set) {
		Set<String> codes = new LinkedHashSet<>();
		set.criteria().forEach(c -> c.items().forEach(i -> codes.addAll(i.indicatorCodes())));
		return codes;
	}

	private record Row(long id, long unitId, String unitCode, String unitName, String provinceCode, int year,
			long setId, CommuneCategory category, AssessmentStatus status, String reviewComment, String decisionNumber,
			LocalDate decisionDate, String decisionSigner, String decisionReason, int version) {
	}

	/** The assessment's row, or 404 when it does not exist or lies outside the caller's jurisdiction. */
	private Row row(long id) {
		Row row = jdbc.sql("""
				SELECT a.*, u.code, u.full_name FROM childfriendly.assessment a JOIN geography.unit u ON u.id = a.unit_id
				WHERE a.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"),
					rs.getString("full_name"), rs.getString("province_code"), rs.getInt("year"), rs.getLong("set_id"),
					CommuneCategory.valueOf(rs.getString("category")), AssessmentStatus.valueOf(rs.getString("status")),
					rs.getString("review_comment"), rs.getString("decision_number"),
					rs.getObject("decision_date", LocalDate.class), rs.getString("decision_signer"),
					rs.getString("decision_reason"), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.child-friendly.not-found", id));
		jurisdictions.requireWithin(row.unitId(), "error.child-friendly.not-found", id);
		return row;
	}

	// --- the commune ---

	/**
	 * Starts the commune's assessment of a year, on the criteria in force on the year's last day. The commune must have
	 * existed on that day: the 2024 assessment of today's Xã Tuần Giáo is that of each former commune it continues.
	 */
	public long start(String unitCode, int year, CommuneCategory category) {
		SignedInUser user = requireCommuneStaff();
		List<InputProblem> problems = new ArrayList<>();
		int thisYear = LocalDate.now(clock).getYear();
		if (year < 2019 || year > thisYear) {
			problems.add(InputProblem.field("year", "error.child-friendly.year-range", String.valueOf(year),
					String.valueOf(thisYear)));
		}
		if (category == null) {
			problems.add(InputProblem.field("category", "error.field.required", "category"));
		}
		AdministrativeUnit commune = null;
		if (problems.isEmpty()) {
			LocalDate last = LocalDate.of(year, 12, 31);
			commune = unitCode == null ? null : units.findByCode(unitCode.strip(), last)
				.filter(u -> u.level() == UnitLevel.COMMUNE && u.isValidOn(last) && jurisdictions.covers(u.id()))
				.orElse(null);
			if (commune == null) {
				problems.add(InputProblem.field("unitCode", "error.child-friendly.no-commune", String.valueOf(unitCode),
						String.valueOf(year)));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		long setId = criteriaSets.setIdForYear(year);
		AdministrativeUnit unit = commune;
		boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM childfriendly.assessment WHERE unit_id = :unit AND year = :year)")
			.param("unit", unit.id()).param("year", year).query(Boolean.class).single();
		if (exists) {
			throw UserFacingException.conflict("error.child-friendly.exists", unit.fullName(), year);
		}
		long id = jdbc.sql("""
				INSERT INTO childfriendly.assessment (unit_id, province_code, year, set_id, category, status, created_by)
				VALUES (:unit, :province, :year, :set, :category, 'DRAFT', :by) RETURNING id""")
			.param("unit", unit.id()).param("province", unit.provinceCode()).param("year", year).param("set", setId)
			.param("category", category.name()).param("by", user.id())
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO childfriendly.assessment_item (assessment_id, item_id, max_points)
				SELECT :id, i.id, i.max_points FROM childfriendly.criterion_item i
				JOIN childfriendly.criterion c ON c.id = i.criterion_id WHERE c.set_id = :set""")
			.param("id", id).param("set", setId).update();
		step(id, user, "STARTED", null);
		audit.record("CHILD_FRIENDLY_STARTED", "ChildFriendlyAssessment", id, unit.id(), year + " " + category);
		return id;
	}

	/**
	 * Saves the commune's points and evidence (and its kind, which sets the threshold) while the assessment is its to
	 * change, with the system's figures as they are now. Points outside 0 to the item's most are refused with the item
	 * named, and nothing is saved.
	 */
	public void score(long id, int version, CommuneCategory category, List<ItemEntry> entries) {
		SignedInUser user = requireCommuneStaff();
		Row row = row(id);
		if (!row.status().openToCommune()) {
			throw UserFacingException.conflict("error.child-friendly.not-open", row.status().name());
		}
		Map<Long, Integer> max = itemMaxima(id);
		Map<Long, String> codes = itemCodes(row.setId());
		List<InputProblem> problems = new ArrayList<>();
		for (ItemEntry e : entries) {
			pointsProblem("points-", e.itemId(), e.points(), max, codes).ifPresent(problems::add);
			if (e.evidence() != null && e.evidence().length() > EVIDENCE_LENGTH) {
				problems.add(InputProblem.field("evidence-" + e.itemId(), "error.child-friendly.evidence-length",
						codes.get(e.itemId()), String.valueOf(EVIDENCE_LENGTH)));
			}
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		bump(id, version, category == null ? row.category() : category, null);
		Map<Long, List<Figure>> now = figuresByItem(row);
		for (ItemEntry e : entries) {
			jdbc.sql("""
					UPDATE childfriendly.assessment_item SET self_points = :points, evidence = :evidence,
					       figures = CAST(:figures AS jsonb)
					WHERE assessment_id = :id AND item_id = :item""")
				.param("points", e.points()).param("evidence", VietnameseText.clean(e.evidence()))
				.param("figures", json.writeValueAsString(now.getOrDefault(e.itemId(), List.of())))
				.param("id", id).param("item", e.itemId())
				.update();
		}
		updateTotals(id);
		step(id, user, "SCORED", null);
		audit.record("CHILD_FRIENDLY_SCORED", "ChildFriendlyAssessment", id, row.unitId(), entries.size() + " items");
	}

	/** Attaches an evidence file (a minute, a decision, a photo; 20 MB at most), to an item or to the whole. */
	public long attach(long id, Long itemId, String fileName, String contentType, byte[] content) {
		SignedInUser user = requireCommuneStaff();
		Row row = row(id);
		if (!row.status().openToCommune()) {
			throw UserFacingException.conflict("error.child-friendly.not-open", row.status().name());
		}
		AttachedFiles.problem("file", fileName, content, "error.child-friendly.file-type", "error.child-friendly.file-size")
			.ifPresent(p -> {
				throw UserFacingException.rejected(List.of(p));
			});
		if (itemId != null && !itemMaxima(id).containsKey(itemId)) {
			throw UserFacingException.rejected(List.of(InputProblem.field("itemId", "error.child-friendly.unknown-item",
					String.valueOf(itemId))));
		}
		long fileId = AttachedFiles.bind(jdbc.sql("""
				INSERT INTO childfriendly.evidence_file (assessment_id, item_id, file_name, content_type, size_bytes, sha256,
				       content, uploaded_by)
				VALUES (:id, :item, :name, :type, :size, :sha, :content, :by) RETURNING id"""), fileName, content)
			.param("id", id).param("item", itemId).param("by", user.id())
			.query(Long.class).single();
		step(id, user, "FILE_ATTACHED", VietnameseText.clean(fileName));
		audit.record("CHILD_FRIENDLY_FILE_ATTACHED", "ChildFriendlyAssessment", id, row.unitId(), fileName);
		return fileId;
	}

	@Transactional(readOnly = true)
	public EvidenceContent file(long id, long fileId) {
		requireReader();
		row(id);
		return jdbc.sql("""
				SELECT file_name, content_type, content FROM childfriendly.evidence_file WHERE id = :file AND assessment_id = :id""")
			.param("file", fileId).param("id", id)
			.query((rs, n) -> new EvidenceContent(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("error.not-found"));
	}

	/**
	 * Sends the assessment to the level above, with the system's figures of today. Every item must be scored: the
	 * decision counts a criterion without points as not met.
	 */
	public void submit(long id, int version) {
		SignedInUser user = requireCommuneStaff();
		Row row = row(id);
		if (!row.status().openToCommune()) {
			throw UserFacingException.conflict("error.child-friendly.not-open", row.status().name());
		}
		List<String> unscored = jdbc.sql("""
				SELECT i.code FROM childfriendly.assessment_item a JOIN childfriendly.criterion_item i ON i.id = a.item_id
				JOIN childfriendly.criterion c ON c.id = i.criterion_id
				WHERE a.assessment_id = :id AND a.self_points IS NULL ORDER BY c.number, i.position""")
			.param("id", id).query(String.class).list();
		if (!unscored.isEmpty()) {
			throw UserFacingException.rejected(List.of(InputProblem.field("points", "error.child-friendly.unscored",
					String.join(", ", unscored))));
		}
		bump(id, version, row.category(), AssessmentStatus.SUBMITTED);
		Map<Long, List<Figure>> now = figuresByItem(row);
		now.forEach((item, list) -> jdbc.sql("""
				UPDATE childfriendly.assessment_item SET figures = CAST(:figures AS jsonb)
				WHERE assessment_id = :id AND item_id = :item""")
			.param("figures", json.writeValueAsString(list)).param("id", id).param("item", item).update());
		step(id, user, "SUBMITTED", null);
		audit.record("CHILD_FRIENDLY_SUBMITTED", "ChildFriendlyAssessment", id, row.unitId(), null);
	}

	// --- the level above ---

	/**
	 * Reviews a submitted assessment: either sends it back to the commune with a comment, or sets the reviewer's points
	 * (blank points agree with the commune's) and proposes the decision.
	 */
	public void review(long id, int version, List<ReviewEntry> entries, String comment, boolean returnToCommune) {
		SignedInUser user = requireReviewer();
		Row row = row(id);
		if (row.status() != AssessmentStatus.SUBMITTED) {
			throw UserFacingException.conflict("error.child-friendly.not-submitted", row.status().name());
		}
		String text = VietnameseText.clean(comment);
		if (returnToCommune) {
			if (text == null) {
				throw UserFacingException.rejected(List.of(InputProblem.field("comment", "error.child-friendly.comment-required")));
			}
			bump(id, version, row.category(), AssessmentStatus.RETURNED);
			jdbc.sql("UPDATE childfriendly.assessment SET review_comment = :comment WHERE id = :id")
				.param("comment", text).param("id", id).update();
			step(id, user, "RETURNED", text);
			audit.record("CHILD_FRIENDLY_RETURNED", "ChildFriendlyAssessment", id, row.unitId(), null);
			return;
		}
		Map<Long, Integer> max = itemMaxima(id);
		Map<Long, String> codes = itemCodes(row.setId());
		List<InputProblem> problems = new ArrayList<>();
		for (ReviewEntry e : entries) {
			pointsProblem("reviewed-", e.itemId(), e.points(), max, codes).ifPresent(problems::add);
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		bump(id, version, row.category(), AssessmentStatus.REVIEWED);
		jdbc.sql("UPDATE childfriendly.assessment_item SET reviewed_points = self_points WHERE assessment_id = :id")
			.param("id", id).update();
		for (ReviewEntry e : entries) {
			jdbc.sql("""
					UPDATE childfriendly.assessment_item SET reviewed_points = COALESCE(:points, self_points), review_note = :note
					WHERE assessment_id = :id AND item_id = :item""")
				.param("points", e.points()).param("note", VietnameseText.clean(e.note()))
				.param("id", id).param("item", e.itemId()).update();
		}
		jdbc.sql("UPDATE childfriendly.assessment SET review_comment = :comment WHERE id = :id")
			.param("comment", text).param("id", id).update();
		updateTotals(id);
		step(id, user, "REVIEWED", text);
		audit.record("CHILD_FRIENDLY_REVIEWED", "ChildFriendlyAssessment", id, row.unitId(), null);
	}

	/**
	 * Records the decision on a reviewed assessment: recognised only when the reviewed points meet every condition of
	 * QĐ 06/QĐ-TTg ({@link RecognitionRule}); not recognised with the reason.
	 */
	public void decide(long id, int version, Boolean decided, String number, LocalDate date, String signer,
			String reason) {
		SignedInUser user = requireReviewer();
		Row row = row(id);
		if (row.status() != AssessmentStatus.REVIEWED) {
			throw UserFacingException.conflict("error.child-friendly.not-reviewed", row.status().name());
		}
		List<InputProblem> problems = new ArrayList<>();
		// neither recognised nor refused is no decision: the outcome is never assumed
		if (decided == null) {
			throw UserFacingException.rejected(List.of(InputProblem.field("recognised", "error.field.required",
					"recognised")));
		}
		boolean recognised = decided;
		String decisionNumber = VietnameseText.clean(number);
		String text = VietnameseText.clean(reason);
		if (decisionNumber == null) {
			problems.add(InputProblem.field("decisionNumber", "error.field.required", "decisionNumber"));
		}
		if (date == null) {
			problems.add(InputProblem.field("decisionDate", "error.field.required", "decisionDate"));
		}
		else if (date.isAfter(LocalDate.now(clock)) || date.getYear() < row.year()) {
			problems.add(InputProblem.field("decisionDate", "error.child-friendly.decision-date",
					VietnameseFormats.date(date), String.valueOf(row.year())));
		}
		if (!recognised && text == null) {
			problems.add(InputProblem.field("reason", "error.child-friendly.reason-required"));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		if (recognised) {
			RecognitionRule.Outcome outcome = load(id, false).reviewedOutcome();
			if (!outcome.recognisable()) {
				throw UserFacingException.rejected(List.of(InputProblem.field("recognised",
						"error.child-friendly.not-recognisable", String.valueOf(outcome.total()),
						String.valueOf(outcome.threshold()), join(outcome.zero()), join(outcome.unscored()))));
			}
		}
		// the decision first: a decided assessment without its decision number and date is refused by the table
		jdbc.sql("""
				UPDATE childfriendly.assessment SET decision_number = :number, decision_date = :date, decision_signer = :signer,
				       decision_reason = :reason WHERE id = :id""")
			.param("number", decisionNumber).param("date", date).param("signer", VietnameseText.clean(signer))
			.param("reason", text).param("id", id).update();
		bump(id, version, row.category(), recognised ? AssessmentStatus.RECOGNISED : AssessmentStatus.NOT_RECOGNISED);
		step(id, user, recognised ? "RECOGNISED" : "NOT_RECOGNISED",
				decisionNumber + " " + VietnameseFormats.date(date) + (text == null ? "" : ": " + text));
		audit.record(recognised ? "CHILD_FRIENDLY_RECOGNISED" : "CHILD_FRIENDLY_NOT_RECOGNISED",
				"ChildFriendlyAssessment", id, row.unitId(), decisionNumber);
		events.publishEvent(new RecognitionDecided(id, row.unitId(), row.year(), recognised));
	}

	private static String join(List<Integer> numbers) {
		return numbers.isEmpty() ? "—" : String.join(", ", numbers.stream().map(String::valueOf).toList());
	}

	// --- helpers ---

	private Map<Long, List<Figure>> figuresByItem(Row row) {
		CriteriaSet set = criteriaSets.load(row.setId());
		Map<String, Figure> byCode = new HashMap<>();
		figures.of(row.unitId(), row.year(), indicatorCodes(set)).forEach(f -> byCode.put(f.indicatorCode(), f));
		Map<Long, List<Figure>> byItem = new HashMap<>();
		set.criteria().forEach(c -> c.items().forEach(i -> byItem.put(i.id(),
				i.indicatorCodes().stream().map(byCode::get).filter(f -> f != null).toList())));
		return byItem;
	}

	/** An item not of this assessment, or points outside 0 to the item's most (blank points are no points yet). */
	private static Optional<InputProblem> pointsProblem(String field, long itemId, Integer points,
			Map<Long, Integer> max, Map<Long, String> codes) {
		if (!max.containsKey(itemId)) {
			return Optional.of(InputProblem.field(field + itemId, "error.child-friendly.unknown-item",
					String.valueOf(itemId)));
		}
		if (points != null && (points < 0 || points > max.get(itemId))) {
			return Optional.of(InputProblem.field(field + itemId, "error.child-friendly.item-points", codes.get(itemId),
					String.valueOf(points), String.valueOf(max.get(itemId))));
		}
		return Optional.empty();
	}

	private Map<Long, Integer> itemMaxima(long id) {
		Map<Long, Integer> max = new HashMap<>();
		jdbc.sql("SELECT item_id, max_points FROM childfriendly.assessment_item WHERE assessment_id = :id").param("id", id)
			.query(rs -> {
				max.put(rs.getLong("item_id"), rs.getInt("max_points"));
			});
		return max;
	}

	private Map<Long, String> itemCodes(long setId) {
		Map<Long, String> codes = new HashMap<>();
		jdbc.sql("""
				SELECT i.id, i.code FROM childfriendly.criterion_item i JOIN childfriendly.criterion c ON c.id = i.criterion_id
				WHERE c.set_id = :set""")
			.param("set", setId)
			.query(rs -> {
				codes.put(rs.getLong("id"), rs.getString("code"));
			});
		return codes;
	}

	/** Moves the assessment on (or keeps its status) if nobody changed it since {@code version}. */
	private void bump(long id, int version, CommuneCategory category, AssessmentStatus status) {
		int changed = jdbc.sql("""
				UPDATE childfriendly.assessment SET version = version + 1, category = :category,
				       status = COALESCE(:status, status)
				WHERE id = :id AND version = :version""")
			.param("category", category.name()).param("status", status == null ? null : status.name())
			.param("id", id).param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("assessment " + id + " changed since version " + version);
		}
	}

	private void updateTotals(long id) {
		jdbc.sql("""
				UPDATE childfriendly.assessment a SET
				  self_total = (SELECT COALESCE(sum(self_points), 0) FROM childfriendly.assessment_item WHERE assessment_id = a.id),
				  reviewed_total = CASE WHEN a.status IN ('REVIEWED', 'RECOGNISED', 'NOT_RECOGNISED')
				    THEN (SELECT COALESCE(sum(reviewed_points), 0) FROM childfriendly.assessment_item WHERE assessment_id = a.id)
				  END
				WHERE a.id = :id""")
			.param("id", id).update();
	}

	private void step(long id, SignedInUser user, String action, String comment) {
		jdbc.sql("""
				INSERT INTO childfriendly.assessment_step (assessment_id, action, comment, by_user, by_name, at)
				VALUES (:id, :action, :comment, :by, :name, :at)""")
			.param("id", id).param("action", action).param("comment", comment).param("by", user.id())
			.param("name", user.displayName()).param("at", Timestamp.from(Instant.now(clock)))
			.update();
	}

	private static SignedInUser requireReader() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.CHILD_FRIENDLY, Use.READ);
		return user;
	}

	private static SignedInUser requireCommuneStaff() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.CHILD_FRIENDLY, Use.WRITE);
		if (COMMUNE_STAFF.stream().noneMatch(user::has)) {
			throw new UserFacingException(403, "error.child-friendly.commune-only");
		}
		return user;
	}

	private static SignedInUser requireReviewer() {
		SignedInUser user = Jurisdictions.requireUser();
		NeedToKnow.require(user, Data.CHILD_FRIENDLY, Use.WRITE);
		if (REVIEWERS.stream().noneMatch(user::has)) {
			throw new UserFacingException(403, "error.child-friendly.reviewers-only");
		}
		return user;
	}

	/** Whether the caller may score and submit (the commune's staff), for the pages to offer only what they may do. */
	public static boolean mayScore(SignedInUser user) {
		return user.may(Data.CHILD_FRIENDLY, Use.WRITE) && COMMUNE_STAFF.stream().anyMatch(user::has);
	}

	/** Whether the caller may review and record decisions (the level above). */
	public static boolean mayReview(SignedInUser user) {
		return user.may(Data.CHILD_FRIENDLY, Use.WRITE) && REVIEWERS.stream().anyMatch(user::has);
	}
}
