package vn.vongtay.benchmarks;

import org.springframework.context.ApplicationContext;

/**
 * A group of figures the harness measures, each against a baseline measured in the same run, added to the results.
 * {@link NationalBenchmarkTests#FIGURE_SETS} lists them in the order they run; a new hot path is one more set there
 * (the dashboards' roll-ups against the plain GROUP BY over the records, once the indicators module is merged).
 */
interface FigureSet {

	/** Measures the figures with the application's beans, against the database of the run. */
	void measure(ApplicationContext context, Results results) throws Exception;
}
