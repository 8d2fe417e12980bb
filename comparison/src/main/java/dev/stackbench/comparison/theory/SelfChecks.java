package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.scenario.Capacity;

/**
 * Checks every run makes on itself before its figures are credited to a stack: was the
 * load generator the limit, and does Little's law on the client's side agree with the
 * app's own count of requests in flight.
 */
public final class SelfChecks {

	/**
	 * A gap between the client's and the app's in-flight counts past this share is shown
	 * with its reading.
	 */
	public static final double LITTLES_LAW_GAP = 0.25;

	/**
	 * Fewer requests in flight than this on the client's side are below what a
	 * once-a-second gauge and whole milliseconds can resolve: a fast page's mean of 0 or
	 * 1 ms makes its L nothing but rounding.
	 */
	public static final double LEAST_IN_FLIGHT = 5;

	private SelfChecks() {
	}

	/**
	 * The load generator's CPU during one scenario, or one step of a capacity search.
	 *
	 * @param result the run
	 * @param what the scenario as a whole, or which step
	 * @param cpuShare its CPU as a share of its cores
	 * @param saturated whether it was at or past
	 * {@link CapacitySearch#SATURATED_GENERATOR}, or (for a step) could not start the
	 * offered arrivals
	 */
	public record LoadGenerator(ScenarioResult result, String what, double cpuShare, boolean saturated) {
	}

	/**
	 * Little's law both ways for one scenario or step.
	 *
	 * @param result the run
	 * @param what the scenario as a whole, or which step
	 * @param clientInFlight throughput × mean latency, as the clients saw it
	 * @param appInFlight the app's own gauge, averaged while the load ran
	 */
	public record LittlesLaw(ScenarioResult result, String what, double clientInFlight, double appInFlight) {

		public double gap() {
			return (this.clientInFlight == 0) ? 0 : (this.clientInFlight - this.appInFlight) / this.clientInFlight;
		}

		/**
		 * What a gap over {@link #LITTLES_LAW_GAP} means, or empty when there is none
		 * worth reading.
		 */
		public String reading() {
			if (gap() > LITTLES_LAW_GAP) {
				return format(Locale.ROOT,
						"%.0f of the %.0f requests the clients wait on are not yet in the app's handlers: queued "
								+ "before them, in the accept backlog or the request pool's queue",
						this.clientInFlight - this.appInFlight, this.clientInFlight);
			}
			if (gap() < -LITTLES_LAW_GAP) {
				return "the app serves more than the clients wait on: requests whose clients gave up are still being "
						+ "served";
			}
			return "";
		}

	}

	public static List<LoadGenerator> loadGenerator(ComparisonResults results) {
		int cores = Math.max(1, results.environment().loadGeneratorCores());
		List<LoadGenerator> checks = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			if (result.steps().isEmpty()) {
				double share = (result.seconds() <= 0) ? 0
						: result.loadGeneratorCpuSeconds() / result.seconds() / cores;
				checks.add(new LoadGenerator(result, "whole scenario", share,
						share >= CapacitySearch.SATURATED_GENERATOR));
			}
			if (result.scenario().load() instanceof Capacity.Load capacity) {
				for (RateStep step : result.steps()) {
					checks.add(new LoadGenerator(result, step(step), step.loadGeneratorCpuShare(),
							CapacitySearch.loadGeneratorLimited(step, capacity.sloMillis())));
				}
			}
		}
		return checks;
	}

	/**
	 * Whether the load generator, rather than a stack, limited some run of the scenario:
	 * saturated during a whole scenario, or the reason a capacity search ended (its
	 * capacity is then only a lower bound).
	 */
	public static boolean loadGeneratorLimited(ComparisonResults results, String scenario) {
		boolean scenarioSaturated = loadGenerator(results).stream()
			.anyMatch((check) -> check.saturated() && check.result().steps().isEmpty()
					&& check.result().scenario().id().equals(scenario));
		boolean searchEndedByIt = results.resultsOf(scenario)
			.stream()
			.anyMatch((run) -> CapacitySearch.capacity(run)
				.map(CapacitySearch.Figure::limitedByLoadGenerator)
				.orElse(false));
		return scenarioSaturated || searchEndedByIt;
	}

	public static List<LittlesLaw> littlesLaw(ComparisonResults results) {
		List<LittlesLaw> checks = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			if (result.scenario().type().checksLittlesLaw()) {
				result.headline()
					.map((row) -> check(result, "whole scenario", row.throughput(), row, result.app().meanInFlight()))
					.ifPresent(checks::add);
			}
			for (RateStep step : result.steps()) {
				checks.add(check(result, step(step), step.achievedRate(), step.stats(), step.appInFlight()));
			}
		}
		return checks.stream().filter((check) -> check.clientInFlight() >= LEAST_IN_FLIGHT).toList();
	}

	private static LittlesLaw check(ScenarioResult result, String what, double throughput, RequestStats row,
			double appInFlight) {
		return new LittlesLaw(result, what, throughput * row.mean() / 1000, appInFlight);
	}

	private static String step(RateStep step) {
		return format(Locale.ROOT, "step at %,.0f req/s", step.offeredRate());
	}

}
