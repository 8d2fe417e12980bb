package dev.stackbench.gatling.comparison;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one comparison measured: what {@code results.json} holds and both reports are written from.
 *
 * @param preset the preset's id
 * @param started when the run started
 * @param finished when it finished
 * @param environment the machine and software
 * @param stacks the stacks compared, in order
 * @param scenarios the scenarios with their parameters, in order
 * @param tuning every stack's effective tuning, as its {@code /actuator/info} reported it
 * @param results one entry per scenario per stack
 * @param claims theory's predictions, held or not
 */
public record ComparisonResults(String preset, Instant started, Instant finished, Environment environment,
		List<Stack> stacks, List<Scenario> scenarios, Map<String, Map<String, Object>> tuning,
		List<ScenarioResult> results, List<Claim> claims) {

	public List<ScenarioResult> resultsOf(String scenario) {
		return this.results.stream().filter((result) -> result.scenario().equals(scenario)).toList();
	}

	public boolean allAssertionsPassed() {
		return this.results.stream().allMatch(ScenarioResult::assertionsPassed);
	}

}
