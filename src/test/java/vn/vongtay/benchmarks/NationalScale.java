package vn.vongtay.benchmarks;

/**
 * The scale the harness runs at, from system properties (set by {@code tools/benchmark.sh}): children in the register,
 * cases over the years (default 0.1% of the children a year), the seed, and the password of the generated officials.
 */
record NationalScale(int children, int cases, int years, long seed, String password) {

	/** Changes whenever the generators change what they write, so that a kept database is not reused across them. */
	static final int GENERATOR_VERSION = 5;

	static NationalScale fromSystemProperties() {
		int children = Integer.getInteger("vongtay.benchmark.children", 100_000);
		int years = Integer.getInteger("vongtay.benchmark.years", 3);
		int cases = Integer.getInteger("vongtay.benchmark.cases", Math.max(1, children / 1000 * years));
		return new NationalScale(children, cases, years, Long.getLong("vongtay.benchmark.seed", 7),
				System.getProperty("vongtay.benchmark.password", "Benchmark@2026"));
	}
}
