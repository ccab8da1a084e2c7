package vn.vongtay.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.vongtay.TestDatabase;

/**
 * The case list and the case page over HTTP under concurrent signed-in sessions, with wrk (Debian's package), against
 * the application's jar started as a server of its own on this machine with the production configuration and the
 * run's database. The harness signs in one session per official first (the commune officers and case workers of
 * communes spread over the country), and every request carries one of them in turn, with a case of that official's
 * commune, so that each is a whole page render through the jurisdiction and need-to-know filters and the audit log.
 * <p>
 * <b>Baseline</b>: the same wrk load on the notification badge, the smallest authenticated page every signed-in
 * browser polls: the session read from the database, the security filters, Spring MVC, a template fragment and one
 * indexed count, the cost of the framework alone.
 * <p>
 * <b>Heap</b>: the server runs with {@code -Xmx} of {@code vongtay.benchmark.server-heap} (512m, the goal's budget).
 * The harness attaches to it (the JDK's attach API and the platform MBeans), resets the peaks of its heap pools before
 * each measured run and reads them after (their sum: an upper bound of the heap in use at any moment), and after the
 * runs of a level forces a full collection to read the live heap.
 */
final class HttpFigures implements FigureSet {

	private static final Logger log = LoggerFactory.getLogger(HttpFigures.class);
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private final NationalScale scale;
	private final Path work = Path.of("target", "benchmarks");

	HttpFigures(NationalScale scale) {
		this.scale = scale;
	}

	@Override
	public void measure(ApplicationContext context, Results results) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		int sessions = Integer.getInteger("vongtay.benchmark.sessions", 200);
		int seconds = Integer.getInteger("vongtay.benchmark.http-seconds", 10);
		int runs = Integer.getInteger("vongtay.benchmark.http-runs", 3);
		int warmUp = Integer.getInteger("vongtay.benchmark.http-warm-up-seconds", 5);
		List<Integer> levels = Stream.of(System.getProperty("vongtay.benchmark.concurrency", "50,200").split(","))
			.map(String::strip).map(Integer::valueOf).toList();
		String heap = System.getProperty("vongtay.benchmark.server-heap", "512m");
		Files.createDirectories(work);

		// the officials whose sessions make the load: communes with cases, spread over the country
		List<Map<String, Object>> communes = jdbc.sql("""
				SELECT c.unit_id, u.code, string_agg(CAST(c.id AS text), ',' ORDER BY c.id) AS cases
				FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.valid_to IS NULL AND u.level = 'COMMUNE'
				  AND EXISTS (SELECT 1 FROM identity.app_user a WHERE a.username = 'xa.' || u.code)
				GROUP BY c.unit_id, u.code ORDER BY md5(u.code) LIMIT :sessions""")
			.param("sessions", sessions)
			.query().listOfRows();
		if (communes.isEmpty()) {
			throw new IllegalStateException("no generated commune has cases: run the harness's data phase first");
		}

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path jar = jar();
		Path serverLog = work.resolve("server-" + scale.children() + ".log");
		ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + heap, "-XX:+UseG1GC", "-jar", jar.toString())
			.redirectErrorStream(true).redirectOutput(serverLog.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", TestDatabase.jdbcUrl());
		builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.username());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		String base = "http://127.0.0.1:" + port;
		Process server = builder.start();
		try {
			awaitHealthy(server, base, serverLog);
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10)).build();
			List<String> list = new ArrayList<>();
			List<String> page = new ArrayList<>();
			List<String> badge = new ArrayList<>();
			for (int i = 0; i < communes.size(); i++) {
				String code = (String) communes.get(i).get("code");
				String cookie = signIn(http, base, (i % 2 == 0 ? "xa." : "cb.") + code, scale.password());
				list.add(cookie + " /cases");
				badge.add(cookie + " /notifications/badge");
				String[] ids = ((String) communes.get(i).get("cases")).split(",");
				for (int k = 0; k < Math.min(ids.length, 50); k++) {
					page.add(cookie + " /cases/" + ids[k]);
				}
			}
			Collections.shuffle(page, new Random(scale.seed()));
			log.info("HTTP benchmark: {} sessions signed in, {} case pages spread over them", communes.size(), page.size());
			Path listFile = write("requests-list.txt", list);
			Path pageFile = write("requests-page.txt", page);
			Path badgeFile = write("requests-badge.txt", badge);
			Path script = work.resolve("sessions.lua");
			try (InputStream in = HttpFigures.class.getResourceAsStream("/benchmarks/sessions.lua")) {
				Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			try (Heap heapOf = Heap.attach(server.pid())) {
				for (int connections : levels) {
					for (Path file : List.of(badgeFile, listFile, pageFile)) {
						wrk(script, base, file, connections, warmUp, json, heapOf);
					}
					List<Results.Load> badgeRuns = new ArrayList<>();
					List<Results.Load> listRuns = new ArrayList<>();
					List<Results.Load> pageRuns = new ArrayList<>();
					for (int run = 0; run < runs; run++) {
						badgeRuns.add(wrk(script, base, badgeFile, connections, seconds, json, heapOf));
						listRuns.add(wrk(script, base, listFile, connections, seconds, json, heapOf));
						pageRuns.add(wrk(script, base, pageFile, connections, seconds, json, heapOf));
					}
					long live = heapOf.liveAfterFullGc();
					Results.Load baseline = medianOf(badgeRuns, live);
					Results.Load listLoad = medianOf(listRuns, live);
					Results.Load pageLoad = medianOf(pageRuns, live);
					results.add(new Results.Http("case list (/cases), commune staff", connections, runs, seconds, listLoad,
							baseline, null, null));
					boolean pageGoal = connections == 200;
					Boolean met = pageGoal ? pageLoad.requests() > 0 && pageLoad.p95Millis() < 100 && pageLoad.non2xx() == 0
							&& pageLoad.socketErrors() == 0 && pageLoad.peakHeapBytes() < 512L * 1024 * 1024 && server.isAlive()
							: null;
					results.add(new Results.Http("case page (/cases/{id}), commune staff", connections, runs, seconds,
							pageLoad, baseline,
							pageGoal ? "p95 under 100 ms, no errors, heap under 512 MB" : null, met));
				}
				// 200 officials at work: each reads a case page, then another after 5-15 s (about 20 pages a second in
				// all), rather than 200 clients sending requests back to back as above
				int thinkSessions = Integer.getInteger("vongtay.benchmark.think-sessions", 200);
				int thinkSeconds = Integer.getInteger("vongtay.benchmark.think-seconds", 60);
				int lo = Integer.getInteger("vongtay.benchmark.think-lo-ms", 5_000);
				int hi = Integer.getInteger("vongtay.benchmark.think-hi-ms", 15_000);
				// no baseline for this one: the load is what 200 people make, not what the server can take
				Results.Load thinkBaseline = new Results.Load(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
				Results.Load thinking = wrk(script, base, pageFile, thinkSessions, thinkSeconds, json, heapOf, lo, hi);
				Results.Load thinkingWithLive = new Results.Load(thinking.requestsPerSecond(), thinking.p50Millis(),
						thinking.p95Millis(), thinking.p99Millis(), thinking.requests(), thinking.non2xx(),
						thinking.socketErrors(), thinking.peakHeapBytes(), heapOf.liveAfterFullGc(), thinking.gcMillis());
				boolean met = thinking.requests() > 0 && thinking.p95Millis() < 100 && thinking.non2xx() == 0
						&& thinking.socketErrors() == 0 && thinking.peakHeapBytes() < 512L * 1024 * 1024 && server.isAlive();
				results.add(new Results.Http("case page (/cases/{id}), officials reading with "
						+ String.format(java.util.Locale.ROOT, "%.1f-%.1f", lo / 1000.0, hi / 1000.0) + " s between pages", thinkSessions, 1, thinkSeconds, thinkingWithLive, thinkBaseline,
						"p95 under 100 ms, no errors, heap under 512 MB", met));
			}
			results.notes.add("HTTP: the server is the application's jar (`java -Xmx" + heap
					+ " -XX:+UseG1GC -jar`, production configuration, Hikari pool of 20 connections, 10 request threads) on this"
					+ " machine, against the run's database; wrk 2 threads, " + communes.size()
					+ " signed-in sessions (commune officers and case workers of as many communes), " + page.size()
					+ " case pages spread over them; " + runs + " runs of " + seconds + " s per figure after a " + warmUp
					+ " s warm-up; the figures are the medians over the runs. Peak heap: the sum of the heap pools' peaks"
					+ " during a run (reset before it), an upper bound; live heap: after a full collection following the"
					+ " runs of a level.");
		}
		finally {
			server.destroy();
			if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	private Results.Load wrk(Path script, String base, Path requests, int connections, int seconds, JsonMapper json,
			Heap heap, int... thinkMillis) throws Exception {
		heap.resetPeaks();
		long gcBefore = heap.gcMillis();
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
				"--timeout", "10s", "-s", script.toString(), base, "--", requests.toString()));
		for (int millis : thinkMillis) {
			command.add(String.valueOf(millis));
		}
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0 || !output.contains("HARNESS-JSON ")) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		String line = output.substring(output.indexOf("HARNESS-JSON ") + 13).lines().findFirst().orElseThrow();
		JsonNode result = json.readTree(line);
		long count = result.get("requests").asLong();
		double secondsTaken = result.get("duration_us").asLong() / 1e6;
		Results.Load load = new Results.Load(count / secondsTaken, result.get("p50").asLong() / 1000.0,
				result.get("p95").asLong() / 1000.0, result.get("p99").asLong() / 1000.0, count,
				result.get("non2xx").asLong(),
				result.get("connect").asLong() + result.get("read").asLong() + result.get("write").asLong()
						+ result.get("timeout").asLong(),
				heap.peak(), 0, heap.gcMillis() - gcBefore);
		log.info("wrk {} c={} {}s: {}", requests.getFileName(), connections, seconds, load);
		return load;
	}

	private static Results.Load medianOf(List<Results.Load> runs, long live) {
		return new Results.Load(Results.median(runs.stream().map(Results.Load::requestsPerSecond).toList()),
				Results.median(runs.stream().map(Results.Load::p50Millis).toList()),
				Results.median(runs.stream().map(Results.Load::p95Millis).toList()),
				Results.median(runs.stream().map(Results.Load::p99Millis).toList()),
				runs.stream().mapToLong(Results.Load::requests).sum(),
				runs.stream().mapToLong(Results.Load::non2xx).sum(),
				runs.stream().mapToLong(Results.Load::socketErrors).sum(),
				runs.stream().mapToLong(Results.Load::peakHeapBytes).max().orElse(0), live,
				runs.stream().mapToLong(Results.Load::gcMillis).sum());
	}

	/** Signs an official in through the sign-in form, as a browser does; answers the session cookie. */
	private static String signIn(HttpClient http, String base, String username, String password) throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		// the sign-in page keeps its form's token in a cookie, not a session: send back whatever cookies it set
		String cookies = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
			.collect(java.util.stream.Collectors.joining("; "));
		if (!csrf.find() || cookies.isEmpty()) {
			throw new IllegalStateException("no sign-in form at " + base + "/login: " + form.statusCode());
		}
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		String session = cookie(signedIn, null);
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || session == null || location.contains("error") || location.contains("wait")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + signedIn.statusCode() + " " + location);
		}
		HttpResponse<String> cases = http.send(HttpRequest.newBuilder(URI.create(base + "/cases"))
			.header("Cookie", "SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (cases.statusCode() != 200) {
			throw new IllegalStateException(username + " signed in but /cases answered " + cases.statusCode());
		}
		return session;
	}

	private static String cookie(HttpResponse<?> response, String otherwise) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher m = SESSION.matcher(header);
			if (m.find() && !m.group(1).isEmpty()) {
				return m.group(1);
			}
		}
		return otherwise;
	}

	private static void awaitHealthy(Process server, String base, Path serverLog) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server stopped at start-up; see " + serverLog.toAbsolutePath());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("the server did not become healthy; see " + serverLog.toAbsolutePath());
	}

	private Path write(String name, List<String> lines) throws IOException {
		Path file = work.resolve(name);
		Files.write(file, lines);
		return file;
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("vongtay-.*\\.jar")).findFirst()
				.orElseThrow(() -> new IllegalStateException("no application jar in target/: run mvn package first"));
		}
	}

	/** The server's heap, read through its platform MBeans after attaching to it. */
	static final class Heap implements AutoCloseable {

		private final VirtualMachine vm;
		private final JMXConnector connector;
		private final List<MemoryPoolMXBean> pools;
		private final List<GarbageCollectorMXBean> collectors;
		private final MemoryMXBean memory;

		private Heap(VirtualMachine vm, JMXConnector connector) throws IOException {
			this.vm = vm;
			this.connector = connector;
			MBeanServerConnection server = connector.getMBeanServerConnection();
			this.pools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
				.filter(p -> p.getType() == MemoryType.HEAP).toList();
			this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
			this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
					MemoryMXBean.class);
		}

		static Heap attach(long pid) throws Exception {
			VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
			String address = vm.startLocalManagementAgent();
			return new Heap(vm, JMXConnectorFactory.connect(new JMXServiceURL(address)));
		}

		void resetPeaks() {
			pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		}

		long peak() {
			return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		}

		long gcMillis() {
			return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
		}

		long liveAfterFullGc() {
			memory.gc();
			return memory.getHeapMemoryUsage().getUsed();
		}

		@Override
		public void close() throws Exception {
			connector.close();
			vm.detach();
		}
	}
}
