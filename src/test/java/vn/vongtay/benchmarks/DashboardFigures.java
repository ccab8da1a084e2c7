package vn.vongtay.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.vongtay.Await;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.Children;
import vn.vongtay.children.Sex;
import vn.vongtay.indicators.IndicatorPeriod;
import vn.vongtay.indicators.IndicatorValues;
import vn.vongtay.identity.Role;

/**
 * The indicators' dashboards (issue 6) at the national, a province's and a commune's level, each against the plain
 * query it replaces measured in the same run: the dashboard is {@link IndicatorValues#dashboard}, what the page calls
 * (the value, its breakdowns, the table of subdivisions, the line of the last periods, the plan targets); the baseline
 * is one GROUP BY over the records for the dashboard's table alone (the figure per subdivision), so the ratio
 * understates what the tallies save. For the register's children under 16 and for the cases' abused children. Then the
 * time from an event (a child registered, a report received) to the province's fresh figure. The tallies were
 * recounted from the records when the data was generated ({@link NationalDataTests}): the generators write with COPY,
 * without the events that keep them current. This set runs first, on the data as generated.
 */
final class DashboardFigures implements FigureSet {

	private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);

	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Mai", "Nam",
			"Phúc", "Quỳnh", "Sơn", "Tâm" };

	private static final String CHILDREN_PLAIN = """
			SELECT r.root_id, count(*) FROM children.child c JOIN geography.unit_reach r ON r.unit_id = c.unit_id
			WHERE r.root_id IN (:roots) AND c.birth_date <= :d AND c.birth_date > CAST(:d AS date) - interval '16 years'
			GROUP BY r.root_id""";

	private static final String ABUSED_PLAIN = """
			SELECT r.root_id, count(*) FROM casework.child_case c JOIN geography.unit_reach r ON r.unit_id = c.unit_id
			WHERE r.root_id IN (:roots) AND c.abuse_confirmed
			  AND c.received_at >= CAST(:from AS date) AND c.received_at < CAST(:d AS date) + 1
			GROUP BY r.root_id""";

	@Override
	public void measure(ApplicationContext context, Results results) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		IndicatorValues values = context.getBean(IndicatorValues.class);
		int runs = Integer.getInteger("vongtay.benchmark.dashboard-runs", 40);
		long children = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		long cases = jdbc.sql("SELECT count(*) FROM casework.child_case").query(Long.class).single();
		String data = Results.number(children) + " children, " + Results.number(cases) + " cases";

		long nation = jdbc.sql("SELECT id FROM geography.unit WHERE code = 'VN'").query(Long.class).single();
		// the reads and writes are made as a real account of the data, so that what they record refers to one
		userId = jdbc.sql("SELECT min(id) FROM identity.app_user").query(Long.class).single();

		long province = current(jdbc, "11");
		long commune = current(jdbc, "03253");
		IndicatorPeriod year = IndicatorPeriod.year(LocalDate.now().getYear());
		LocalDate asOf = as(nation, Role.SYSTEM_ADMIN, () -> values.value("CHILDREN_UNDER_16", nation, year)).asOf();
		record Scope(String name, long unit, Role role, long goal, double ratio, String goalText) {
		}
		List<Scope> scopes = List.of(
				new Scope("national", nation, Role.SYSTEM_ADMIN, 100_000_000L, 0.1,
						"p95 under 100 ms, at least 10× faster than the plain query"),
				new Scope("province (Điện Biên)", province, Role.PROVINCE_OFFICER, 100_000_000L, 0, "p95 under 100 ms"),
				new Scope("commune (Xã Tuần Giáo)", commune, Role.COMMUNE_OFFICER, 100_000_000L, 0, "p95 under 100 ms"));
		for (String indicator : List.of("CHILDREN_UNDER_16", "ABUSED_CHILDREN")) {
			String plain = indicator.equals("CHILDREN_UNDER_16") ? CHILDREN_PLAIN : ABUSED_PLAIN;
			for (Scope scope : scopes) {
				List<Long> subdivisions = jdbc.sql("""
						SELECT id FROM geography.unit WHERE parent_id = :u
						  AND daterange(valid_from, valid_to, '[]') @> CAST(:d AS date)""")
					.param("u", scope.unit()).param("d", asOf).query(Long.class).list();
				List<Long> roots = subdivisions.isEmpty() ? List.of(scope.unit()) : subdivisions;
				List<Long> dashboard = new ArrayList<>();
				List<Long> baseline = new ArrayList<>();
				for (int run = 0; run < runs + 5; run++) {
					long a = System.nanoTime();
					as(scope.unit(), scope.role(), () -> values.dashboard(indicator, scope.unit(), year));
					long b = System.nanoTime();
					jdbc.sql(plain).param("roots", roots).param("d", asOf).param("from", year.start()).query()
						.listOfRows();
					long c = System.nanoTime();
					if (run >= 5) {
						dashboard.add(b - a);
						baseline.add(c - b);
					}
				}
				results.add(new Results.Timed(scope.name() + " dashboard (" + indicator + ")",
						data + ", " + subdivisions.size() + " subdivisions", dashboard.size(),
						Results.percentile(dashboard, 50), Results.percentile(dashboard, 95),
						"plain GROUP BY per subdivision", Results.percentile(baseline, 50),
						Results.percentile(baseline, 95), scope.goal(), scope.ratio(), scope.goalText()));
			}
		}

		// -- from an event to the province's fresh figure: a child registered, a report received in Xã Tuần Giáo
		Children register = context.getBean(Children.class);
		Reports reports = context.getBean(Reports.class);
		List<Long> child = new ArrayList<>();
		List<Long> report = new ArrayList<>();
		int freshRuns = Integer.getInteger("vongtay.benchmark.fresh-runs", 12);
		for (int run = 0; run < freshRuns + 2; run++) {
			int n = run;
			long before = as(province, Role.PROVINCE_OFFICER,
					() -> values.value("CHILDREN_UNDER_16", province, year).value().longValue());
			long a = System.nanoTime();
			as(commune, Role.COMMUNE_OFFICER, () -> register.register(new ChildDraft("Lò Văn " + GIVEN[n % GIVEN.length], Sex.MALE,
					LocalDate.of(2018, 1, 1 + n % 28), false, "03", null, true, "03253", "Bản Đo", null, null, null, false,
					null, null, null, null, null, null, null)));
			Await.until(() -> as(province, Role.PROVINCE_OFFICER,
					() -> values.value("CHILDREN_UNDER_16", province, year).value().longValue()) == before + 1, Duration.ofMinutes(1));
			long b = System.nanoTime();
			long opened = as(province, Role.PROVINCE_OFFICER,
					() -> values.value("CASES_OPENED", province, year).value().longValue());
			long c = System.nanoTime();
			as(nation, Role.HOTLINE_OPERATOR, () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
					LocalDateTime.now(), null, null, null, Sex.UNKNOWN, null, 9, null, "03253", null, null,
					"Đo thời gian từ thông báo đến số liệu", null, null, null, null, Set.of(), null, null, null, null)));
			Await.until(() -> as(province, Role.PROVINCE_OFFICER,
					() -> values.value("CASES_OPENED", province, year).value().longValue()) == opened + 1, Duration.ofMinutes(1));
			long d = System.nanoTime();
			if (run >= 2) {
				child.add(b - a);
				report.add(d - c);
			}
		}
		results.add(new Results.Timed("from a child registered to the province's fresh figure", data, child.size(),
				Results.percentile(child, 50), Results.percentile(child, 95), "—", 0, 0, 5_000_000_000L, 0,
				"under 5 s"));
		results.add(new Results.Timed("from a report received to the province's fresh figure", data, report.size(),
				Results.percentile(report, 50), Results.percentile(report, 95), "—", 0, 0, 5_000_000_000L, 0,
				"under 5 s"));
		log.info("Dashboard figures measured");
		SecurityContextHolder.clearContext();
	}

	private static long current(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT id FROM geography.unit WHERE code = :c AND valid_to IS NULL").param("c", code)
			.query(Long.class).single();
	}

	private long userId;

	private <T> T as(long root, Role role, Supplier<T> work) {
		return BenchmarkUser.as(userId, root, role, work);
	}
}
