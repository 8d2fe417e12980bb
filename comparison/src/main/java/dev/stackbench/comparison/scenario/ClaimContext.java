package dev.stackbench.comparison.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;

/**
 * What a claim may look at beyond its own run: the other runs claims are drawn from (each
 * scenario's median run on each stack), and every stack's tuning.
 *
 * @param runs each scenario's median run on each stack
 * @param tuning every stack's tuning by stack id, as its {@code /actuator/info} reported
 * it
 */
public record ClaimContext(List<ScenarioResult> runs, Map<String, Map<String, Object>> tuning) {

	public Map<String, Object> knobs(Contender stack) {
		return this.tuning.getOrDefault(stack.id(), Map.of());
	}

	/**
	 * The run that matches, the same repetition as {@code beside} where there is one:
	 * claims are drawn from each scenario's median run, which need not be the same run
	 * for two scenarios.
	 */
	public Optional<ScenarioResult> closest(ScenarioResult beside, Predicate<ScenarioResult> matching) {
		return this.runs.stream()
			.filter(matching)
			.min(Comparator.comparingInt((result) -> (result.run() == beside.run()) ? 0 : 1));
	}

	/**
	 * A thread-per-request stack has as many concurrent workers as request threads; the
	 * others are not capped.
	 */
	public Optional<Integer> workers(Contender stack) {
		Map<String, Object> knobs = knobs(stack);
		boolean virtual = Boolean.TRUE.equals(knobs.get("virtual-threads"));
		return (knobs.get("threads.max") instanceof Number threads && !virtual) ? Optional.of(threads.intValue())
				: Optional.empty();
	}

}
