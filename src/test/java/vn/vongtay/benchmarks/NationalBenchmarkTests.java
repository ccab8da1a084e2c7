package vn.vongtay.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.VietnamTime;

/**
 * The second phase of the harness ({@code tools/benchmark.sh}): every hot path at the chosen scale, each against its
 * baseline measured in the same run, on a fresh copy of the national data the first phase kept
 * ({@link NationalDataTests}). Writes the results table, with the machine, the load, the data and its sizes, into
 * {@code docs/benchmarks.md} between {@code <!-- harness:N -->} and {@code <!-- /harness:N -->} (replacing the table of
 * that scale) and into {@code target/benchmarks/harness-N.md}. No figure fails the run: it fails only when the harness
 * itself breaks.
 */
@Tag("benchmark")
@IntegrationTest
class NationalBenchmarkTests {

	private static final Logger log = LoggerFactory.getLogger(NationalBenchmarkTests.class);
	static final Path DOCS = Path.of("docs", "benchmarks.md");

	/**
	 * The figure sets, in the order they run: the dashboards' roll-ups (national, province and commune level, against
	 * the plain GROUP BY over the records), first so that they measure the data as generated; the register (search, and
	 * the imports that add their children); then the HTTP set, last because its load leaves sessions and audit entries
	 * behind.
	 */
	static final List<Function<NationalScale, FigureSet>> FIGURE_SETS = List.of(scale -> new DashboardFigures(),
			scale -> new RegisterFigures(), HttpFigures::new);

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measuresEveryHotPathAgainstItsBaseline() throws Exception {
		NationalScale scale = NationalScale.fromSystemProperties();
		String loadAtStart = System.getProperty("vongtay.benchmark.load-at-start", loadAverage());
		LocalDateTime started = LocalDateTime.now(VietnamTime.ZONE);
		Map<String, Object> dataset = jdbc.sql("SELECT * FROM public.benchmark_dataset").query().singleRow();
		assertThat(dataset.get("children")).as("the run's data is of the scale asked for").isEqualTo(scale.children());
		Map<String, Long> rows = rowCounts();

		Results results = new Results();
		for (Function<NationalScale, FigureSet> set : FIGURE_SETS) {
			set.apply(scale).measure(context, results);
		}

		String table = table(scale, results, dataset, rows, loadAtStart, loadAverage(), started);
		log.info("Benchmark results\n{}", table);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "harness-" + scale.children() + ".md"), table);
		if (Boolean.parseBoolean(System.getProperty("vongtay.benchmark.write-docs", "true"))) {
			writeIntoDocs(scale.children(), table);
		}
		assertThat(results.timed).isNotEmpty();
		assertThat(results.http).isNotEmpty();
		// timing never fails the run, but pages that do not answer, or answer with an error or the sign-in page, mean
		// that the harness (or the application) is broken
		for (Results.Http figure : results.http) {
			assertThat(figure.page().requests()).as("requests answered in: " + figure.figure()).isPositive();
			assertThat(figure.page().non2xx()).as("non-2xx answers in: " + figure.figure()).isZero();
		}
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("geography.unit", "identity.app_user", "directory.agency", "children.child",
				"children.household", "children.circumstance", "children.support", "casework.report", "casework.child_case",
				"casework.case_step", "casework.intervention_plan", "casework.referral", "prostitution.establishment",
				"prostitution.inspection", "prostitution.tip_off", "outreach.activity", "outreach.opinion")) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	private String table(NationalScale scale, Results results, Map<String, Object> dataset, Map<String, Long> rows,
			String loadAtStart, String loadAtEnd, LocalDateTime started) {
		List<String> out = new ArrayList<>();
		out.add("<!-- harness:" + scale.children() + " -->");
		out.add("### " + Results.number(scale.children()) + " children, " + Results.number(scale.cases()) + " cases — "
				+ started.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")) + " (UTC+7)");
		out.add("");
		out.add("- **Machine**: " + machine() + "; " + jdbc.sql("SELECT version()").query(String.class).single()
			.replaceAll(" on .*", "") + " (embedded, `shared_buffers=256MB`).");
		double load = Double.parseDouble(loadAtStart.split("[ ,]+")[0]);
		out.add("- **Load average** (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: " + loadAtEnd
				+ (load > 1.0 ? " — **the machine was busy when this run started (other work on its 2 cores, or a run just"
						+ " before it), so the times may be higher than on an idle machine**" : "") + ".");
		boolean reused = Boolean.parseBoolean(System.getProperty("vongtay.benchmark.reused", "false"));
		out.add("- **Data**: seed " + dataset.get("seed") + ", generated for " + Results.number(scale.children())
				+ " children and " + Results.number(scale.cases()) + " cases over " + dataset.get("years") + " years up to "
				+ dataset.get("as_of") + " (" + (reused ? "reused from the kept database generated at "
						+ dataset.get("generated_at") : "generated in this run") + "): " + dataset.get("parts") + ".");
		out.add("- **Rows**: " + String.join(", ", rows.entrySet().stream()
			.map(e -> "`" + e.getKey() + "` " + Results.number(e.getValue())).toList()) + ".");
		out.add("- **Sizes**: " + sizes() + ".");
		out.add("");
		out.add("| figure | data | runs | median | p95 | baseline | baseline median | baseline p95 | ratio (median) | goal |");
		out.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
		for (Results.Timed t : results.timed) {
			out.add("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |".formatted(t.figure(), t.data(), t.runs(),
					Results.ms(t.median()), Results.ms(t.p95()), t.baseline(), Results.ms(t.baselineMedian()),
					Results.ms(t.baselineP95()), t.baselineMedian() == 0 ? "—" : Results.ratio(t.ratio()),
					Results.goal(t.met(), t.goalText())));
		}
		out.add("");
		out.add("| page under load | sessions | requests | req/s | p50 | p95 | p99 | non-2xx | socket errors | peak heap |"
				+ " live heap | GC | baseline req/s | baseline p50 | baseline p95 | ratio (p50) | goal |");
		out.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
		for (Results.Http h : results.http) {
			Results.Load p = h.page();
			Results.Load b = h.baseline();
			out.add("| %s | %d | %s | %.0f | %s | %s | %s | %d | %d | %s | %s | %d ms | %.0f | %s | %s | %s | %s |"
				.formatted(h.figure(), h.sessions(), Results.number(p.requests()), p.requestsPerSecond(),
						Results.ms(p.p50Millis()), Results.ms(p.p95Millis()), Results.ms(p.p99Millis()), p.non2xx(),
						p.socketErrors(), Results.mb(p.peakHeapBytes()), Results.mb(p.liveHeapBytes()), p.gcMillis(),
						b.requestsPerSecond(), Results.ms(b.p50Millis()), Results.ms(b.p95Millis()),
						b.requests() == 0 ? "—" : Results.ratio(p.p50Millis() / Math.max(0.001, b.p50Millis())),
						Results.goal(h.met(), h.goalText())));
		}
		out.add("");
		results.notes.forEach(note -> out.add("- " + note));
		out.add("<!-- /harness:" + scale.children() + " -->");
		return String.join("\n", out) + "\n";
	}

	private String sizes() {
		List<String> parts = new ArrayList<>();
		parts.add("database " + jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class)
			.single());
		jdbc.sql("""
				SELECT n.nspname, pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS size
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('r', 'm') AND n.nspname IN ('children', 'casework', 'geography', 'prostitution',
				      'outreach', 'audit', 'identity', 'indicators')
				GROUP BY n.nspname ORDER BY sum(pg_total_relation_size(c.oid)) DESC""")
			.query(rs -> {
				parts.add(rs.getString(1) + " " + rs.getString(2));
			});
		return String.join(", ", parts) + " (tables with their indexes, before the run's load)";
	}

	private static String machine() {
		try {
			List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
			String model = cpu.stream().filter(l -> l.startsWith("model name")).findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown processor");
			long cores = cpu.stream().filter(l -> l.startsWith("processor")).count();
			long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
				.map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
			String os = Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
				.map(l -> l.substring(13, l.length() - 1)).findFirst().orElse("Linux");
			return "%s, %d cores, %.1f GiB; %s; %s %s".formatted(model, cores, memKb / 1048576.0, os,
					System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
		}
		catch (IOException e) {
			return "unknown machine";
		}
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	/** Replaces the table of this scale in docs/benchmarks.md, or adds it at the end. */
	static void writeIntoDocs(int children, String table) throws IOException {
		String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
		String open = "<!-- harness:" + children + " -->";
		String close = "<!-- /harness:" + children + " -->";
		int from = docs.indexOf(open);
		int to = docs.indexOf(close);
		String updated = from >= 0 && to > from ? docs.substring(0, from) + table.strip() + docs.substring(to + close.length())
				: docs.stripTrailing() + "\n\n" + table;
		Files.writeString(DOCS, updated.endsWith("\n") ? updated : updated + "\n", StandardCharsets.UTF_8);
	}
}
