package vn.vongtay.indicators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads {@code indicators/catalogue.yaml} at every start: new entries are added, entries of the file are updated, and
 * what an administrator added or changed is left as it is. A malformed file stops the start with its path and entry.
 */
@Component
@Order(6)
class CatalogueSeed implements ApplicationRunner {

	static final String FILE = "indicators/catalogue.yaml";
	private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);
	private static final Set<String> FIELDS = Set.of("code", "domain", "position", "name", "nameEn", "definition",
			"definitionEn", "unit", "method", "measure", "filter", "numerator", "denominator", "factor", "entry", "sumsUp",
			"source", "circular");
	private static final Set<String> CIRCULAR_FIELDS = Set.of("annex", "group", "code", "name");

	private final JdbcClient jdbc;

	CatalogueSeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		List<Map<String, Object>> entries = read();
		Set<String> codes = new HashSet<>();
		int position = 0;
		for (Map<String, Object> entry : entries) {
			position += 10;
			String code = text(entry, "code");
			if (code == null || !codes.add(code)) {
				throw new IllegalStateException(FILE + ": missing or repeated code at entry " + position / 10);
			}
			for (String field : entry.keySet()) {
				if (!FIELDS.contains(field)) {
					throw new IllegalStateException(FILE + ": unknown field " + field + " in " + code);
				}
			}
			String method = text(entry, "method");
			Map<String, Object> filter = map(entry, "filter");
			Map<String, Object> entry2 = map(entry, "entry");
			Map<String, Object> fields = new HashMap<>();
			fields.put("code", code);
			fields.put("domain", required(entry, "domain", code));
			fields.put("position", entry.containsKey("position") ? ((Number) entry.get("position")).intValue() : position);
			fields.put("name", required(entry, "name", code));
			fields.put("nameEn", required(entry, "nameEn", code));
			fields.put("definition", text(entry, "definition"));
			fields.put("definitionEn", text(entry, "definitionEn"));
			fields.put("unit", required(entry, "unit", code));
			fields.put("method", required(entry, "method", code));
			fields.put("measure", text(entry, "measure"));
			fields.put("filterDimension", text(filter, "dimension"));
			fields.put("filterValue", text(filter, "value"));
			fields.put("numerator", text(entry, "numerator"));
			fields.put("denominator", text(entry, "denominator"));
			fields.put("factor", decimal(entry, "factor"));
			fields.put("entryMin", decimal(entry2, "min"));
			fields.put("entryMax", decimal(entry2, "max"));
			fields.put("entryRequired", Boolean.TRUE.equals(entry2.get("required")));
			fields.put("entryDimension", text(entry2, "dimension"));
			fields.put("sumsUp", Boolean.TRUE.equals(entry.get("sumsUp")));
			fields.put("source", text(entry, "source"));
			Map<String, Object> circular = map(entry, "circular");
			for (String field : circular.keySet()) {
				if (!CIRCULAR_FIELDS.contains(field)) {
					throw new IllegalStateException(FILE + ": unknown field circular." + field + " in " + code);
				}
			}
			if (!circular.isEmpty() && text(circular, "annex") == null) {
				throw new IllegalStateException(FILE + ": " + code + " names the circular without its annex");
			}
			fields.put("circularAnnex", text(circular, "annex"));
			fields.put("circularGroup", text(circular, "group"));
			fields.put("circularCode", text(circular, "code"));
			fields.put("circularName", text(circular, "name"));
			if ("RATIO".equals(method) && (fields.get("numerator") == null || fields.get("denominator") == null
					|| fields.get("factor") == null)) {
				throw new IllegalStateException(FILE + ": ratio " + code + " needs numerator, denominator and factor");
			}
			jdbc.sql("""
					INSERT INTO indicators.indicator (code, domain, position, name, name_en, definition, definition_en, unit,
					       method, measure, filter_dimension, filter_value, numerator, denominator, factor, entry_min, entry_max,
					       entry_required, entry_dimension, sums_up, source, circular_code, circular_annex, circular_group,
					       circular_name, origin)
					VALUES (:code, :domain, :position, :name, :nameEn, :definition, :definitionEn, :unit, :method, :measure,
					       :filterDimension, :filterValue, :numerator, :denominator, :factor, :entryMin, :entryMax,
					       :entryRequired, :entryDimension, :sumsUp, :source, :circularCode, :circularAnnex, :circularGroup,
					       :circularName, 'SEED')
					ON CONFLICT (code) DO UPDATE SET domain = EXCLUDED.domain, position = EXCLUDED.position,
					       name = EXCLUDED.name, name_en = EXCLUDED.name_en, definition = EXCLUDED.definition,
					       definition_en = EXCLUDED.definition_en, unit = EXCLUDED.unit, method = EXCLUDED.method,
					       measure = EXCLUDED.measure, filter_dimension = EXCLUDED.filter_dimension,
					       filter_value = EXCLUDED.filter_value, numerator = EXCLUDED.numerator,
					       denominator = EXCLUDED.denominator, factor = EXCLUDED.factor, entry_min = EXCLUDED.entry_min,
					       entry_max = EXCLUDED.entry_max, entry_required = EXCLUDED.entry_required,
					       entry_dimension = EXCLUDED.entry_dimension, sums_up = EXCLUDED.sums_up, source = EXCLUDED.source,
					       circular_code = EXCLUDED.circular_code, circular_annex = EXCLUDED.circular_annex,
					       circular_group = EXCLUDED.circular_group, circular_name = EXCLUDED.circular_name,
					       updated_at = now()
					WHERE indicators.indicator.origin = 'SEED'""")
				.params(fields)
				.update();
		}
		for (Map<String, Object> entry : entries) {
			for (String part : new String[] { "numerator", "denominator" }) {
				String other = text(entry, part);
				if (other != null && !codes.contains(other)) {
					throw new IllegalStateException(FILE + ": " + entry.get("code") + " names unknown " + part + " " + other);
				}
			}
		}
		log.info("Indicator catalogue: {} seed entries", entries.size());
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return (List<Map<String, Object>>) document.get("indicators");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String required(Map<String, Object> entry, String field, String code) {
		String value = text(entry, field);
		if (value == null) {
			throw new IllegalStateException(FILE + ": " + code + " has no " + field);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> entry, String field) {
		Object value = entry.get(field);
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	private static String text(Map<String, Object> entry, String field) {
		Object value = entry.get(field);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	private static BigDecimal decimal(Map<String, Object> entry, String field) {
		Object value = entry.get(field);
		return value == null ? null : new BigDecimal(value.toString());
	}
}
