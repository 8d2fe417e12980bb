package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.stackbench.comparison.report.Cells;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.comparison.theory.Theory;
import dev.stackbench.gatling.simulation.FailoverSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * Steady arrivals through the load balancer while one replica is stopped at
 * {@code stopAtSeconds} and started again at {@code restartAtSeconds} (both counted from
 * the first request), once with SIGKILL and once with SIGTERM, a Gatling run each
 * ({@link FailoverSimulation}). Only with {@code -Dreplicas=2} or more.
 */
public final class Failover extends PhasedType<Failover.Load> {

	/**
	 * @param rate reads a second, of {@code path}
	 * @param writeRate writes a second, which the balancer does not send twice
	 * @param phase the signal of the phase to run, or empty for both
	 */
	public record Load(String path, double rate, double writeRate, int durationSeconds, int stopAtSeconds,
			int restartAtSeconds, String phase) {

		public Load {
			phase = (phase != null) ? phase : "";
			if (!(0 < stopAtSeconds && stopAtSeconds < restartAtSeconds && restartAtSeconds < durationSeconds)) {
				throw new IllegalArgumentException("failover needs 0 < stopAtSeconds < restartAtSeconds < "
						+ "durationSeconds, not " + stopAtSeconds + ", " + restartAtSeconds + ", " + durationSeconds);
			}
		}

	}

	Failover() {
		super("failover", "FAILOVER", Load.class,
				new Load(FailoverSimulation.DEFAULTS.path(), FailoverSimulation.DEFAULTS.rate(),
						FailoverSimulation.DEFAULTS.writeRate(), FailoverSimulation.DEFAULTS.durationSeconds(), 10, 18,
						""),
				false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return FailoverSimulation.class;
	}

	@Override
	public Record simulationLoad(Load load) {
		return new FailoverSimulation.Load(load.path(), load.rate(), load.writeRate(), load.durationSeconds(),
				FailoverSimulation.DEFAULTS.maxFailedPercent(), load.phase());
	}

	@Override
	List<String> phases(Load load) {
		return FailoverSimulation.PHASES;
	}

	/** The last replica stopped during each phase and started again on its ports. */
	@Override
	Optional<Measurement.Disruptor> disruption(Load load, String phase, Measurement measurement) {
		return Optional.of(measurement.stopReplica(phase, graceful(phase), load.stopAtSeconds(),
				load.restartAtSeconds(), load.durationSeconds()));
	}

	/** One Gatling run per signal, and a pause for the requests left in flight. */
	@Override
	public double estimatedSeconds(Load load) {
		return phases(load).size() * (load.durationSeconds() + 5);
	}

	@Override
	double phaseSeconds(Load load) {
		return load.durationSeconds();
	}

	@Override
	public int leastReplicas() {
		return 2;
	}

	/**
	 * Whether the phase stops its replica gracefully (SIGTERM) rather than killing it.
	 */
	public static boolean graceful(String phase) {
		return FailoverSimulation.GRACEFUL.equals(phase);
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		String id = scenario.id();
		return phases(load(scenario)).stream()
			.flatMap((signal) -> Stream.of(
					new Measure(id, "requests failed when a replica gets " + signal, "requests", Better.LOWER, false,
							false, false, disruption(signal, Disruption::failed)),
					new Measure(id, "slowest answer around the " + signal, "ms", Better.LOWER, false, true, false,
							disruption(signal, Disruption::maxAroundStopMillis)),
					new Measure(id, "seconds until the replica serves again after " + signal, "s", Better.LOWER, false,
							false, false,
							disruption(signal,
									(stop) -> stop.tookTrafficAgain() ? stop.trafficAfterSeconds() : Double.NaN))))
			.toList();
	}

	private static Function<ScenarioResult, OptionalDouble> disruption(String phase,
			Function<Disruption, Number> figure) {
		return (run) -> run.phase(phase)
			.map(PhaseResult::disruption)
			.filter((stop) -> stop != null && !Double.isNaN(figure.apply(stop).doubleValue()))
			.map((stop) -> OptionalDouble.of(figure.apply(stop).doubleValue()))
			.orElse(OptionalDouble.empty());
	}

	/**
	 * A replica stopped behind the balancer: killed, it loses at most the requests it was
	 * serving (nginx sends the idempotent ones among them to another replica, and every
	 * later one goes elsewhere); stopped gracefully, it finishes what it has and loses
	 * nothing. Either way it serves again once started.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		List<Claim> claims = new ArrayList<>();
		for (String signal : phases(load(run.scenario()))) {
			boolean graceful = graceful(signal);
			Optional<PhaseResult> phase = run.phase(signal);
			int replicas = phase.map((result) -> result.app().replicas().requests().size()).orElse(0);
			String statement = graceful
					? format(Locale.ROOT,
							"%s: with %d replicas, stopping one gracefully (out of the balancer's rotation, then "
									+ "SIGTERM) loses no request, and it serves again once started",
							run.stack().id(), replicas)
					: format(Locale.ROOT,
							"%s: with %d replicas, killing one (SIGKILL) loses at most the requests it had in flight, "
									+ "and it serves again once started",
							run.stack().id(), replicas);
			if (phase.isEmpty() || phase.get().disruption() == null) {
				claims.add(Claim.notChecked(statement, "phase " + signal + " or its stopped replica missing"));
				continue;
			}
			Disruption stop = phase.get().disruption();
			long lostAtMost = graceful ? 0 : Math.max(0, (long) Math.floor(stop.inFlightAtStop()));
			claims.add(new Claim(statement, stop.failed() <= lostAtMost && stop.tookTrafficAgain(),
					format(Locale.ROOT,
							"%d failed (%s) with %.0f in flight at the %s; drained in %.1f s, exited in %.1f s; "
									+ "started again at %.0f s, healthy after %.1f s, %s; slowest answer %d ms around "
									+ "the stop, %d ms around its return, p99 %d ms before",
							stop.failed(), Theory.inWords(stop.errors()), stop.inFlightAtStop(), stop.signal(),
							stop.drainSeconds(), stop.exitSeconds(), stop.restartedAtSecond(),
							stop.healthyAfterSeconds(),
							stop.tookTrafficAgain()
									? format(Locale.ROOT, "serving again after %.1f s", stop.trafficAfterSeconds())
									: "no request reached it again",
							stop.maxAroundStopMillis(), stop.maxAroundRestartMillis(), stop.p99BeforeMillis())));
		}
		return claims;
	}

	/**
	 * Each failover phase: the replica stopped, what clients lost and waited around it,
	 * and how long it took to serve again.
	 */
	@Override
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			for (Contender stack : results.stacks()) {
				for (String signal : phases(load(scenario))) {
					List<Disruption> stops = results.runsOf(scenario.id(), stack)
						.stream()
						.flatMap((run) -> run.phase(signal).map(PhaseResult::disruption).stream())
						.filter((stop) -> stop != null)
						.toList();
					if (stops.isEmpty()) {
						continue;
					}
					rows.add(
							List.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(signal),
									Cells.spread(stops, Disruption::inFlightAtStop),
									Cells.spread(stops, Disruption::failed),
									Cell.of(stops.stream()
										.flatMap((stop) -> stop.errors().stream())
										.map(ErrorCount::inWords)
										.distinct()
										.collect(Collectors.joining("; "))),
									Cells.spread(stops, Disruption::p99BeforeMillis),
									Cells.spread(stops, Disruption::maxAroundStopMillis),
									Cells.spread(stops, Disruption::drainSeconds, 1),
									Cells.spread(stops, Disruption::exitSeconds, 1),
									Cells.spread(stops, Disruption::healthyAfterSeconds, 1),
									Cell.of(Spread
										.of(stops.stream()
											.map((stop) -> stop.tookTrafficAgain() ? stop.trafficAfterSeconds()
													: Double.NaN)
											.toList())
										.text(1)),
									Cells.spread(stops, Disruption::maxAroundRestartMillis)));
				}
			}
		}
		return List.of(new Table("Failover",
				"Steady arrivals through nginx while the last replica is stopped and started again on its ports: "
						+ "once killed (SIGKILL: a crash, which only nginx's passive health checks notice), once "
						+ "stopped as a rolling update stops a pod (taken out of nginx's rotation, drained, then "
						+ "SIGTERM, and put back once healthy). In flight: the replica's own gauge when it was asked "
						+ "to go. nginx sends an idempotent request that fails on a replica to another (reads), "
						+ "never a write, and leaves a failing replica out for its fail-timeout (see the tuning "
						+ "table) before trying it again. \"Around\" is from a second before the moment to "
						+ Disruption.WINDOW_SECONDS + " s after it.",
				List.of("scenario", "model", "signal", "in flight", "failed", "failures by kind", "p99 before, ms",
						"slowest around the stop, ms", "drain s", "exit s", "healthy after restart, s",
						"serving again after restart, s", "slowest around its return, ms"),
				rows));
	}

}
