package dev.stackbench.comparison.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.HeadlineFigure;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.gatling.simulation.DatabaseSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;
import dev.stackbench.gatling.simulation.OverloadPhases;

/**
 * The figures a workshop decides from, one or two per scenario, each read from every run
 * and summed up as a {@link Spread}. Latencies come only from open models (arrivals that
 * do not wait for answers); closed-loop figures are throughputs and counts, and are
 * labelled as such.
 */
public final class Headlines {

	private Headlines() {
	}

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

		Measure(String scenario, String figure, String unit, Better better, boolean closedLoop, boolean latency,
				boolean regressionChecked, Function<ScenarioResult, OptionalDouble> read) {
			this(scenario, figure, unit, better, closedLoop, latency, regressionChecked, read, (run) -> false);
		}

		/**
		 * Whether any run of the scenario on the stack gave only a lower bound, so its
		 * spread reads "at least".
		 */
		public boolean lowerBound(ComparisonResults results, ServingModel stack) {
			return results.runsOf(this.scenario, stack).stream().anyMatch(this.lowerBound);
		}

		/**
		 * The figure over every run of the scenario on the stack, or empty when no run
		 * has it.
		 */
		public Optional<Spread> spread(ComparisonResults results, ServingModel stack) {
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
			return this.unit.equals("%") ? 1 : 0;
		}

	}

	/**
	 * Every headline figure of every stack that has it, over its runs, scenario by
	 * scenario.
	 */
	public static List<HeadlineFigure> figures(ComparisonResults results) {
		List<HeadlineFigure> figures = new ArrayList<>();
		for (Measure measure : of(results)) {
			for (ServingModel stack : results.stacks()) {
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

	public static List<Measure> of(Scenario scenario) {
		String id = scenario.id();
		return switch (scenario.load()) {
			case LoadShape.Capacity capacity -> List.of(new Measure(id,
					String.format(Locale.ROOT, "capacity at p99 ≤ %d ms (%s)", capacity.sloMillis(), capacity.path()),
					"req/s", Better.HIGHER, false, false, true,
					(run) -> CapacitySearch.capacity(run)
						.map((figure) -> OptionalDouble.of(figure.rate()))
						.orElse(OptionalDouble.empty()),
					(run) -> CapacitySearch.capacity(run).filter(CapacitySearch.Figure::lowerBound).isPresent()),
					new Measure(id, String.format(Locale.ROOT, "p99 at %,.0f req/s offered", capacity.rate(0)), "ms",
							Better.LOWER, false, true, true, (run) -> run.steps().isEmpty() ? OptionalDouble.empty()
									: OptionalDouble.of(run.steps().getFirst().stats().p99())));
			case LoadShape.ArrivalRate rate -> List.of(
					new Measure(id,
							String.format(Locale.ROOT, "p99 at %,.0f req/s on a %d ms page", rate.rate(), rate.delay()),
							"ms", Better.LOWER, false, true, true, headline(RequestStats::p99)),
					new Measure(id, "throughput", "req/s", Better.HIGHER, false, false, false,
							headline(RequestStats::throughput)));
			case LoadShape.Steps steps when scenario.kind() == Scenario.Kind.CONCURRENT_WAIT -> List.of(new Measure(id,
					String.format(Locale.ROOT, "throughput at %d users on %s", steps.users().getFirst(), steps.path()),
					"req/s", Better.HIGHER, true, false, false, headline(RequestStats::throughput)));
			case LoadShape.Steps steps -> List.of(new Measure(id, "peak throughput on " + steps.path(), "req/s",
					Better.HIGHER, true, false, false, headline(RequestStats::throughput)));
			case LoadShape.KeepAlive keepAlive -> List.of(
					new Measure(id, "throughput with keep-alive", "req/s", Better.HIGHER, true, false, false,
							row(KeepAliveSimulation.KEEP_ALIVE, RequestStats::throughput)),
					new Measure(id, "throughput with a new connection per request", "req/s", Better.HIGHER, true, false,
							false, row(KeepAliveSimulation.NEW_CONNECTION, RequestStats::throughput)));
			case LoadShape.Multiplexing multiplexing -> multiplexing.paths()
				.stream()
				.flatMap((path) -> Stream.of(
						new Measure(id, "throughput over HTTP/2 on " + path, "req/s", Better.HIGHER, true, false, false,
								row(MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, path),
										RequestStats::throughput)),
						new Measure(id, "connections open over HTTP/2 on " + path, "connections", Better.LOWER, true,
								false, false,
								(run) -> run.phase(MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, path))
									.map((phase) -> OptionalDouble.of(phase.app().maxConnections()))
									.orElse(OptionalDouble.empty()))))
				.toList();
			case LoadShape.ConnectionFlood flood ->
				List.of(new Measure(id, String.format(Locale.ROOT, "connections answered of %d", flood.connections()),
						"connections", Better.HIGHER, true, false, false,
						(run) -> OptionalDouble.of(run.requests().stream().mapToLong(RequestStats::ok).sum())));
			case LoadShape.IdleConnections idle -> List.of(new Measure(id,
					String.format(
							Locale.ROOT, "probe p99 on a new connection with %d idle ones open", idle.connections()),
					"ms", Better.LOWER, false, true, true,
					(run) -> run.probe()
						.map((probe) -> OptionalDouble.of(probe.p99()))
						.orElse(OptionalDouble.empty())));
			case LoadShape.Overload overload ->
				List.of(new Measure(id, "requests failed during the overload", "requests", Better.LOWER, false, false,
						false, row(OverloadPhases.OVERLOAD, (stats) -> stats.ko())));
			case LoadShape.Soak soak -> List.of(new Measure(id, "p99 over the soak", "ms", Better.LOWER, false, true,
					true, headline(RequestStats::p99)));
			case LoadShape.Database database -> List.of(
					new Measure(id,
							String.format(Locale.ROOT, "throughput at %d users on %s", database.users(),
									database.path()),
							"req/s", Better.HIGHER, true, false, false,
							row(DatabaseSimulation.CLOSED, RequestStats::throughput)),
					new Measure(id,
							String.format(Locale.ROOT, "requests failed at %,.0f req/s offered", database.rate()),
							"requests", Better.LOWER, false, false, false,
							row(DatabaseSimulation.OPEN, (stats) -> stats.ko())));
			case LoadShape.Failover failover -> failover.phases()
				.stream()
				.flatMap((signal) -> Stream.of(
						new Measure(id, "requests failed when a replica gets " + signal, "requests", Better.LOWER,
								false, false, false, disruption(signal, (stop) -> stop.failed())),
						new Measure(id, "slowest answer around the " + signal, "ms", Better.LOWER, false, true, false,
								disruption(signal, (stop) -> stop.maxAroundStopMillis())),
						new Measure(id, "seconds until the replica serves again after " + signal, "s", Better.LOWER,
								false, false, false,
								disruption(signal,
										(stop) -> stop.tookTrafficAgain() ? stop.trafficAfterSeconds() : Double.NaN))))
				.toList();
			case LoadShape.Smoke smoke -> List.of();
			case LoadShape.OpenRate rate ->
				List.of(new Measure(id, "p99", "ms", Better.LOWER, false, true, true, headline(RequestStats::p99)));
		};
	}

	private static Function<ScenarioResult, OptionalDouble> headline(Function<RequestStats, Number> figure) {
		return (run) -> run.headline()
			.map((row) -> OptionalDouble.of(figure.apply(row).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

	/** A figure of the replica stopped in a failover phase, where it was. */
	private static Function<ScenarioResult, OptionalDouble> disruption(String phase,
			Function<Disruption, Number> figure) {
		return (run) -> run.phase(phase)
			.map(PhaseResult::disruption)
			.filter((stop) -> stop != null && !Double.isNaN(figure.apply(stop).doubleValue()))
			.map((stop) -> OptionalDouble.of(figure.apply(stop).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

	private static Function<ScenarioResult, OptionalDouble> row(String name, Function<RequestStats, Number> figure) {
		return (run) -> run.row(name)
			.map((row) -> OptionalDouble.of(figure.apply(row).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

}
