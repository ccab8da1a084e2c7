package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.Indicator.Method;

/**
 * Official figures of computed indicators, entered from a document for a unit and a period the records do not cover:
 * the register starts when a commune starts it, so Bình Long's 2021 count of children from the records is 0 where its
 * Tờ trình 87/TTr-UBND (11/7/2022) states 15.988 children under 16 and 118 in special circumstances. The official
 * figure stands in for what the records give for that unit and period (and in ratios built on it), and every page
 * and report says it is the document's. The officers of the unit's jurisdiction enter them, as they enter other
 * figures; each entry names its document.
 */
@Component
@Transactional
public class OfficialFigures {

	/** An official figure, as shown. */
	public record Official(String indicatorCode, long unitId, String period, BigDecimal value, String document,
			String note, String enteredBy, Instant enteredAt, int version) {
	}

	private final JdbcClient jdbc;
	private final IndicatorCatalogue catalogue;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final AuditLog audit;
	private final Clock clock;

	OfficialFigures(JdbcClient jdbc, IndicatorCatalogue catalogue, Units units, Jurisdictions jurisdictions,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records (or corrects, at {@code version}) the official figure of a computed indicator.
	 *
	 * @throws UserFacingException 403 for anyone but the officers of the unit's jurisdiction and the system
	 *         administrators; 422 listing what is wrong (not a computed indicator, a count that is not whole, no
	 *         document, a unit that did not exist at the period's end)
	 * @throws OptimisticLockingFailureException when someone changed it since {@code version}
	 */
	public void record(String code, long unitId, String period, BigDecimal value, String document, String note,
			Integer version) {
		SignedInUser user = Jurisdictions.requireUser();
		boolean officer = EnteredValues.OFFICERS.stream().anyMatch(user::has) && jurisdictions.covers(unitId);
		if (!officer && !user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		IndicatorPeriod p = IndicatorPeriod.parse(period);
		Indicator indicator = catalogue.get(code);
		List<InputProblem> problems = new ArrayList<>();
		if (indicator.method() != Method.COMPUTED) {
			problems.add(InputProblem.field("code", "indicators.error.official-not-computed", indicator.name()));
		}
		if (value == null || value.signum() < 0
				|| indicator.unit() == Indicator.Unit.COUNT && value.stripTrailingZeros().scale() > 0) {
			problems.add(InputProblem.field("value", "indicators.error.official-value", String.valueOf(value)));
		}
		String source = VietnameseText.clean(document);
		if (source == null) {
			problems.add(InputProblem.field("document", "indicators.error.official-document"));
		}
		AdministrativeUnit unit = units.findById(unitId).orElse(null);
		if (unit == null || !unit.isValidOn(p.end())) {
			problems.add(InputProblem.field("unit", "indicators.error.unit-not-in-period",
					unit == null ? String.valueOf(unitId) : unit.fullName(),
					p.code()));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		int changed;
		if (version == null) {
			changed = jdbc.sql("""
					INSERT INTO indicators.official_value (indicator_code, unit_id, period, value, document, note,
					       province_code, entered_by, entered_at)
					VALUES (:code, :unit, :period, :value, :document, :note, :province, :by, :now)
					ON CONFLICT DO NOTHING""")
				.param("code", code).param("unit", unitId).param("period", p.code()).param("value", value)
				.param("document", source).param("note", VietnameseText.clean(note))
				.param("province", unit.provinceCode()).param("by", user.displayName()).param("now", now)
				.update();
		}
		else {
			changed = jdbc.sql("""
					UPDATE indicators.official_value SET value = :value, document = :document, note = :note,
					       entered_by = :by, entered_at = :now, version = version + 1
					WHERE indicator_code = :code AND unit_id = :unit AND period = :period AND version = :version""")
				.param("code", code).param("unit", unitId).param("period", p.code()).param("value", value)
				.param("document", source).param("note", VietnameseText.clean(note)).param("by", user.displayName())
				.param("now", now).param("version", version)
				.update();
		}
		if (changed == 0) {
			throw new OptimisticLockingFailureException("official figure " + code + " " + unitId + " " + p.code());
		}
		audit.record("OFFICIAL_FIGURE_RECORDED", "Indicator", code, unitId, p.code() + " = " + value + " (" + source + ")");
	}

	/** The official figures of a unit within the caller's jurisdiction. */
	@Transactional(readOnly = true)
	public List<Official> of(long unitId) {
		Jurisdictions.requireUser();
		jurisdictions.requireWithin(unitId, "error.unit.outside-jurisdiction", unitId);
		return jdbc.sql("""
				SELECT * FROM indicators.official_value WHERE unit_id = :unit ORDER BY period, indicator_code""")
			.param("unit", unitId)
			.query((rs, n) -> new Official(rs.getString("indicator_code"), rs.getLong("unit_id"), rs.getString("period"),
					rs.getBigDecimal("value"), rs.getString("document"), rs.getString("note"), rs.getString("entered_by"),
					rs.getObject("entered_at", OffsetDateTime.class).toInstant(), rs.getInt("version")))
			.list();
	}
}
