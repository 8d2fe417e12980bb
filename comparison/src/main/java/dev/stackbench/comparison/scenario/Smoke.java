package dev.stackbench.comparison.scenario;

import java.util.List;

import dev.stackbench.comparison.report.Chart;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.SmokeSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * Every endpoint once per round, bodies checked: only its pass or fail matters, which its
 * Gatling assertions decide.
 */
final class Smoke extends ScenarioType<SmokeSimulation.Load> {

	Smoke() {
		super("smoke", "SMOKE", SmokeSimulation.Load.class, SmokeSimulation.DEFAULTS, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return SmokeSimulation.class;
	}

	@Override
	public double estimatedSeconds(SmokeSimulation.Load load) {
		return 3;
	}

	/** A pass or a fail, which the assertions give: no figure to compare. */
	@Override
	public List<Measure> headlines(Scenario scenario) {
		return NO_HEADLINES;
	}

	/** A pass or a fail: nothing to draw. */
	@Override
	public List<Chart> charts(ComparisonResults results, Scenario scenario) {
		return List.of();
	}

	/** Its checks are the simulation's own assertions on every body. */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		return NO_CLAIMS;
	}

}
