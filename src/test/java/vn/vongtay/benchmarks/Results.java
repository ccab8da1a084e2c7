package vn.vongtay.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one harness run: those measured in the application's process (a median and p95 of repeated runs
 * against a baseline's), and those measured over HTTP with wrk (requests per second, latency percentiles, errors and
 * the server's heap, against the same load on a trivial authenticated page).
 */
final class Results {

	/**
	 * A figure measured in process, times in nanoseconds.
	 *
	 * @param goalP95Nanos the goal for the p95, or 0 for none
	 * @param goalRatio the goal for the ratio to the baseline (at most this), or 0 for none
	 */
	record Timed(String figure, String data, int runs, long median, long p95, String baseline, long baselineMedian,
			long baselineP95, long goalP95Nanos, double goalRatio, String goalText) {

		double ratio() {
			return (double) median / Math.max(1, baselineMedian);
		}

		Boolean met() {
			if (goalP95Nanos == 0 && goalRatio == 0) {
				return null;
			}
			return (goalP95Nanos == 0 || p95 < goalP95Nanos) && (goalRatio == 0 || ratio() <= goalRatio);
		}
	}

	/** One wrk run's figures. */
	record Load(double requestsPerSecond, double p50Millis, double p95Millis, double p99Millis, long requests,
			long non2xx, long socketErrors, long peakHeapBytes, long liveHeapBytes, long gcMillis) {
	}

	/** A page under load: the median of each figure over the runs, against the baseline's. */
	record Http(String figure, int sessions, int runs, int seconds, Load page, Load baseline, String goalText,
			Boolean met) {
	}

	final List<Timed> timed = new ArrayList<>();
	final List<Http> http = new ArrayList<>();
	final List<String> notes = new ArrayList<>();

	void add(Timed figure) {
		timed.add(figure);
	}

	void add(Http figure) {
		http.add(figure);
	}

	static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static String ms(long nanos) {
		return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9)
				: String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
	}

	static String ms(double millis) {
		return String.format(Locale.ROOT, "%.1f ms", millis);
	}

	/** A figure's time over its baseline's: "6.1×" when slower, "0.58× (1.7× faster)", "0.04× (27× faster)" when faster. */
	static String ratio(double ratio) {
		if (ratio >= 1) {
			return String.format(Locale.ROOT, "%.1f×", ratio);
		}
		double faster = 1 / ratio;
		return String.format(Locale.ROOT, faster < 10 ? "%.2f× (%.1f× faster)" : "%.2f× (%.0f× faster)", ratio, faster);
	}

	static String mb(long bytes) {
		return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1048576.0));
	}

	static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String goal(Boolean met, String text) {
		if (text == null || text.isEmpty()) {
			return "—";
		}
		return text + ": " + (met == null ? "—" : met ? "met" : "**not met**");
	}
}
