package dev.stackbench.comparison.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.ServingModel;

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
				+ options.scenarios().stream().mapToDouble(Progress::estimatedSeconds).sum();
		this.plannedSeconds = perStack * options.stacks().size() * options.repeat();
	}

	void stack(ServingModel stack, String what) {
		print("[" + stack.id() + "] " + what);
	}

	void scenario(ServingModel stack, Scenario scenario) {
		print("[" + stack.id() + "] " + scenario.id() + " (" + scenario.simulation().getSimpleName() + ", about "
				+ Math.round(estimatedSeconds(scenario)) + " s)");
		this.doneSeconds += estimatedSeconds(scenario);
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

	/** A scenario's length from its parameters, for the remaining-time estimate only. */
	static double estimatedSeconds(Scenario scenario) {
		return switch (scenario.load()) {
			case LoadShape.Smoke smoke -> 3;
			case LoadShape.Steps steps -> steps.users().size() * steps.stepSeconds() + 3;
			case LoadShape.ArrivalRate rate -> rate.durationSeconds() + rate.delay() / 1000.0 + 3;
			case LoadShape.Soak soak -> soak.durationSeconds() + 3;
			// One Gatling run per phase.
			case LoadShape.KeepAlive keepAlive -> 2 * (keepAlive.phaseSeconds() + 3);
			case LoadShape.Multiplexing multiplexing ->
				multiplexing.phases().size() * (multiplexing.phaseSeconds() + 3);
			case LoadShape.ConnectionFlood flood -> flood.rampSeconds() + flood.delay() / 1000.0 + 5;
			// Two full garbage collections around it, each a jcmd.
			case LoadShape.IdleConnections idle -> idle.rampSeconds() + idle.holdSeconds() + 10;
			case LoadShape.Overload overload -> overload.baselineSeconds() + overload.rampSeconds()
					+ overload.holdSeconds() + overload.recoverySeconds() + 5;
			case LoadShape.OpenRate rate -> rate.durationSeconds() + 3;
			// The open half's queue drains after its arrivals stop.
			case LoadShape.Database database -> database.closedSeconds() + database.openSeconds() + 8;
			// About two thirds of its steps, each with Gatling's start and a pause to let
			// the app drain.
			case LoadShape.Capacity capacity -> capacity.maxSteps() * 2 / 3.0 * (capacity.stepSeconds() + 3);
			// One Gatling run per signal, and a pause for the requests left in flight.
			case LoadShape.Failover failover -> failover.phases().size() * (failover.durationSeconds() + 5);
		};
	}

}
