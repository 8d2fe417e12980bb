package dev.stackbench.comparison.result;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything one comparison measured, and its inputs: what {@code results.json} holds,
 * raw. What it says is worked out from it ({@code theory.Analysis}) before a report is
 * written; the claims and headline figures that files of schema 2 also held are not read.
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
 * @param warmUps how every app's warm-up ended
 * @param idleFootprints what each local app held for its idle connections, in an
 * idle-connections run
 * @param deaths the apps that died during the run, in order
 * @param profiles the profiled windows ({@code -Dprofile}), in the order they ran
 */
@JsonIgnoreProperties({ "claims", "headlines" })
public record ComparisonResults(int schemaVersion, String preset, int repeat, Instant started, Instant finished,
		Environment environment, List<Contender> stacks, List<Scenario> scenarios,
		Map<String, Map<String, Object>> tuning, List<ScenarioResult> results, List<WarmUp> warmUps,
		List<IdleFootprint> idleFootprints, List<AppDeath> deaths, List<Profile> profiles) {

	public ComparisonResults {
		profiles = (profiles == null) ? List.of() : profiles;
		warmUps = (warmUps == null) ? List.of() : warmUps;
		idleFootprints = (idleFootprints == null) ? List.of() : idleFootprints;
		deaths = (deaths == null) ? List.of() : deaths;
	}

	/**
	 * 3: raw data and inputs only (no claims or headline figures); a scenario names its
	 * type ({@code type}, formerly {@code kind}) and its parameters without the record's
	 * name. 2 (still read): typed scenario parameters, stacks by id, repetitions,
	 * capacity steps, p90/p99.9 and mean latencies (version 1, unnumbered, had parameters
	 * as text and one run).
	 */
	public static final int SCHEMA_VERSION = 3;

	/** A run without profiles, as every run without {@code -Dprofile} is. */
	public ComparisonResults(int schemaVersion, String preset, int repeat, Instant started, Instant finished,
			Environment environment, List<Contender> stacks, List<Scenario> scenarios,
			Map<String, Map<String, Object>> tuning, List<ScenarioResult> results, List<WarmUp> warmUps,
			List<IdleFootprint> idleFootprints, List<AppDeath> deaths) {
		this(schemaVersion, preset, repeat, started, finished, environment, stacks, scenarios, tuning, results, warmUps,
				idleFootprints, deaths, List.of());
	}

	public List<ScenarioResult> resultsOf(String scenario) {
		return this.results.stream().filter((result) -> result.scenario().id().equals(scenario)).toList();
	}

	/** Every run of one scenario on one stack, in run order. */
	public List<ScenarioResult> runsOf(String scenario, Contender stack) {
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
	public Optional<ScenarioResult> medianRun(String scenario, Contender stack) {
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
