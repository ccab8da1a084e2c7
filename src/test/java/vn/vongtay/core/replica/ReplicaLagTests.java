package vn.vongtay.core.replica;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import vn.vongtay.core.replica.Replica.State;

import static org.assertj.core.api.Assertions.assertThat;

/** How the replica's lag is measured and when reporting reads leave it for the primary (core.replica.Replica). */
class ReplicaLagTests {

	private static final Instant T0 = Instant.parse("2026-12-08T02:00:00Z");

	private final HikariDataSource unused = new HikariDataSource();
	private final Replica replica = new Replica(unused, Duration.ofSeconds(30), Duration.ofSeconds(5),
			Clock.fixed(T0, ZoneOffset.UTC));

	@AfterEach
	void close() {
		replica.close();
	}

	@Test
	void aReplicaThatHasReplayedEverythingThePrimaryWroteHasNoLag() {
		Replica.Status status = replica.judge(T0, 1_000, true, 1_000);

		assertThat(status.state()).isEqualTo(State.IN_USE);
		assertThat(status.lag()).isZero();
	}

	@Test
	void theLagIsTheAgeOfTheOldestPositionOfThePrimaryTheReplicaHasNotReplayed() {
		replica.judge(T0, 1_000, true, 1_000);
		replica.judge(T0.plusSeconds(5), 2_000, true, 1_000);
		Replica.Status status = replica.judge(T0.plusSeconds(10), 3_000, true, 1_500);

		// it has not reached what the primary had at T0+5 s: at least 5 s behind, and it is used (30 s allowed)
		assertThat(status.lag()).isEqualTo(Duration.ofSeconds(5));
		assertThat(status.state()).isEqualTo(State.IN_USE);
	}

	@Test
	void aReplicaBehindByMoreThanTheAllowedLagIsLeftForThePrimaryUntilItCatchesUp() {
		replica.judge(T0, 1_000, true, 1_000);
		for (int s = 5; s <= 35; s += 5) {
			replica.judge(T0.plusSeconds(s), 1_000 + s, true, 1_000);
		}
		Replica.Status behind = replica.judge(T0.plusSeconds(40), 2_000, true, 1_000);
		assertThat(behind.state()).isEqualTo(State.LAGGING);
		assertThat(behind.lag()).isEqualTo(Duration.ofSeconds(35));
		assertThat(behind.reason()).contains("35000 ms");

		Replica.Status caughtUp = replica.judge(T0.plusSeconds(45), 2_000, true, 2_000);
		assertThat(caughtUp.state()).isEqualTo(State.IN_USE);
		assertThat(caughtUp.lag()).isZero();
	}

	@Test
	void aServerThatIsNotReplayingThePrimarysWalIsNotUsedAsAReplica() {
		assertThat(replica.judge(T0, 1_000, false, 0).state()).isEqualTo(State.NOT_A_REPLICA);
	}

	@Test
	void aReplicaThatDoesNotAnswerIsDown() {
		Replica.Status status = replica.judge(T0, 1_000, new SQLException("Connection refused"));

		assertThat(status.state()).isEqualTo(State.DOWN);
		assertThat(status.inUse()).isFalse();
		assertThat(status.reason()).contains("Connection refused");
	}

	@Test
	void aReplicaThePoolCannotReachIsDownWithWhatTheServerSaid() {
		SQLException pool = new java.sql.SQLTransientConnectionException(
				"vongtay-replica - Connection is not available, request timed out after 2003ms",
				new SQLException("FATAL: password authentication failed for user \"vongtay\""));

		Replica.Status status = replica.judge(T0, 1_000, pool);

		assertThat(status.reason()).contains("Connection is not available", "password authentication failed");
	}

	@Test
	void onlyGetRequestsOfDashboardsIndicatorsExportsAndAnnexesAreReportingReads() {
		ReplicaReads reads = new ReplicaReads(List.of("/indicators/{code:[A-Z][A-Z0-9_]*}", "/children/export.xlsx",
				"/reporting/reports/{id}/export.{format}"));

		assertThat(reads.matches(get("/indicators/CHILDREN_UNDER_16"))).isTrue();
		assertThat(reads.matches(get("/children/export.xlsx"))).isTrue();
		assertThat(reads.matches(get("/reporting/reports/12/export.xlsx"))).isTrue();
		// the entry form shows what its user has just entered: it must read the primary
		assertThat(reads.matches(get("/indicators/entry"))).isFalse();
		assertThat(reads.matches(get("/children/12"))).isFalse();
		MockHttpServletRequest post = get("/indicators/CHILDREN_UNDER_16");
		post.setMethod("POST");
		assertThat(reads.matches(post)).isFalse();
	}

	private static MockHttpServletRequest get(String path) {
		return new MockHttpServletRequest("GET", path);
	}
}
