package vn.vongtay.core.replica;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reporting reads use a streaming-replication replica ({@code spring.datasource.replica.url} names it).
 *
 * @param maxLag the replica serves reads while it is at most this far behind the primary; beyond it, or when it does
 *        not answer, reads go to the primary until it catches up
 * @param checkInterval how often the replica's lag is measured
 * @param paths the pages and API calls whose read-only transactions go to the replica: dashboards, indicator pages,
 *        exports and report annexes (Spring path patterns, GET requests only)
 */
@ConfigurationProperties("vongtay.replica")
public record ReplicaProperties(Duration maxLag, Duration checkInterval, List<String> paths) {

	public ReplicaProperties {
		maxLag = maxLag == null ? Duration.ofSeconds(30) : maxLag;
		checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
		paths = paths == null ? List.of() : List.copyOf(paths);
	}
}
