package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.OverloadPhases;
import dev.stackbench.gatling.simulation.OverloadSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * CPU-bound requests at a base rate, ramped past capacity, held, and dropped back
 * ({@link OverloadSimulation}), an open model: does latency come back once the overload
 * is over, and how soon.
 */
final class Overload extends ScenarioType<OverloadSimulation.Load> {

	Overload() {
		super("overload", "OVERLOAD", OverloadSimulation.Load.class, OverloadSimulation.DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return OverloadSimulation.class;
	}

	@Override
	public double estimatedSeconds(OverloadSimulation.Load load) {
		return load.baselineSeconds() + load.rampSeconds() + load.holdSeconds() + load.recoverySeconds() + 5;
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(new Measure(scenario.id(), "requests failed during the overload", "requests", Better.LOWER,
				false, false, false, Headlines.row(OverloadPhases.OVERLOAD, RequestStats::ko)));
	}

	/**
	 * Back within twice the baseline's p95 (or 50 ms over it) and nothing failed, in some
	 * recovery window; the windows' rows are named by the run's own phases, in order.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		OverloadSimulation.Load load = load(run.scenario());
		String statement = run.stack().id() + ": after an overload, latency comes back to its baseline";
		Optional<RequestStats> baseline = run.row(OverloadPhases.BASELINE);
		if (baseline.isEmpty()) {
			return List.of(Claim.notChecked(statement, "row " + OverloadPhases.BASELINE + " missing"));
		}
		int tolerated = Math.max(2 * baseline.get().p95(), baseline.get().p95() + 50);
		List<String> windows = load.phases().recoveryWindows();
		Optional<Integer> recovered = IntStream.range(0, windows.size())
			.filter((window) -> run.row(windows.get(window))
				.filter((row) -> row.p95() <= tolerated && row.ko() == 0)
				.isPresent())
			.boxed()
			.findFirst();
		long overloadFailures = run.row(OverloadPhases.OVERLOAD).map(RequestStats::ko).orElse(0L);
		return List.of(new Claim(statement, recovered.isPresent(),
				format(Locale.ROOT, "baseline p95 %d ms; %s; %d requests failed during the overload",
						baseline.get().p95(),
						recovered
							.map((window) -> "back within " + tolerated + " ms in the window starting "
									+ window * load.windowSeconds() + " s after it")
							.orElse("not back within " + tolerated + " ms by the end of the run"),
						overloadFailures)));
	}

}
