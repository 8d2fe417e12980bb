package dev.stackbench.comparison.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;

/**
 * The console's account of a run: which stack, which scenario, time elapsed and time
 * left.
 */
final class Progress {

	/**
	 * Starting an app and waiting for it to be healthy, and Gatling's own start per run,
	 * roughly.
	 */
	private static final int START_SECONDS = 15;

	private final Instant started = Instant.now();

	private final double plannedSeconds;

	private double doneSeconds;

	Progress(Options options) {
		double perStack = options.preset().warmUpLimitSeconds() + START_SECONDS
				+ options.scenarios().stream().mapToDouble(Scenario::estimatedSeconds).sum();
		this.plannedSeconds = perStack * options.stacks().size() * options.repeat();
	}

	void stack(Contender stack, String what) {
		print("[" + stack.id() + "] " + what);
	}

	void scenario(Contender stack, Scenario scenario) {
		print("[" + stack.id() + "] " + scenario.id() + " (" + scenario.type().simulation().getSimpleName() + ", about "
				+ Math.round(scenario.estimatedSeconds()) + " s)");
		this.doneSeconds += scenario.estimatedSeconds();
	}

	void done(ScenarioResult result) {
		print("[" + result.stack().id() + "] " + result.scenario().id() + ": " + result.totalRequests() + " requests, "
				+ result.failedRequests() + " failed, assertions " + (result.assertionsPassed() ? "passed" : "FAILED"));
	}

	void line(String line) {
		print(line);
	}

	private void print(String line) {
		Duration elapsed = Duration.between(this.started, Instant.now());
		double left = Math.max(0, this.plannedSeconds - Math.max(this.doneSeconds, elapsed.toSeconds()));
		System.out.printf(Locale.ROOT, "stackbench %s elapsed, ~%s left: %s%n", clock(elapsed.toSeconds()),
				clock(Math.round(left)), line);
	}

	private static String clock(long seconds) {
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

}
