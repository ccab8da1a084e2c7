package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.vongtay.Await;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * A register import whose work fails, or whose instance dies, never stays "being checked" or "being committed" for
 * ever (issue 21, point 4): an unexpected failure is logged and the import marked failed with a reference the officer
 * can quote; an import that no living instance works on is given up after {@code vongtay.children.import.abandoned-after}
 * and marked failed, so that the officer uploads the file again; and nothing is written twice, since a commit is one
 * transaction (a commit that died wrote nothing) and one that begins after its import was given up writes nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChildImportRecoveryTests extends DemoAccountTestSupport {

	@Autowired
	ChildImports imports;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCommitThatFailsUnexpectedlyIsLoggedMarkedFailedWithAReferenceAndWritesNothing(CapturedOutput output)
			throws Exception {
		String name = "Lò Văn Đứt " + letters();
		long id = as("xa.a", () -> imports.importNow("dut.csv", csv(name), false)).id();
		ExecutorService officer = Executors.newSingleThreadExecutor();
		Future<Object> confirmation;
		// the commit waits to write the children, as the cluster test's does, and its connection is then cut
		try (Connection other = dataSource.getConnection(); Statement sql = other.createStatement()) {
			other.setAutoCommit(false);
			sql.execute("LOCK TABLE children.child IN SHARE ROW EXCLUSIVE MODE");
			confirmation = officer.submit(() -> {
				try {
					return as("xa.a", () -> imports.commitNow(id, Map.of()));
				}
				catch (UserFacingException e) {
					return e;
				}
			});
			Await.until(() -> copyWaitingForTheRegister() != null, Duration.ofMinutes(1));
			sql.execute("SELECT pg_terminate_backend(" + copyWaitingForTheRegister() + ")");
			other.rollback();
		}
		Object outcome = confirmation.get(1, TimeUnit.MINUTES);
		officer.shutdown();

		assertThat(outcome).isInstanceOfSatisfying(UserFacingException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.import.unexpected"));
		String reference = (String) ((UserFacingException) outcome).arguments()[0];
		ChildImports.Report report = as("xa.a", () -> imports.report(id));
		assertThat(report.status()).isEqualTo(ChildImports.Status.FAILED);
		assertThat(report.errors()).extracting(InputProblem::messageKey).containsExactly("error.import.unexpected");
		assertThat(output.getAll()).contains("Import " + id + " failed unexpectedly, reference " + reference);
		assertThat(children(name)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM children.child WHERE import_id = :id").param("id", id)
			.query(Long.class).single()).isZero();

		// the officer uploads the file again: registered once
		ChildImports.Report again = as("xa.a", () -> imports.importNow("dut.csv", csv(name), true));
		assertThat(again.status()).isEqualTo(ChildImports.Status.COMMITTED);
		assertThat(children(name)).isEqualTo(1);
	}

	@Test
	void anImportLeftCheckingOrCommittingByADeadInstanceIsGivenUpSoThatTheOfficerCanUploadItAgain() {
		for (String left : new String[] { "CHECKING", "COMMITTING" }) {
			String name = "Lò Thị Bỏ Dở " + letters();
			long id = as("xa.a", () -> imports.importNow("bo-do.csv", csv(name), false)).id();
			leftBehind(id, left, "1 hour");

			imports.giveUpAbandoned();

			ChildImports.Report report = as("xa.a", () -> imports.report(id));
			assertThat(report.status()).as(left).isEqualTo(ChildImports.Status.FAILED);
			assertThat(report.errors()).extracting(InputProblem::messageKey).containsExactly("error.import.interrupted");
			assertThat(children(name)).isZero();
			ChildImports.Report again = as("xa.a", () -> imports.importNow("bo-do.csv", csv(name), true));
			assertThat(again.status()).isEqualTo(ChildImports.Status.COMMITTED);
			assertThat(children(name)).isEqualTo(1);
		}
	}

	@Test
	void anImportThatAnInstanceStillWorksOnOrThatChangedLatelyIsNotGivenUp() throws Exception {
		long working = as("xa.a", () -> imports.importNow("dang-ghi.csv", csv("Lò Văn Đang " + letters()), false)).id();
		leftBehind(working, "COMMITTING", "1 hour");
		long recent = as("xa.a", () -> imports.importNow("vua-xong.csv", csv("Lò Văn Vừa " + letters()), false)).id();
		leftBehind(recent, "COMMITTING", "1 minute");

		// another instance's commit holds the import's lock for as long as its transaction lasts
		try (Connection instance = dataSource.getConnection(); Statement sql = instance.createStatement()) {
			instance.setAutoCommit(false);
			sql.execute("SELECT pg_advisory_xact_lock(hashtextextended('children.import_run:" + working + "', 0))");
			imports.giveUpAbandoned();

			assertThat(status(working)).isEqualTo("COMMITTING");
			assertThat(status(recent)).isEqualTo("COMMITTING");
			instance.rollback();
		}
	}

	@Test
	void aCommitThatBeginsAfterItsImportWasGivenUpWritesNothing() throws Exception {
		String name = "Lò Văn Muộn " + letters();
		long id = as("xa.a", () -> imports.importNow("muon.csv", csv(name), false)).id();
		TransactionTemplate givingUp = new TransactionTemplate(transactions);
		givingUp.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		ExecutorService officer = Executors.newSingleThreadExecutor();
		Future<Object> confirmation;
		try {
			// the import is claimed, and its commit has not begun (it waits for the lock held here) when the import is
			// given up, as after a long wait in the instance's queue
			confirmation = givingUp.execute(s -> {
				jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
					.param("key", "children.import_run:" + id).query().singleRow();
				Future<Object> commit = officer.submit(() -> {
					try {
						return as("xa.a", () -> imports.commitNow(id, Map.of()));
					}
					catch (UserFacingException e) {
						return e;
					}
				});
				Await.until(() -> waitingForTheImportsLock() > 0, Duration.ofMinutes(1));
				jdbc.sql("UPDATE children.import_run SET status_changed_at = now() - interval '1 hour' WHERE id = :id")
					.param("id", id).update();
				imports.giveUpAbandoned();
				return commit;
			});
			Object outcome = confirmation.get(1, TimeUnit.MINUTES);
			assertThat(outcome).isInstanceOfSatisfying(ChildImports.Report.class,
					r -> assertThat(r.status()).isEqualTo(ChildImports.Status.FAILED));
		}
		finally {
			officer.shutdown();
		}
		assertThat(children(name)).isZero();
		assertThat(status(id)).isEqualTo("FAILED");
	}

	/** What an instance that died leaves: the import in {@code status} since {@code ago}, nobody holding its lock. */
	private void leftBehind(long id, String status, String ago) {
		jdbc.sql("UPDATE children.import_run SET status = :status WHERE id = :id").param("status", status)
			.param("id", id).update();
		jdbc.sql("UPDATE children.import_run SET status_changed_at = now() - CAST(:ago AS interval) WHERE id = :id")
			.param("ago", ago).param("id", id).update();
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM children.import_run WHERE id = :id").param("id", id).query(String.class)
			.single();
	}

	private long children(String name) {
		return jdbc.sql("SELECT count(*) FROM children.child WHERE full_name = :name").param("name", name)
			.query(Long.class).single();
	}

	/** The server process of a commit waiting to copy the children into the register, or null. */
	private Integer copyWaitingForTheRegister() {
		jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
		return jdbc.sql("""
				SELECT pid FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE 'COPY children.child %' AND pid <> pg_backend_pid()""")
			.query(Integer.class).optional().orElse(null);
	}

	private long waitingForTheImportsLock() {
		jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()""")
			.query(Long.class).single();
	}

	private static byte[] csv(String name) {
		return """
				Họ và tên,Ngày sinh,Giới tính,Mã xã
				%s,03/03/2017,Nam,03253
				""".formatted(name).getBytes(StandardCharsets.UTF_8);
	}

	/** Letters that make the test's names its own, whatever else the shared database holds. */
	private static String letters() {
		String letters = Long.toString(System.nanoTime() % 1_000_000_000L, 26);
		StringBuilder word = new StringBuilder("Th");
		for (char c : letters.toCharArray()) {
			word.append((char) ('a' + Character.digit(c, 26)));
		}
		return word.toString();
	}
}
