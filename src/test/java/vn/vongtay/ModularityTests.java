package vn.vongtay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(VongTayApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("core", "geography", "directory", "identity", "audit", "home");
	}

	/**
	 * Regenerates docs/modules (component diagrams and module canvases), which the repository keeps current. The
	 * documenter lists relations and bean references in whatever order its sets give them, different from one run to
	 * the next; each run of such lines is sorted, so that the files change only when the modules do (issue 19).
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		Path folder = Path.of("docs/modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
				Files.write(file, inStableOrder(Files.readAllLines(file)));
			}
		}
		assertThat(folder.resolve("components.puml")).exists();
	}

	@Test
	void linesOfTheGeneratedDocumentationComeInAStableOrder() {
		List<String> once = inStableOrder(List.of("|Bean references", "|* `b` -- B.", "* `a` -- A.", "|Events",
				"Rel(x, z)", "Rel(x, y)", "", "Container(b)", "Container(a)"));
		List<String> again = inStableOrder(List.of("|Bean references", "|* `a` -- A.", "* `b` -- B.", "|Events",
				"Rel(x, y)", "Rel(x, z)", "", "Container(a)", "Container(b)"));
		assertThat(once).isEqualTo(again).containsExactly("|Bean references", "|* `a` -- A.", "* `b` -- B.", "|Events",
				"Rel(x, y)", "Rel(x, z)", "", "Container(a)", "Container(b)");
	}

	/**
	 * The lines with every run of relations ({@code Rel(}), components ({@code Container(}) or list items (a table
	 * cell's {@code |* } and the {@code * } lines after it) sorted; the first item of a cell keeps the cell's bar.
	 */
	static List<String> inStableOrder(List<String> lines) {
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			String kind = kind(lines.get(i));
			if (kind == null) {
				out.add(lines.get(i++));
				continue;
			}
			boolean cell = lines.get(i).startsWith("|* ");
			List<String> run = new ArrayList<>();
			run.add(cell ? lines.get(i).substring(1) : lines.get(i));
			i++;
			while (i < lines.size() && kind.equals(kind(lines.get(i))) && !lines.get(i).startsWith("|")) {
				run.add(lines.get(i++));
			}
			Collections.sort(run);
			if (cell) {
				run.set(0, "|" + run.get(0));
			}
			out.addAll(run);
		}
		return out;
	}

	private static String kind(String line) {
		String trimmed = line.strip();
		if (trimmed.startsWith("Rel(")) {
			return "Rel";
		}
		if (trimmed.startsWith("Container(")) {
			return "Container";
		}
		return line.startsWith("* ") || line.startsWith("|* ") ? "item" : null;
	}
}
