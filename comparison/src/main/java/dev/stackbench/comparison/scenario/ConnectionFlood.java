package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.comparison.theory.Theory;
import dev.stackbench.gatling.simulation.ConnectionFloodSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * Thousands of connections held open at once, each waiting on a slow request
 * ({@link ConnectionFloodSimulation}): C10k as concurrent requests.
 */
final class ConnectionFlood extends ScenarioType<ConnectionFloodSimulation.Load> {

	ConnectionFlood() {
		super("connection-flood", "CONNECTION_FLOOD", ConnectionFloodSimulation.Load.class,
				ConnectionFloodSimulation.DEFAULTS, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return ConnectionFloodSimulation.class;
	}

	@Override
	public double estimatedSeconds(ConnectionFloodSimulation.Load load) {
		return load.rampSeconds() + load.delay() / 1000.0 + 5;
	}

	/**
	 * Requests sent that never got an answer before the run's time was up: a thread pool
	 * may still be working through them when the run ends.
	 */
	@Override
	public long unanswered(ScenarioResult run) {
		return Math.max(0, load(run.scenario()).connections() - run.totalRequests());
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(new Measure(scenario.id(),
				format(Locale.ROOT, "connections answered of %d", load(scenario).connections()), "connections",
				Better.HIGHER, true, false, false,
				(run) -> OptionalDouble.of(run.requests().stream().mapToLong(RequestStats::ok).sum())));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		ConnectionFloodSimulation.Load load = load(run.scenario());
		long ok = run.requests().stream().mapToLong(RequestStats::ok).sum();
		return List.of(new Claim(
				format(Locale.ROOT, "%s: holds %d concurrent connections, each waiting on a %d ms request (C10k)",
						run.stack().id(), load.connections(), load.delay()),
				ok == load.connections(),
				format(Locale.ROOT, "%d of %d answered, %d failed, %d unanswered when time ran out; %s", ok,
						load.connections(), run.failedRequests(), run.unansweredRequests(),
						Theory.inWords(run.errors()))));
	}

}
