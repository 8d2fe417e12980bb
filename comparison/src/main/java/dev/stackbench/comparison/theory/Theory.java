package dev.stackbench.comparison.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.scenario.ClaimContext;

/**
 * What theory says the results should show, and whether they do: each scenario type's
 * Little's-law bound and claims ({@code scenario} package), checked on each stack's
 * median run of each scenario, with the constants and words they share.
 */
public final class Theory {

	/**
	 * How far apart two stacks' throughputs may be and still count as about the same: the
	 * spread this noisy machine shows between runs of one stack.
	 */
	public static final double SAME_THROUGHPUT = 0.15;

	/**
	 * Slack on a cap before it counts as broken: the machine is noisy, and the cap is an
	 * upper bound anyway.
	 */
	public static final double CAP_SLACK = 1.1;

	private Theory() {
	}

	/**
	 * The most requests a second the scenario allows if the server never makes a request
	 * wait for another, where its type's theory gives one.
	 */
	public static OptionalDouble bound(ScenarioResult result) {
		return result.scenario().type().bound(result);
	}

	public static OptionalDouble ratioToBound(ScenarioResult result) {
		OptionalDouble bound = bound(result);
		Optional<RequestStats> headline = result.headline();
		return (bound.isPresent() && headline.isPresent())
				? OptionalDouble.of(headline.get().throughput() / bound.getAsDouble()) : OptionalDouble.empty();
	}

	/** Every run's claims, as its scenario's type makes them. */
	public static List<Claim> claims(List<ScenarioResult> results, Map<String, Map<String, Object>> tuning) {
		return claimsByRun(results, tuning).stream().flatMap((run) -> run.claims().stream()).toList();
	}

	/** Every run's claims, as its scenario's type makes them, run by run. */
	public static List<RunClaims> claimsByRun(List<ScenarioResult> results, Map<String, Map<String, Object>> tuning) {
		ClaimContext context = new ClaimContext(results, tuning);
		List<RunClaims> claims = new ArrayList<>();
		for (ScenarioResult result : results) {
			claims.add(new RunClaims(result, result.scenario().type().claims(result, context)));
		}
		return claims;
	}

	/**
	 * The claims checked on one run, for a report that groups them by stack and scenario.
	 */
	public record RunClaims(ScenarioResult run, List<Claim> claims) {
	}

	/** Errors by kind, as Gatling words them, with their counts. */
	public static String inWords(List<ErrorCount> errors) {
		return errors.isEmpty() ? "no errors"
				: errors.stream().map(ErrorCount::inWords).collect(Collectors.joining("; "));
	}

}
