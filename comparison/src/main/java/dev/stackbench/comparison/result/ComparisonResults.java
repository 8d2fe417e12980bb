package dev.stackbench.comparison.result;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one comparison measured: what {@code results.json} holds and both reports
 * are written from.
 *
 * @param schemaVersion the layout of {@code results.json}; {@link #SCHEMA_VERSION} for
 * what this build writes
 * @param preset the preset's id
 * @param repeat how many times every scenario ran on every stack
 * @param started when the run started
 * @param finished when it finished
 * @param environment the machine and software
 * @param stacks the stacks compared, in order
 * @param scenarios the scenarios with their parameters, in order
 * @param tuning every stack's effective tuning, as its {@code /actuator/info} reported
 * it, by stack id
 * @param results one entry per scenario per stack per run
 * @param claims theory's predictions, held or not, on each stack's median run
 * @param headlines every headline figure of every stack as the median with its range over
 * the runs, as the verdict table shows them (derived from {@code results}; empty in a
 * comparison not yet analysed)
 * @param warmUps how every app's warm-up ended
 * @param idleFootprints what each local app held for its idle connections, in an
 * idle-connections run
 */
public record ComparisonResults(int schemaVersion, String preset, int repeat, Instant started, Instant finished,
		Environment environment, List<ServingModel> stacks, List<Scenario> scenarios,
		Map<String, Map<String, Object>> tuning, List<ScenarioResult> results, List<Claim> claims,
		List<HeadlineFigure> headlines, List<WarmUp> warmUps, List<IdleFootprint> idleFootprints) {

	public ComparisonResults {
		headlines = (headlines == null) ? List.of() : headlines;
		warmUps = (warmUps == null) ? List.of() : warmUps;
		idleFootprints = (idleFootprints == null) ? List.of() : idleFootprints;
	}

	/**
	 * 2: typed scenario parameters, stacks by id, repetitions, capacity steps, p90/p99.9
	 * and mean latencies (version 1, unnumbered, had parameters as text and one run).
	 */
	public static final int SCHEMA_VERSION = 2;

	public List<ScenarioResult> resultsOf(String scenario) {
		return this.results.stream().filter((result) -> result.scenario().id().equals(scenario)).toList();
	}

	/** Every run of one scenario on one stack, in run order. */
	public List<ScenarioResult> runsOf(String scenario, ServingModel stack) {
		return this.results.stream()
			.filter((result) -> result.scenario().id().equals(scenario) && result.stack() == stack)
			.sorted(Comparator.comparingInt(ScenarioResult::run))
			.toList();
	}

	/**
	 * The run of a scenario on a stack whose headline throughput is the median of its
	 * runs (the lower middle one of an even count): claims and charts read one real run,
	 * the typical one, rather than a mix of several.
	 */
	public Optional<ScenarioResult> medianRun(String scenario, ServingModel stack) {
		List<ScenarioResult> runs = runsOf(scenario, stack).stream()
			.sorted(Comparator
				.comparingDouble((ScenarioResult run) -> run.headline().map(RequestStats::throughput).orElse(0.0)))
			.toList();
		return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get((runs.size() - 1) / 2));
	}

	/** The median run of every scenario on every stack, scenario by scenario. */
	public List<ScenarioResult> medianRuns() {
		return this.scenarios.stream()
			.flatMap((scenario) -> this.stacks.stream().flatMap((stack) -> medianRun(scenario.id(), stack).stream()))
			.toList();
	}

	public boolean allAssertionsPassed() {
		return this.results.stream().allMatch(ScenarioResult::assertionsPassed);
	}

}
