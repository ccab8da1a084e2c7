package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agencies;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.Indicator.Method;
import vn.vongtay.indicators.Indicator.Unit;

/**
 * The figures offices enter for indicators that come from other sectors (vaccination, malnutrition, schooling...):
 * per indicator, unit and period, optionally per value of the indicator's dimension. No entry is "not reported", which
 * is not 0. Every change is kept with who made it, when, and the values before and after. Once a report that used a
 * figure is accepted, the reporting module locks it ({@link #lock}) and it can no longer change.
 *
 * <p>Province, district and commune officers enter figures for the units within their jurisdiction; an agency's focal
 * point for the agency's unit. A rate is kept between 0 and 100 (per mille up to 1,000, per 100,000 up to 100,000)
 * unless the indicator gives other bounds; a count is a whole number, never negative.
 */
@Component
@Transactional(readOnly = true)
public class EnteredValues {

	static final Set<Role> OFFICERS = EnumSet.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);

	/** An entered figure as stored. */
	public record Entry(String indicatorCode, long unitId, String period, String dimension, String dimValue,
			BigDecimal value, String note, String enteredBy, Instant enteredAt, Instant lockedAt, String lockedFor,
			int version) {

		public boolean locked() {
			return lockedAt != null;
		}
	}

	/** One change of an entered figure. */
	public record Change(String indicatorCode, String dimension, String dimValue, String action, BigDecimal oldValue,
			BigDecimal newValue, String note, String by, Instant at) {
	}

	/**
	 * What a form or the API submits for one figure: the text as typed ({@code 95,5}, {@code 1.250}), blank to clear
	 * it; {@code version} of the figure read, {@code null} for a new one.
	 */
	public record Input(String indicatorCode, String dimension, String dimValue, String value, String note,
			Integer version) {
	}

	private final JdbcClient jdbc;
	private final IndicatorCatalogue catalogue;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final Agencies agencies;
	private final AuditLog audit;

	EnteredValues(JdbcClient jdbc, IndicatorCatalogue catalogue, Units units, Jurisdictions jurisdictions,
			Agencies agencies, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** The indicators offices enter, in catalogue order. */
	public List<Indicator> enteredIndicators() {
		return catalogue.list(null).stream().filter(i -> i.method() == Method.ENTERED).toList();
	}

	/** Whether the caller may enter figures for the unit. */
	public boolean mayEnter(long unitId) {
		SignedInUser user = Jurisdictions.requireUser();
		if (OFFICERS.stream().anyMatch(user::has) && jurisdictions.covers(unitId)) {
			return true;
		}
		if (user.has(Role.AGENCY_FOCAL_POINT) && user.agencyId() != null) {
			return agencies.find(user.agencyId()).map(a -> a.unitId() == unitId).orElse(false);
		}
		return false;
	}

	/** The figures entered for a unit and period, within the caller's jurisdiction or agency. */
	public List<Entry> of(long unitId, IndicatorPeriod period) {
		requireVisible(unitId);
		return jdbc.sql("""
				SELECT v.*, u.display_name AS entered_by_name FROM indicators.entered_value v
				LEFT JOIN identity.app_user u ON u.id = v.entered_by
				WHERE v.unit_id = :unit AND v.period = :period ORDER BY v.indicator_code, v.dimension, v.dim_value""")
			.param("unit", unitId).param("period", period.code())
			.query((rs, n) -> new Entry(rs.getString("indicator_code"), rs.getLong("unit_id"), rs.getString("period"),
					rs.getString("dimension"), rs.getString("dim_value"), rs.getBigDecimal("value"), rs.getString("note"),
					rs.getString("entered_by_name"), rs.getTimestamp("entered_at").toInstant(),
					rs.getTimestamp("locked_at") == null ? null : rs.getTimestamp("locked_at").toInstant(),
					rs.getString("locked_for"), rs.getInt("version")))
			.list();
	}

	/** Every change of the figures of a unit and period, latest first. */
	public List<Change> history(long unitId, IndicatorPeriod period) {
		requireVisible(unitId);
		return jdbc.sql("""
				SELECT * FROM indicators.entered_value_change WHERE unit_id = :unit AND period = :period
				ORDER BY changed_at DESC, id DESC""")
			.param("unit", unitId).param("period", period.code())
			.query((rs, n) -> new Change(rs.getString("indicator_code"), rs.getString("dimension"),
					rs.getString("dim_value"), rs.getString("action"), rs.getBigDecimal("old_value"),
					rs.getBigDecimal("new_value"), rs.getString("note"), rs.getString("changed_by_name"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/** Enters (or corrects, or with a blank value clears) one figure. */
	@Transactional
	public void enter(long unitId, IndicatorPeriod period, Input input) {
		save(unitId, period, List.of(input), false);
	}

	/**
	 * Saves a form of figures for a unit and period, all or nothing: every problem of every figure is reported at once.
	 * With {@code complete}, the indicators the catalogue marks as required must have a value.
	 *
	 * @throws UserFacingException 403 when the caller may not enter figures for the unit, 422 listing the problems, 409
	 *         when a figure is locked
	 * @throws OptimisticLockingFailureException when someone changed a figure since it was read
	 */
	@Transactional
	public void save(long unitId, IndicatorPeriod period, List<Input> inputs, boolean complete) {
		SignedInUser user = Jurisdictions.requireUser();
		AdministrativeUnit unit = units.findById(unitId)
			.orElseThrow(() -> UserFacingException.notFound("error.unit.outside-jurisdiction", unitId));
		if (!mayEnter(unitId)) {
			if (!jurisdictions.covers(unitId)) {
				throw new UserFacingException(403, "indicators.error.entry-outside-jurisdiction", unit.code(),
						unit.fullName());
			}
			throw new UserFacingException(403, "indicators.error.entry-not-allowed");
		}
		List<InputProblem> problems = new ArrayList<>();
		if (!unit.isValidOn(period.end())) {
			problems.add(InputProblem.field("period", "indicators.error.unit-not-in-period", unit.fullName(),
					period.code()));
		}
		record Checked(Indicator indicator, String dimension, String dimValue, BigDecimal value, String note,
				Integer version) {
		}
		List<Checked> checked = new ArrayList<>();
		for (Input input : inputs) {
			Optional<Indicator> found = catalogue.find(input.indicatorCode());
			String field = input.indicatorCode() + (blank(input.dimValue()) == null ? "" : "." + input.dimValue());
			if (found.isEmpty() || found.get().method() != Method.ENTERED || !found.get().active()) {
				problems.add(InputProblem.field(field, "indicators.error.not-entered", String.valueOf(input.indicatorCode())));
				continue;
			}
			Indicator indicator = found.get();
			String dimension = blank(input.dimension()) == null ? "" : input.dimension().strip();
			String dimValue = blank(input.dimValue()) == null ? "" : input.dimValue().strip();
			if (!dimension.isEmpty() && (!dimension.equals(indicator.entryDimension()) || dimValue.isEmpty())) {
				problems.add(InputProblem.field(field, "indicators.error.dimension-unknown", dimension));
				continue;
			}
			BigDecimal value = null;
			if (blank(input.value()) != null) {
				value = number(input.value());
				if (value == null) {
					problems.add(InputProblem.field(field, "indicators.error.not-a-number", input.value(), indicator.name()));
					continue;
				}
				problems.addAll(bounds(indicator, field, value));
			}
			else if (complete && indicator.entryRequired() && dimension.isEmpty()
					&& find(indicator.code(), unitId, period, "", "").isEmpty()) {
				problems.add(InputProblem.field(field, "indicators.error.required", indicator.name()));
			}
			checked.add(new Checked(indicator, dimension, dimValue, value, VietnameseText.clean(input.note()),
					input.version()));
		}
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		for (Checked c : checked) {
			write(user, unit, period, c.indicator(), c.dimension(), c.dimValue(), c.value(), c.note(), c.version());
		}
	}

	private void write(SignedInUser user, AdministrativeUnit unit, IndicatorPeriod period, Indicator indicator,
			String dimension, String dimValue, BigDecimal value, String note, Integer version) {
		Optional<Entry> current = find(indicator.code(), unit.id(), period, dimension, dimValue);
		if (current.isPresent() && current.get().locked()) {
			throw UserFacingException.conflict("indicators.error.locked", indicator.name(),
					String.valueOf(current.get().lockedFor()));
		}
		if (current.isEmpty() && value == null) {
			return;
		}
		if (current.isPresent() && value != null && current.get().value().compareTo(value) == 0
				&& java.util.Objects.equals(current.get().note(), note)) {
			return;
		}
		String action;
		if (current.isEmpty()) {
			if (version != null) {
				throw new OptimisticLockingFailureException("figure " + indicator.code() + " was cleared meanwhile");
			}
			try {
				jdbc.sql("""
						INSERT INTO indicators.entered_value (indicator_code, unit_id, period, period_end, dimension, dim_value,
						       value, note, province_code, entered_by)
						VALUES (:code, :unit, :period, :end, :dimension, :dimValue, :value, :note, :province, :by)""")
					.param("code", indicator.code()).param("unit", unit.id()).param("period", period.code())
					.param("end", period.end()).param("dimension", dimension).param("dimValue", dimValue)
					.param("value", value).param("note", note).param("province", unit.provinceCode())
					.param("by", user.id())
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new OptimisticLockingFailureException("figure " + indicator.code() + " entered meanwhile", e);
			}
			action = "ENTERED";
		}
		else {
			if (version == null || version != current.get().version()) {
				throw new OptimisticLockingFailureException("figure " + indicator.code() + " changed since version " + version);
			}
			int changed = value == null
					? jdbc.sql("""
							DELETE FROM indicators.entered_value WHERE indicator_code = :code AND unit_id = :unit
							  AND period = :period AND dimension = :dimension AND dim_value = :dimValue AND version = :version
							  AND locked_at IS NULL""")
						.param("code", indicator.code()).param("unit", unit.id()).param("period", period.code())
						.param("dimension", dimension).param("dimValue", dimValue).param("version", version).update()
					: jdbc.sql("""
							UPDATE indicators.entered_value SET value = :value, note = :note, entered_by = :by,
							       entered_at = now(), version = version + 1
							WHERE indicator_code = :code AND unit_id = :unit AND period = :period AND dimension = :dimension
							  AND dim_value = :dimValue AND version = :version AND locked_at IS NULL""")
						.param("value", value).param("note", note).param("by", user.id())
						.param("code", indicator.code()).param("unit", unit.id()).param("period", period.code())
						.param("dimension", dimension).param("dimValue", dimValue).param("version", version).update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("figure " + indicator.code() + " changed since version " + version);
			}
			action = value == null ? "CLEARED" : "CORRECTED";
		}
		change(indicator.code(), unit.id(), period, dimension, dimValue, action,
				current.map(Entry::value).orElse(null), value, note, user);
		audit.record("INDICATOR_VALUE_" + action, "EnteredValue",
				indicator.code() + "/" + period.code() + (dimValue.isEmpty() ? "" : "/" + dimValue), unit.id(),
				current.map(e -> e.value().toPlainString()).orElse("-") + " → " + (value == null ? "-" : value.toPlainString()));
	}

	/**
	 * Locks the figures of the unit and period that a report used, once the report is accepted: they can no longer be
	 * changed, and the change history says so. Figures not entered are not locked (there is nothing to keep).
	 *
	 * @param codes the indicators the report used
	 * @param lockedFor what locked them, shown in the refusal ("Báo cáo 6 tháng đầu năm 2026 số 12/BC-UBND")
	 * @return how many figures were locked now
	 */
	@Transactional
	public int lock(long unitId, IndicatorPeriod period, Collection<String> codes, String lockedFor) {
		SignedInUser user = Jurisdictions.requireUser();
		requireVisible(unitId);
		if (codes.isEmpty()) {
			return 0;
		}
		List<Entry> locked = jdbc.sql("""
				UPDATE indicators.entered_value SET locked_at = now(), locked_by = :by, locked_for = :for
				WHERE unit_id = :unit AND period = :period AND indicator_code IN (:codes) AND locked_at IS NULL
				RETURNING indicator_code, dimension, dim_value, value""")
			.param("by", user.id()).param("for", lockedFor).param("unit", unitId).param("period", period.code())
			.param("codes", List.copyOf(codes))
			.query((rs, n) -> new Entry(rs.getString("indicator_code"), unitId, period.code(), rs.getString("dimension"),
					rs.getString("dim_value"), rs.getBigDecimal("value"), null, null, null, null, lockedFor, 0))
			.list();
		for (Entry e : locked) {
			change(e.indicatorCode(), unitId, period, e.dimension(), e.dimValue(), "LOCKED", e.value(), e.value(),
					lockedFor, user);
		}
		if (!locked.isEmpty()) {
			audit.record("INDICATOR_VALUES_LOCKED", "EnteredValue", period.code(), unitId, locked.size() + " · " + lockedFor);
		}
		return locked.size();
	}

	/** Unlocks figures (a report sent back): system administrators only. */
	@Transactional
	public int unlock(long unitId, IndicatorPeriod period, Collection<String> codes, String reason) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		List<Entry> unlocked = jdbc.sql("""
				UPDATE indicators.entered_value SET locked_at = NULL, locked_by = NULL, locked_for = NULL
				WHERE unit_id = :unit AND period = :period AND indicator_code IN (:codes) AND locked_at IS NOT NULL
				RETURNING indicator_code, dimension, dim_value, value""")
			.param("unit", unitId).param("period", period.code()).param("codes", List.copyOf(codes))
			.query((rs, n) -> new Entry(rs.getString("indicator_code"), unitId, period.code(), rs.getString("dimension"),
					rs.getString("dim_value"), rs.getBigDecimal("value"), null, null, null, null, null, 0))
			.list();
		for (Entry e : unlocked) {
			change(e.indicatorCode(), unitId, period, e.dimension(), e.dimValue(), "UNLOCKED", e.value(), e.value(), reason,
					user);
		}
		return unlocked.size();
	}

	private void change(String code, long unitId, IndicatorPeriod period, String dimension, String dimValue,
			String action, BigDecimal before, BigDecimal after, String note, SignedInUser user) {
		jdbc.sql("""
				INSERT INTO indicators.entered_value_change (indicator_code, unit_id, period, dimension, dim_value, action,
				       old_value, new_value, note, changed_by, changed_by_name)
				VALUES (:code, :unit, :period, :dimension, :dimValue, :action, :before, :after, :note, :by, :name)""")
			.param("code", code).param("unit", unitId).param("period", period.code()).param("dimension", dimension)
			.param("dimValue", dimValue).param("action", action).param("before", before).param("after", after)
			.param("note", note).param("by", user.id()).param("name", user.displayName())
			.update();
	}

	private Optional<Entry> find(String code, long unitId, IndicatorPeriod period, String dimension, String dimValue) {
		return jdbc.sql("""
				SELECT * FROM indicators.entered_value WHERE indicator_code = :code AND unit_id = :unit AND period = :period
				  AND dimension = :dimension AND dim_value = :dimValue FOR UPDATE""")
			.param("code", code).param("unit", unitId).param("period", period.code()).param("dimension", dimension)
			.param("dimValue", dimValue)
			.query((rs, n) -> new Entry(code, unitId, period.code(), dimension, dimValue, rs.getBigDecimal("value"),
					rs.getString("note"), null, rs.getTimestamp("entered_at").toInstant(),
					rs.getTimestamp("locked_at") == null ? null : rs.getTimestamp("locked_at").toInstant(),
					rs.getString("locked_for"), rs.getInt("version")))
			.optional();
	}

	/** The bounds a value must keep: the indicator's own, else those of its unit. */
	static List<InputProblem> bounds(Indicator indicator, String field, BigDecimal value) {
		List<InputProblem> problems = new ArrayList<>();
		BigDecimal min = indicator.entryMin();
		BigDecimal max = indicator.entryMax();
		if (min == null) {
			min = BigDecimal.ZERO;
		}
		if (max == null) {
			max = switch (indicator.unit()) {
				case PERCENT -> BigDecimal.valueOf(100);
				case PER_1000 -> BigDecimal.valueOf(1000);
				case PER_100000 -> BigDecimal.valueOf(100_000);
				default -> null;
			};
		}
		boolean whole = indicator.unit() == Unit.COUNT || indicator.unit() == Unit.VND;
		if (whole && value.stripTrailingZeros().scale() > 0) {
			problems.add(InputProblem.field(field, "indicators.error.whole-number", VietnameseFormats.number(value),
					indicator.name()));
		}
		if (value.compareTo(min) < 0 || (max != null && value.compareTo(max) > 0)) {
			String key = indicator.unit().isRate() ? "indicators.error.rate-range" : "indicators.error.range";
			problems.add(InputProblem.field(field, key, VietnameseFormats.number(value), indicator.name(),
					VietnameseFormats.number(min), max == null ? "" : VietnameseFormats.number(max)));
		}
		return problems;
	}

	/** A number as offices type it: 95,5 or 95.5 for a decimal, 1.250 or 1 250 for thousands. */
	static BigDecimal number(String text) {
		String t = text.strip().replace(" ", "").replace("%", "").replace("‰", "");
		if (t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
			t = t.replace(".", "");
		}
		else if (t.matches("-?\\d{1,3}(\\.\\d{3})+,\\d+")) {
			t = t.replace(".", "").replace(',', '.');
		}
		else if (t.matches("-?\\d+,\\d+")) {
			t = t.replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private void requireVisible(long unitId) {
		if (!jurisdictions.covers(unitId) && !mayEnter(unitId)) {
			throw UserFacingException.notFound("error.unit.outside-jurisdiction", unitId);
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
