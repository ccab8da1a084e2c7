package vn.vongtay.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The annexes reports carry, and which a plan's reports use, as data ({@code reporting/annexes.yaml}): the seed plans
 * name their annexes without giving them, so the project keeps the tables they are filled in as.
 */
@Component
public class Annexes {

	private final Map<String, Annex> annexes = new LinkedHashMap<>();
	private final Map<String, List<String>> byPlan = new LinkedHashMap<>();
	private final List<String> defaults;

	@SuppressWarnings("unchecked")
	Annexes() {
		try (InputStream in = new ClassPathResource("reporting/annexes.yaml").getInputStream()) {
			Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> a : (List<Map<String, Object>>) document.get("annexes")) {
				Annex.Kind kind = Annex.Kind.valueOf((String) a.getOrDefault("kind", "UNITS"));
				Annex annex = new Annex((String) a.get("code"), kind, (String) a.get("title"), (String) a.get("titleEn"),
						List.copyOf((List<String>) a.getOrDefault("indicators", List.of())),
						List.copyOf((List<String>) a.getOrDefault("by", List.of())),
						List.copyOf((List<String>) a.getOrDefault("required", List.of())));
				if (kind == Annex.Kind.BREAKDOWN && annex.dimensions().isEmpty()) {
					throw new IllegalStateException("reporting/annexes.yaml: the breakdown " + annex.code() + " has no 'by'");
				}
				annexes.put(annex.code(), annex);
			}
			((Map<String, List<String>>) document.get("plans")).forEach((plan, codes) -> byPlan.put(plan, known(codes)));
			defaults = known((List<String>) document.get("default"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> known(List<String> codes) {
		List<String> list = new ArrayList<>();
		for (String code : codes) {
			if (!annexes.containsKey(code)) {
				throw new IllegalStateException("reporting/annexes.yaml names an unknown annex " + code);
			}
			list.add(code);
		}
		return List.copyOf(list);
	}

	public Optional<Annex> find(String code) {
		return Optional.ofNullable(annexes.get(code));
	}

	/** The annexes with these codes, in the order given; unknown codes are left out. */
	public List<Annex> of(List<String> codes) {
		return codes.stream().map(annexes::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The annexes a plan's reports use. */
	public List<String> forPlan(String planKey) {
		return byPlan.getOrDefault(planKey, defaults);
	}

	public List<Annex> all() {
		return List.copyOf(annexes.values());
	}
}
