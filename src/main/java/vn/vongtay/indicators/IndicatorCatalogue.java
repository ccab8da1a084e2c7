package vn.vongtay.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.indicators.Indicator.Method;
import vn.vongtay.indicators.Indicator.Origin;
import vn.vongtay.indicators.Indicator.Unit;
import vn.vongtay.indicators.internal.Measure;
import vn.vongtay.indicators.internal.Measures;

/**
 * The catalogue of indicators: seeded from {@code indicators/catalogue.yaml} at start, extended by administrators with
 * entered indicators and ratios (and computed ones naming a measure the code provides). Everyone signed in reads it.
 */
@Component
@Transactional(readOnly = true)
public class IndicatorCatalogue {

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,39}");

	/** The domains of the catalogue, in the order of the circular's annex (then the module's own). */
	public static final List<String> DOMAINS = List.of("GENERAL", "HEALTH", "PROTECTION", "EDUCATION", "CULTURE",
			"PARTICIPATION", "ABUSE", "PROSTITUTION", "OUTREACH");

	private final JdbcClient jdbc;
	private final Measures measures;
	private final AuditLog audit;

	IndicatorCatalogue(JdbcClient jdbc, Measures measures, AuditLog audit) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.audit = audit;
	}

	/** The active indicators whose code, name or definition holds the words (accents and case aside), by domain. */
	public List<Indicator> list(String query) {
		Jurisdictions.requireUser();
		String folded = query == null || query.isBlank() ? null : "%" + VietnameseText.fold(query.strip()) + "%";
		return jdbc.sql("""
				SELECT * FROM indicators.indicator
				WHERE active AND (CAST(:q AS text) IS NULL OR public.vn_fold(code || ' ' || name || ' ' || name_en || ' '
				      || coalesce(definition, '') || ' ' || coalesce(source, '')) LIKE :q)
				ORDER BY array_position(CAST(:domains AS text[]), domain), position, code""")
			.param("q", folded)
			.param("domains", "{" + String.join(",", DOMAINS) + "}")
			.query(this::map)
			.list();
	}

	/** Every indicator, inactive ones too, for the administration page. */
	public List<Indicator> all() {
		return jdbc.sql("SELECT * FROM indicators.indicator ORDER BY domain, position, code").query(this::map).list();
	}

	public Optional<Indicator> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM indicators.indicator WHERE code = :code").param("code", code.strip())
			.query(this::map).optional();
	}

	/** @throws UserFacingException 404 when no indicator has the code */
	public Indicator get(String code) {
		return find(code).orElseThrow(() -> UserFacingException.notFound("indicators.error.not-found", String.valueOf(code)));
	}

	/** The measures a computed indicator may name. */
	public List<String> measureCodes() {
		return measures.all().stream().map(Measure::code).toList();
	}

	/** What an administrator writes. */
	public record IndicatorDraft(String code, String domain, Integer position, String name, String nameEn,
			String definition, String definitionEn, Unit unit, Method method, String measure, String filterDimension,
			String filterValue, String numerator, String denominator, BigDecimal factor, BigDecimal entryMin,
			BigDecimal entryMax, boolean entryRequired, String entryDimension, boolean sumsUp, String source,
			String circularCode, boolean active) {
	}

	/**
	 * Adds an indicator ({@code version} null) or changes one; a seed indicator an administrator changes is theirs from
	 * then on (the seed file no longer overwrites it).
	 *
	 * @throws UserFacingException 403 for anyone but a system administrator, 422 listing what is wrong
	 * @throws OptimisticLockingFailureException when someone changed it since {@code version}
	 */
	@Transactional
	public void save(IndicatorDraft draft, Integer version) {
		SignedInUser user = Jurisdictions.requireUser();
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw new UserFacingException(403, "error.access-denied");
		}
		String code = draft.code() == null ? null : draft.code().strip().toUpperCase(java.util.Locale.ROOT);
		List<InputProblem> problems = validate(draft, code, version == null);
		if (!problems.isEmpty()) {
			throw UserFacingException.rejected(problems);
		}
		Map<String, Object> fields = new java.util.HashMap<>();
		fields.put("code", code);
		fields.put("domain", draft.domain());
		fields.put("position", draft.position() == null ? 1000 : draft.position());
		fields.put("name", VietnameseText.clean(draft.name()));
		fields.put("nameEn", VietnameseText.clean(draft.nameEn()));
		fields.put("definition", VietnameseText.clean(draft.definition()));
		fields.put("definitionEn", VietnameseText.clean(draft.definitionEn()));
		fields.put("unit", draft.unit().name());
		fields.put("method", draft.method().name());
		boolean computed = draft.method() == Method.COMPUTED;
		boolean ratio = draft.method() == Method.RATIO;
		boolean entered = draft.method() == Method.ENTERED;
		fields.put("measure", computed ? draft.measure() : null);
		fields.put("filterDimension", computed ? blank(draft.filterDimension()) : null);
		fields.put("filterValue", computed ? blank(draft.filterValue()) : null);
		fields.put("numerator", ratio ? draft.numerator().strip() : null);
		fields.put("denominator", ratio ? draft.denominator().strip() : null);
		fields.put("factor", ratio ? draft.factor() : null);
		fields.put("entryMin", entered ? draft.entryMin() : null);
		fields.put("entryMax", entered ? draft.entryMax() : null);
		fields.put("entryRequired", entered && draft.entryRequired());
		fields.put("entryDimension", entered ? blank(draft.entryDimension()) : null);
		fields.put("sumsUp", entered && draft.sumsUp() && !draft.unit().isRate());
		fields.put("source", VietnameseText.clean(draft.source()));
		fields.put("circularCode", blank(draft.circularCode()));
		fields.put("active", draft.active());
		fields.put("by", user.id());
		if (version == null) {
			jdbc.sql("""
					INSERT INTO indicators.indicator (code, domain, position, name, name_en, definition, definition_en, unit,
					       method, measure, filter_dimension, filter_value, numerator, denominator, factor, entry_min, entry_max,
					       entry_required, entry_dimension, sums_up, source, circular_code, origin, active, updated_by)
					VALUES (:code, :domain, :position, :name, :nameEn, :definition, :definitionEn, :unit, :method, :measure,
					       :filterDimension, :filterValue, :numerator, :denominator, :factor, :entryMin, :entryMax,
					       :entryRequired, :entryDimension, :sumsUp, :source, :circularCode, 'ADMIN', :active, :by)""")
				.params(fields).update();
			audit.record("INDICATOR_ADDED", "Indicator", code, null, draft.name());
			return;
		}
		int changed = jdbc.sql("""
				UPDATE indicators.indicator SET domain = :domain, position = :position, name = :name, name_en = :nameEn,
				       definition = :definition, definition_en = :definitionEn, unit = :unit, method = :method,
				       measure = :measure, filter_dimension = :filterDimension, filter_value = :filterValue,
				       numerator = :numerator, denominator = :denominator, factor = :factor, entry_min = :entryMin,
				       entry_max = :entryMax, entry_required = :entryRequired, entry_dimension = :entryDimension,
				       sums_up = :sumsUp, source = :source, circular_code = :circularCode, origin = 'ADMIN',
				       active = :active, updated_by = :by, updated_at = now(), version = version + 1
				WHERE code = :code AND version = :version""")
			.params(fields).param("version", version).update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("indicator " + code + " changed since version " + version);
		}
		audit.record("INDICATOR_CHANGED", "Indicator", code, null, draft.name());
	}

	private List<InputProblem> validate(IndicatorDraft draft, String code, boolean creating) {
		List<InputProblem> problems = new ArrayList<>();
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(InputProblem.field("code", "indicators.error.code-format", String.valueOf(draft.code())));
		}
		else if (creating && find(code).isPresent()) {
			problems.add(InputProblem.field("code", "indicators.error.code-taken", code));
		}
		else if (!creating && find(code).isEmpty()) {
			throw UserFacingException.notFound("indicators.error.not-found", code);
		}
		if (draft.domain() == null || !DOMAINS.contains(draft.domain())) {
			problems.add(InputProblem.field("domain", "error.field.required", "domain"));
		}
		if (VietnameseText.clean(draft.name()) == null) {
			problems.add(InputProblem.field("name", "error.field.required", "name"));
		}
		if (VietnameseText.clean(draft.nameEn()) == null) {
			problems.add(InputProblem.field("nameEn", "error.field.required", "nameEn"));
		}
		if (draft.unit() == null) {
			problems.add(InputProblem.field("unit", "error.field.required", "unit"));
		}
		if (draft.method() == null) {
			problems.add(InputProblem.field("method", "error.field.required", "method"));
			return problems;
		}
		switch (draft.method()) {
			case COMPUTED -> {
				Optional<Measure> measure = measures.find(draft.measure());
				if (measure.isEmpty()) {
					problems.add(InputProblem.field("measure", "indicators.error.measure-unknown",
							String.valueOf(draft.measure())));
				}
				else if (blank(draft.filterDimension()) != null
						&& measure.get().dimension(draft.filterDimension().strip()) == null) {
					problems.add(InputProblem.field("filterDimension", "indicators.error.dimension-unknown",
							draft.filterDimension()));
				}
			}
			case RATIO -> {
				for (String part : new String[] { "numerator", "denominator" }) {
					String other = part.equals("numerator") ? draft.numerator() : draft.denominator();
					if (other == null || find(other.strip()).isEmpty()) {
						problems.add(InputProblem.field(part, "indicators.error.part-unknown", String.valueOf(other)));
					}
					else if (code != null && dependsOn(other.strip(), code, new HashSet<>())) {
						problems.add(InputProblem.field(part, "indicators.error.part-circular", other));
					}
				}
				if (draft.factor() == null || draft.factor().signum() <= 0) {
					problems.add(InputProblem.field("factor", "indicators.error.factor-positive"));
				}
			}
			case ENTERED -> {
				if (draft.entryMin() != null && draft.entryMax() != null && draft.entryMin().compareTo(draft.entryMax()) > 0) {
					problems.add(InputProblem.field("entryMax", "indicators.error.bounds-reversed"));
				}
			}
		}
		return problems;
	}

	/** Whether {@code code} is, or is computed from, {@code target}. */
	private boolean dependsOn(String code, String target, Set<String> seen) {
		if (code.equals(target)) {
			return true;
		}
		if (!seen.add(code)) {
			return false;
		}
		Indicator indicator = find(code).orElse(null);
		return indicator != null && indicator.method() == Method.RATIO
				&& (dependsOn(indicator.numerator(), target, seen) || dependsOn(indicator.denominator(), target, seen));
	}

	/** The domains with their indicators, for the catalogue page. */
	public Map<String, List<Indicator>> byDomain(List<Indicator> indicators) {
		return indicators.stream().collect(Collectors.groupingBy(Indicator::domain, java.util.LinkedHashMap::new,
				Collectors.toList()));
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Indicator.Circular circular(ResultSet rs) throws SQLException {
		String annex = rs.getString("circular_annex");
		String code = rs.getString("circular_code");
		return annex == null && code == null ? null
				: new Indicator.Circular(annex, rs.getString("circular_group"), code, rs.getString("circular_name"));
	}

	private Indicator map(ResultSet rs, int row) throws SQLException {
		Method method = Method.valueOf(rs.getString("method"));
		String measure = rs.getString("measure");
		return new Indicator(rs.getString("code"), rs.getString("domain"), rs.getInt("position"), rs.getString("name"),
				rs.getString("name_en"), rs.getString("definition"), rs.getString("definition_en"),
				Unit.valueOf(rs.getString("unit")), method, measure, rs.getString("filter_dimension"),
				rs.getString("filter_value"), rs.getString("numerator"), rs.getString("denominator"),
				rs.getBigDecimal("factor"), rs.getBigDecimal("entry_min"), rs.getBigDecimal("entry_max"),
				rs.getBoolean("entry_required"), rs.getString("entry_dimension"), rs.getBoolean("sums_up"),
				rs.getString("source"), circular(rs), Origin.valueOf(rs.getString("origin")),
				rs.getBoolean("active"), method == Method.COMPUTED && measures.find(measure).isEmpty(),
				rs.getInt("version"));
	}
}
