package dev.stackbench.comparison.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.HeadlineFigure;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.Contender;

/**
 * The figures a workshop decides from, one or two per scenario, each read from every run
 * and summed up as a {@link Spread}. Latencies come only from open models (arrivals that
 * do not wait for answers); closed-loop figures are throughputs and counts, and are
 * labelled as such.
 */
public final class Headlines {

	private Headlines() {
	}

	/** The unit of a time spent per thousand requests, such as garbage collection's. */
	public static final String PER_1000_REQUESTS = "ms per 1,000 requests";

	/** Which way is better for a figure. */
	public enum Better {

		HIGHER, LOWER

	}

	/**
	 * One headline figure of one scenario.
	 *
	 * @param scenario the scenario's id
	 * @param figure what it is, e.g. {@code capacity at p99 ≤ 25 ms}
	 * @param unit e.g. {@code req/s}
	 * @param better which way is better
	 * @param closedLoop whether it comes from users that wait on their own answers
	 * @param latency whether it is a latency in milliseconds (Gatling's resolution is
	 * one)
	 * @param regressionChecked whether {@code -DfailOnRegression} watches it: capacities
	 * and open-model p99s
	 * @param read the figure of one run, empty where a run has none
	 * @param lowerBound whether a run's figure is only a lower bound: a capacity search
	 * that the stack did not end
	 */
	public record Measure(String scenario, String figure, String unit, Better better, boolean closedLoop,
			boolean latency, boolean regressionChecked, Function<ScenarioResult, OptionalDouble> read,
			Predicate<ScenarioResult> lowerBound) {

		public Measure(String scenario, String figure, String unit, Better better, boolean closedLoop, boolean latency,
				boolean regressionChecked, Function<ScenarioResult, OptionalDouble> read) {
			this(scenario, figure, unit, better, closedLoop, latency, regressionChecked, read, (run) -> false);
		}

		/**
		 * Whether any run of the scenario on the stack gave only a lower bound, so its
		 * spread reads "at least".
		 */
		public boolean lowerBound(ComparisonResults results, Contender stack) {
			return results.runsOf(this.scenario, stack).stream().anyMatch(this.lowerBound);
		}

		/**
		 * The figure over every run of the scenario on the stack, or empty when no run
		 * has it.
		 */
		public Optional<Spread> spread(ComparisonResults results, Contender stack) {
			List<Double> values = new ArrayList<>();
			for (ScenarioResult run : results.runsOf(this.scenario, stack)) {
				this.read.apply(run).ifPresent(values::add);
			}
			return values.isEmpty() ? Optional.empty() : Optional.of(Spread.of(values));
		}

		/** Whether {@code a} is better than {@code b}. */
		public boolean better(double a, double b) {
			return (this.better == Better.HIGHER) ? a > b : a < b;
		}

		/** The same figure in both runs: scenario and figure name match. */
		public boolean sameAs(Measure other) {
			return this.scenario.equals(other.scenario) && this.figure.equals(other.figure);
		}

		public int decimals() {
			return switch (this.unit) {
				case "%", "µs" -> 1;
				case Headlines.PER_1000_REQUESTS -> 2;
				default -> 0;
			};
		}

	}

	/**
	 * Every headline figure of every stack that has it, over its runs, scenario by
	 * scenario.
	 */
	public static List<HeadlineFigure> figures(ComparisonResults results) {
		List<HeadlineFigure> figures = new ArrayList<>();
		for (Measure measure : of(results)) {
			for (Contender stack : results.stacks()) {
				measure.spread(results, stack)
					.ifPresent((spread) -> figures.add(new HeadlineFigure(measure.scenario(), measure.figure(),
							measure.unit(), measure.closedLoop(), stack, spread)));
			}
		}
		return figures;
	}

	/** Every headline figure of a comparison, scenario by scenario. */
	public static List<Measure> of(ComparisonResults results) {
		return results.scenarios().stream().flatMap((scenario) -> of(scenario).stream()).toList();
	}

	/** A scenario's headline figures, as its type declares them. */
	public static List<Measure> of(Scenario scenario) {
		return scenario.type().headlines(scenario);
	}

	/** A figure of a run's headline row (its busiest, a probe's aside). */
	public static Function<ScenarioResult, OptionalDouble> headline(Function<RequestStats, Number> figure) {
		return (run) -> run.headline()
			.map((row) -> OptionalDouble.of(figure.apply(row).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

	/** A figure of one named request row. */
	public static Function<ScenarioResult, OptionalDouble> row(String name, Function<RequestStats, Number> figure) {
		return (run) -> run.row(name)
			.map((row) -> OptionalDouble.of(figure.apply(row).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

}
