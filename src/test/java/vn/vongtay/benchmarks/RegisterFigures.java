package vn.vongtay.benchmarks;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.vongtay.Await;
import vn.vongtay.children.ChildImports;
import vn.vongtay.children.ChildQuery;
import vn.vongtay.children.Children;
import vn.vongtay.identity.Role;

/**
 * The child register (issue 3), each figure against a baseline measured in the same run: search by name as a commune
 * and as a province officer would type it, a third with a typo (baseline: an exact-match look-up by identification
 * number through its unique index), and the import of a register file, checked then committed (baseline: PostgreSQL
 * COPY of the rows the import writes into the register's own tables, constraints and indexes included, rolled back).
 */
final class RegisterFigures implements FigureSet {

	private static final Logger log = LoggerFactory.getLogger(RegisterFigures.class);

	@Override
	public void measure(ApplicationContext context, Results results) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Children children = context.getBean(Children.class);
		ChildImports imports = context.getBean(ChildImports.class);
		DataSource dataSource = context.getBean(DataSource.class);
		int importRows = Integer.getInteger("vongtay.benchmark.import-rows", 100_000);
		int importRuns = Integer.getInteger("vongtay.benchmark.import-runs", 3);
		int samplesWanted = Integer.getInteger("vongtay.benchmark.search-samples", 400);
		long total = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		// a real account of the data, so that the imports and audit entries refer to one
		long userId = jdbc.sql("SELECT min(id) FROM identity.app_user").query(Long.class).single();
		// -- search, as a commune officer and as a province officer would type names (a third with a typo)
		SplittableRandom random = new SplittableRandom(11);
		List<Object[]> samples = jdbc.sql("""
				SELECT c.full_name, c.personal_id, c.unit_id, u.parent_id FROM children.child c
				JOIN geography.unit u ON u.id = c.unit_id
				WHERE c.personal_id IS NOT NULL ORDER BY c.id LIMIT :samples OFFSET :offset""")
			.param("samples", samplesWanted)
			.param("offset", Math.max(0, total / 2))
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4) })
			.list();
		for (String scope : List.of("commune", "province")) {
			List<Long> search = new ArrayList<>();
			List<Long> exact = new ArrayList<>();
			for (int round = 0; round < 2; round++) {
				for (Object[] sample : samples) {
					long root = scope.equals("commune") ? (Long) sample[2] : (Long) sample[3];
					BenchmarkUser.signIn(userId, root, scope.equals("commune") ? Role.COMMUNE_OFFICER : Role.PROVINCE_OFFICER);
					String typed = typed((String) sample[0], random);
					long t0 = System.nanoTime();
					children.search(ChildQuery.text(typed, 0, 50));
					long t1 = System.nanoTime();
					jdbc.sql("SELECT c.id, c.full_name, c.birth_date, c.sex FROM children.child c WHERE c.personal_id = :pid")
						.param("pid", sample[1]).query().listOfRows();
					long t2 = System.nanoTime();
					if (round > 0) {
						search.add(t1 - t0);
						exact.add(t2 - t1);
					}
				}
			}
			results.add(new Results.Timed("child search by name, " + scope + " officer", Results.number(total) + " children", search.size(),
					Results.percentile(search, 50), Results.percentile(search, 95), "exact look-up by identification number",
					Results.percentile(exact, 50), Results.percentile(exact, 95), 50_000_000L, 0, "p95 under 50 ms"));
		}

		// -- import of a register file against COPY of the same rows
		long province = jdbc.sql("SELECT id FROM geography.unit WHERE code = '11' AND valid_to IS NULL").query(Long.class).single();
		BenchmarkUser.signIn(userId, province, Role.PROVINCE_OFFICER);
		List<String> codes = jdbc.sql("SELECT code FROM geography.unit WHERE level = 'COMMUNE' AND valid_to IS NULL "
				+ "AND province_code = '11' ORDER BY code").query(String.class).list();
		StringBuilder csv = new StringBuilder(
				"Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh cá nhân,Mã xã,Thôn/ấp,Họ tên người chăm sóc,Quan hệ,Nhóm hoàn cảnh đặc biệt,Ghi chú\n");
		StringBuilder copyRows = new StringBuilder();
		String[] given = { "An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Linh", "Mai", "Nam", "Phúc", "Quỳnh" };
		for (int i = 0; i < importRows; i++) {
			String name = "Lò Văn " + given[i % given.length] + " Nhập " + word(i);
			LocalDate born = LocalDate.of(2010, 1, 1).plusDays(i % 5000);
			String code = codes.get(i % codes.size());
			csv.append(name).append(',').append(born.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
				.append(",Nam,Thái,,").append(code).append(",Bản ").append(i % 7 + 1).append(",Lò Thị Mẹ ")
				.append(word(i / 2)).append(",Mẹ,,\n");
			copyRows.append('"').append(name).append("\",\"Nhập\",\"Lò\",MALE,").append(born).append(",false,03,,")
				.append(province).append(",11\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		List<Long> checkTimes = new ArrayList<>();
		List<Long> importTimes = new ArrayList<>();
		List<Long> commitTimes = new ArrayList<>();
		List<Long> freshTimes = new ArrayList<>();
		List<Long> copyTimes = new ArrayList<>();
		for (int run = 0; run < importRuns; run++) {
			// the baseline: the rows the import writes (a household, its caregiver, the child and its residence for
			// each line) copied straight into the register's tables, constraints and indexes included, then rolled back
			long t0 = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				List<Long> householdIds = ids(connection, "children.household", importRows);
				List<Long> childIds = ids(connection, "children.child", importRows);
				StringBuilder households = new StringBuilder();
				StringBuilder caregivers = new StringBuilder();
				StringBuilder childRows = new StringBuilder();
				StringBuilder residences = new StringBuilder();
				String[] lines = copyRows.toString().split("\n");
				for (int i = 0; i < importRows; i++) {
					households.append(householdIds.get(i)).append(',').append(province).append(",11,\n");
					caregivers.append(householdIds.get(i)).append(",\"Lò Thị Mẹ ").append(word(i / 2)).append("\",\"Mẹ\",true\n");
					childRows.append(childIds.get(i)).append(',').append(lines[i]).append(',').append(householdIds.get(i)).append('\n');
					residences.append(childIds.get(i)).append(',').append(province).append(",2026-01-01,REGISTERED\n");
				}
				copy.copyIn("COPY children.household (id, unit_id, province_code, village_id) FROM STDIN WITH (FORMAT csv)",
						new StringReader(households.toString()));
				copy.copyIn("COPY children.caregiver (household_id, full_name, relationship, is_primary) FROM STDIN WITH (FORMAT csv)",
						new StringReader(caregivers.toString()));
				copy.copyIn("""
						COPY children.child (id, full_name, given_name, family_name, sex, birth_date, birth_date_estimated,
						ethnicity_code, personal_id, unit_id, province_code, household_id) FROM STDIN WITH (FORMAT csv)""",
						new StringReader(childRows.toString()));
				copy.copyIn("COPY children.residence (child_id, unit_id, from_date, reason) FROM STDIN WITH (FORMAT csv)",
						new StringReader(residences.toString()));
				connection.rollback();
			}
			copyTimes.add(System.nanoTime() - t0);
			long t1 = System.nanoTime();
			ChildImports.Report checked = imports.importNow("benchmark-" + run + ".csv",
					withRun(file, "" + (char) ('a' + run)), false);
			long t2 = System.nanoTime();
			ChildImports.Report result = imports.commitNow(checked.id(), java.util.Map.of());
			long t3 = System.nanoTime();
			// the indicators count the file's children after the commit (one event for the import): wait until
			// they have, so that the next run and its baseline do not share the machine with that work
			Await.eventsDelivered(jdbc, Duration.ofMinutes(10));
			freshTimes.add(System.nanoTime() - t3);
			checkTimes.add(t2 - t1);
			commitTimes.add(t3 - t2);
			importTimes.add(t3 - t1);
			log.info("Import run {}: {} accepted, {} committed, {} rejected", run, result.accepted(), result.committed(),
					result.rejected());
		}
		String rows = Results.number(importRows) + " rows (CSV)";
		String copyBaseline = "COPY of the same rows into the register's tables";
		results.add(new Results.Timed("register file check only (preview)", rows, checkTimes.size(),
				Results.percentile(checkTimes, 50), Results.percentile(checkTimes, 95), copyBaseline,
				Results.percentile(copyTimes, 50), Results.percentile(copyTimes, 95), 0, 0, null));
		results.add(new Results.Timed("register file commit (after the check)", rows, commitTimes.size(),
				Results.percentile(commitTimes, 50), Results.percentile(commitTimes, 95), copyBaseline,
				Results.percentile(copyTimes, 50), Results.percentile(copyTimes, 95), 0, 2.0,
				"at least half of COPY's speed"));
		results.add(new Results.Timed("register file import (check + commit)", rows, importTimes.size(),
				Results.percentile(importTimes, 50), Results.percentile(importTimes, 95), copyBaseline,
				Results.percentile(copyTimes, 50), Results.percentile(copyTimes, 95), 0, 2.0,
				"at least half of COPY's speed"));
		results.add(new Results.Timed("from a committed import to the indicators' fresh figures", rows,
				freshTimes.size(), Results.percentile(freshTimes, 50), Results.percentile(freshTimes, 95), "—", 0, 0, 0, 0,
				null));
		SecurityContextHolder.clearContext();
	}

	private static List<Long> ids(Connection connection, String table, int count) throws java.sql.SQLException {
		List<Long> ids = new ArrayList<>();
		try (var statement = connection.prepareStatement(
				"SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
			statement.setString(1, table);
			statement.setInt(2, count);
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		return ids;
	}

	/** Each run gets names of its own, so that the second and third imports are not all duplicates of the first. */
	private static byte[] withRun(byte[] file, String run) {
		return new String(file, StandardCharsets.UTF_8).replace(" Nhập ", " Nhập" + run + " ")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String typed(String name, SplittableRandom random) {
		String folded = vn.vongtay.core.VietnameseText.fold(name);
		int choice = random.nextInt(3);
		if (choice == 0) {
			return name;
		}
		if (choice == 1) {
			return folded.toUpperCase(Locale.ROOT);
		}
		// a typo: two letters swapped in the given name
		int at = folded.length() - 2;
		char[] chars = folded.toCharArray();
		char c = chars[at];
		chars[at] = chars[at + 1];
		chars[at + 1] = c;
		return new String(chars);
	}

	private static String word(int n) {
		StringBuilder word = new StringBuilder();
		do {
			word.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return word.toString();
	}

}
