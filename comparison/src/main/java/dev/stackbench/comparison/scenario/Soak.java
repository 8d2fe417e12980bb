package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.SoakSimulation;
import io.gatling.javaapi.core.Simulation;

/** A long mixed load at a steady rate ({@link SoakSimulation}), looking for drift. */
final class Soak extends ScenarioType<SoakSimulation.Load> {

	/**
	 * Heap after GC may settle a little as caches fill; more than this from start to end
	 * is kept memory.
	 */
	private static final double HEAP_GROWTH = 1.2;

	Soak() {
		super("soak", "SOAK", SoakSimulation.Load.class, SoakSimulation.DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return SoakSimulation.class;
	}

	@Override
	public double estimatedSeconds(SoakSimulation.Load load) {
		return load.durationSeconds() + 3;
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(new Measure(scenario.id(), "p99 over the soak", "ms", Better.LOWER, false, true, true,
				Headlines.headline(RequestStats::p99)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		AppMetrics app = run.app();
		boolean heapSteady = app.heapAfterGcAtEndMegabytes() <= HEAP_GROWTH * app.heapAfterGcAtStartMegabytes();
		return List.of(new Claim(
				run.stack().id() + ": under a long mixed load, no request fails and heap after GC does not grow",
				run.failedRequests() == 0 && heapSteady,
				format(Locale.ROOT, "%d requests, %d failed; heap after GC %.0f MB at the start, %.0f MB at the end",
						run.totalRequests(), run.failedRequests(), app.heapAfterGcAtStartMegabytes(),
						app.heapAfterGcAtEndMegabytes())));
	}

}
