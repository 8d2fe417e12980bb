package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.LittlesLaw;
import dev.stackbench.gatling.simulation.SlowEndpointSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * A constant arrival rate on a page that waits ({@link SlowEndpointSimulation}), an open
 * model: the bound is the rate itself, and keeping up needs rate × delay requests in
 * flight.
 */
final class ArrivalRate extends ScenarioType<SlowEndpointSimulation.Load> {

	ArrivalRate() {
		super("arrival-rate", "ARRIVAL_RATE", SlowEndpointSimulation.Load.class, SlowEndpointSimulation.DEFAULTS,
				false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return SlowEndpointSimulation.class;
	}

	@Override
	public double estimatedSeconds(SlowEndpointSimulation.Load load) {
		return load.durationSeconds() + load.delay() / 1000.0 + 3;
	}

	@Override
	public boolean checksLittlesLaw() {
		return true;
	}

	@Override
	public OptionalDouble bound(ScenarioResult run) {
		return OptionalDouble.of(load(run.scenario()).rate());
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		SlowEndpointSimulation.Load load = load(scenario);
		return List.of(
				new Measure(scenario.id(),
						format(Locale.ROOT, "p99 at %,.0f req/s on a %d ms page", load.rate(), load.delay()), "ms",
						Better.LOWER, false, true, true, Headlines.headline(RequestStats::p99)),
				new Measure(scenario.id(), "throughput", "req/s", Better.HIGHER, false, false, false,
						Headlines.headline(RequestStats::throughput)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		SlowEndpointSimulation.Load load = load(run.scenario());
		String statement = format(Locale.ROOT,
				"%s: keeps up with %.0f req/s arriving on a %d ms page, which needs %.0f requests in flight",
				run.stack().id(), load.rate(), load.delay(), LittlesLaw.concurrency(load.rate(), load.delay()));
		Optional<RequestStats> headline = run.headline();
		if (headline.isEmpty()) {
			return List.of(Claim.notChecked(statement, "no request row in the run"));
		}
		RequestStats row = headline.get();
		return List.of(new Claim(statement, row.throughput() >= 0.9 * load.rate() && row.ko() == 0,
				format(Locale.ROOT, "%.0f req/s, p95 %d ms, %d failed", row.throughput(), row.p95(), row.ko())));
	}

}
