package vn.vongtay;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waiting in tests and benchmarks for work that happens after a commit, such as event listeners. */
public final class Await {

	private Await() {
	}

	/** Polls {@code condition} every 5 ms until it holds; fails the test after {@code atMost}. */
	public static void until(BooleanSupplier condition, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + atMost);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** Until every event published so far has been handled by its listeners (the event publication registry). */
	public static void eventsDelivered(JdbcClient jdbc, Duration atMost) {
		until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
			.single() == 0, atMost);
	}
}
