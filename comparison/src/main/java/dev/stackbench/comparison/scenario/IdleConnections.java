package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.IdleConnectionsSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * Thousands of idle keep-alive connections and a probe on new ones
 * ({@link IdleConnectionsSimulation}): C10k as idle connections, with what the app's
 * process holds for them. The probe's latency is an open model's, each probe arriving on
 * its own.
 */
final class IdleConnections extends ScenarioType<IdleConnectionsSimulation.Load> {

	/**
	 * The slowest a probe on a new connection may be while thousands of idle ones are
	 * open: a connect and a plain page, on a loaded machine.
	 */
	static final int PROBE_MILLIS = 1000;

	/** About how long Gatling takes to start a simulation, on this machine. */
	private static final int GATLING_START_SECONDS = 3;

	IdleConnections() {
		super("idle-connections", "IDLE_CONNECTIONS", IdleConnectionsSimulation.Load.class,
				IdleConnectionsSimulation.DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return IdleConnectionsSimulation.class;
	}

	/** Two full garbage collections around it, each a jcmd. */
	@Override
	public double estimatedSeconds(IdleConnectionsSimulation.Load load) {
		return load.rampSeconds() + load.holdSeconds() + 10;
	}

	/**
	 * The app's footprint is read once the server counts every connection open and the
	 * probe is done (its full garbage collection pauses the app, which a probe would
	 * time), or at the latest a few seconds before the hold ends.
	 */
	@Override
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		IdleConnectionsSimulation.Load load = load(scenario);
		return measurement.holdingConnections(scenario, simulation(), load, load.connections(),
				GATLING_START_SECONDS + load.rampSeconds() + load.probeSeconds(),
				GATLING_START_SECONDS + load.rampSeconds() + load.holdSeconds() - 3);
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(new Measure(scenario.id(),
				format(Locale.ROOT, "probe p99 on a new connection with %d idle ones open",
						load(scenario).connections()),
				"ms", Better.LOWER, false, true, true,
				(run) -> run.probe().map((probe) -> OptionalDouble.of(probe.p99())).orElse(OptionalDouble.empty())));
	}

	/**
	 * Every idle connection answered and held open, and a new client answered at once
	 * meanwhile (its slowest probe under a second: accepting and one plain request, with
	 * no connection limit or thread in the way).
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		IdleConnectionsSimulation.Load load = load(run.scenario());
		long answered = run.requests()
			.stream()
			.filter((row) -> !ThroughputSimulation.isProbe(row.name()))
			.mapToLong(RequestStats::ok)
			.sum();
		Optional<RequestStats> probe = run.probe();
		boolean probed = probe.isPresent() && probe.get().count() > 0 && probe.get().ko() == 0
				&& probe.get().max() < PROBE_MILLIS;
		String probes = probe
			.map((row) -> format(Locale.ROOT, "%d probes: p50 %d ms, p99 %d ms, max %d ms, %d failed", row.count(),
					row.p50(), row.p99(), row.max(), row.ko()))
			.orElse("no probe answered");
		return List.of(new Claim(
				format(Locale.ROOT,
						"%s: a new client is answered within %d ms while %d idle keep-alive connections are open",
						run.stack().id(), PROBE_MILLIS, load.connections()),
				answered == load.connections() && probed,
				format(Locale.ROOT, "%d of %d idle connections answered, %d open at the server's peak; %s", answered,
						load.connections(), run.app().maxConnections(), probes)));
	}

}
