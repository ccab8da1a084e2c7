package vn.vongtay.core.replica;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A PostgreSQL streaming-replication replica that serves the reporting reads (dashboards, indicator pages, exports,
 * report annexes) while it keeps up with the primary, and the primary that serves them when it does not.
 *
 * <p>Every {@code checkInterval} the primary's WAL position is sampled and the replica is asked how far it has replayed.
 * The lag is the age of the oldest sample the replica has not yet replayed: never more than the truth, at most one
 * interval less, and zero when the replica has replayed everything the primary had written. A replica that does not
 * answer, is not in recovery (promoted, or a primary by mistake: its data would drift from the primary's) or lags more
 * than {@code maxLag} is left alone until a later check finds it well again; a connection that fails in between marks
 * it down at once, and that read goes to the primary.
 *
 * <p>The checks run on a thread of their own, so that a long scheduled job cannot leave the state stale.
 */
public final class Replica implements AutoCloseable {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(Replica.class);

	/** What the last check found. */
	public enum State {
		/** not checked yet: reads go to the primary */
		STARTING,
		/** reporting reads go to the replica */
		IN_USE,
		/** the replica is behind by more than the allowed lag: reads go to the primary */
		LAGGING,
		/** the replica does not answer: reads go to the primary */
		DOWN,
		/** the server answers but is not replaying the primary's WAL: reads go to the primary */
		NOT_A_REPLICA
	}

	/** The state, the measured lag (null when unknown), when it was measured and why the replica is not used. */
	public record Status(State state, Duration lag, Instant checkedAt, String reason) {

		public boolean inUse() {
			return state == State.IN_USE;
		}
	}

	private record Sample(Instant at, long lsn) {
	}

	private final HikariDataSource replica;
	private final Duration maxLag;
	private final Duration checkInterval;
	private final Clock clock;
	private final Deque<Sample> samples = new ArrayDeque<>();
	private final AtomicLong servedByReplica = new AtomicLong();
	private final AtomicLong servedByPrimary = new AtomicLong();
	private final ScheduledExecutorService checks;
	private volatile Status status;
	private DataSource primary;

	Replica(HikariDataSource replica, Duration maxLag, Duration checkInterval, Clock clock) {
		this.replica = replica;
		this.maxLag = maxLag;
		this.checkInterval = checkInterval;
		this.clock = clock;
		this.status = new Status(State.STARTING, null, clock.instant(), "not checked yet");
		this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "replica-check");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The primary's data source, wrapped so that a read-only transaction inside a reporting read takes its connection
	 * from the replica while it is in use; everything else takes the primary's, as before. Starts the checks.
	 */
	synchronized DataSource route(DataSource primary) {
		if (this.primary != null) {
			throw new IllegalStateException("the replica already routes the reads of " + this.primary);
		}
		this.primary = primary;
		LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(primary);
		routed.setReadOnlyDataSource(new Router());
		checks.scheduleWithFixedDelay(this::checkQuietly, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
		return routed;
	}

	public Status status() {
		return status;
	}

	public Duration maxLag() {
		return maxLag;
	}

	/** Reads served by the replica and by the primary in its stead since start. */
	public long servedByReplica() {
		return servedByReplica.get();
	}

	public long servedByPrimary() {
		return servedByPrimary.get();
	}

	private void checkQuietly() {
		try {
			check();
		}
		catch (RuntimeException e) {
			log.warn("Replica check failed: {}", e.toString());
		}
	}

	/** Measures the lag now and decides where reporting reads go until the next check. */
	synchronized Status check() {
		Instant now = clock.instant();
		long primaryLsn;
		try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
			rs.next();
			primaryLsn = rs.getLong(1);
		}
		catch (SQLException e) {
			// without the primary nothing is served anyway; keep the last verdict
			log.debug("Replica check could not read the primary's position: {}", e.getMessage());
			return status;
		}
		Status next;
		try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, 0)")) {
			rs.next();
			next = judge(now, primaryLsn, rs.getBoolean(1), rs.getLong(2));
		}
		catch (SQLException e) {
			next = judge(now, primaryLsn, e);
		}
		if (next.state() != status.state()) {
			if (next.inUse()) {
				log.info("Replica in use for reporting reads (lag {} ms)", next.lag().toMillis());
			}
			else {
				log.warn("Replica not used, reporting reads go to the primary: {} ({})", next.state(), next.reason());
			}
		}
		status = next;
		return next;
	}

	/** The verdict of a check at {@code now}, when the primary was at {@code primaryLsn} and the replica answered. */
	Status judge(Instant now, long primaryLsn, boolean recovering, long replayed) {
		sample(now, primaryLsn);
		if (!recovering) {
			return new Status(State.NOT_A_REPLICA, null, now, "the server is not in recovery (promoted?)");
		}
		Duration lag = lag(now, replayed);
		return lag.compareTo(maxLag) <= 0 ? new Status(State.IN_USE, lag, now, null)
				: new Status(State.LAGGING, lag, now,
						"behind by " + lag.toMillis() + " ms, more than the " + maxLag.toMillis() + " ms allowed");
	}

	/** The verdict of a check at {@code now} when the replica did not answer. */
	Status judge(Instant now, long primaryLsn, SQLException failure) {
		sample(now, primaryLsn);
		return new Status(State.DOWN, null, now, why(failure));
	}

	/**
	 * What the server said, not only the pool's "Connection is not available": a wrong password or an unknown database
	 * in the replica's settings is then told by health as it is.
	 */
	static String why(SQLException failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause == failure || cause.getMessage() == null ? failure.getMessage()
				: failure.getMessage() + ": " + cause.getMessage();
	}

	private void sample(Instant now, long primaryLsn) {
		samples.addLast(new Sample(now, primaryLsn));
		// enough history to tell a lag of twice the allowed one
		long keep = Math.max(2, 2 * maxLag.toMillis() / Math.max(1, checkInterval.toMillis()) + 2);
		while (samples.size() > keep) {
			samples.removeFirst();
		}
	}

	/** The age of the oldest sample of the primary's position that the replica has not replayed yet. */
	private Duration lag(Instant now, long replayed) {
		for (Sample sample : samples) {
			if (sample.lsn() > replayed) {
				return Duration.between(sample.at(), now);
			}
		}
		return Duration.ZERO;
	}

	private void markDown(SQLException e) {
		status = new Status(State.DOWN, null, clock.instant(), why(e));
		log.warn("Replica connection failed, reporting reads go to the primary: {}", why(e));
	}

	@Override
	public void close() {
		checks.shutdownNow();
		replica.close();
	}

	/**
	 * Where the read-only transactions go: to the replica inside a reporting read while it is in use, to the primary
	 * otherwise (and when the replica fails to give a connection).
	 */
	private final class Router implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			if (ReplicaReads.active() && status.inUse()) {
				try {
					Connection connection = replica.getConnection();
					servedByReplica.incrementAndGet();
					return connection;
				}
				catch (SQLException e) {
					markDown(e);
				}
			}
			if (ReplicaReads.active()) {
				servedByPrimary.incrementAndGet();
			}
			return primary.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getLogger("vn.vongtay.core.replica");
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			if (type.isInstance(this)) {
				return type.cast(this);
			}
			throw new SQLException("not a wrapper of " + type.getName());
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return type.isInstance(this);
		}
	}
}
