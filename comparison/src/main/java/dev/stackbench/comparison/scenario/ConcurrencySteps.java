package dev.stackbench.comparison.scenario;

import java.util.List;

import dev.stackbench.comparison.report.Chart;
import dev.stackbench.comparison.report.ReportCharts;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * Throughput and latency at increasing concurrency, closed model: users that each send
 * again as soon as answered, stepped up ({@link ThroughputSimulation}).
 */
final class ConcurrencySteps extends SteppedUsers {

	ConcurrencySteps() {
		super("concurrency-steps", "CONCURRENCY_STEPS", ThroughputSimulation.DEFAULTS);
	}

	/** Against concurrency when it steps through more than one level. */
	@Override
	public List<Chart> charts(ComparisonResults results, Scenario scenario) {
		ThroughputSimulation.Load load = load(scenario);
		return (load.users().size() > 1) ? ReportCharts.againstConcurrency(results, scenario, load.path(), load.users())
				: ReportCharts.byRow(results, scenario);
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(new Measure(scenario.id(), "peak throughput on " + load(scenario).path(), "req/s", Better.HIGHER,
				true, false, false, Headlines.headline(RequestStats::throughput)));
	}

	/**
	 * A page that does not wait has no Little's-law bound to hold a stack to: what its
	 * peak is worth is the verdicts' comparison of the stacks, beyond noise.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		return NO_CLAIMS;
	}

}
