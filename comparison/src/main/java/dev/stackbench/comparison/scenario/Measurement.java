package dev.stackbench.comparison.scenario;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import io.gatling.javaapi.core.Simulation;

/**
 * What a scenario type measures with: the running stack, Gatling, and the app's metrics,
 * as the comparison's runner gives them for one scenario on one stack in one run. The
 * ways of measuring that more than one type uses are here; a type with its own (a
 * capacity search) builds it from {@link #run} and {@link #sampling}.
 */
public interface Measurement {

	Contender stack();

	int run();

	/** One Gatling run with the app's metrics sampled over it. */
	ScenarioResult once(Scenario scenario, Class<? extends Simulation> simulation, Record load) throws IOException;

	/**
	 * One Gatling run per phase, each with the app's metrics sampled over it alone, so
	 * that connections open and CPU belong to one phase; {@code disruption}, where it
	 * gives one, stops a replica and starts it again while its phase runs.
	 */
	ScenarioResult phases(Scenario scenario, Class<? extends Simulation> simulation, List<String> phases,
			Function<String, Record> loadOfPhase, Function<String, Optional<Disruptor>> disruption) throws IOException;

	/**
	 * One Gatling run on thousands of idle connections, with what the app's process holds
	 * measured before the first and again once the server counts {@code connections} open
	 * (after {@code earliestSeconds} of the run, at the latest {@code latestSeconds}).
	 */
	ScenarioResult holdingConnections(Scenario scenario, Class<? extends Simulation> simulation, Record load,
			int connections, int earliestSeconds, int latestSeconds) throws IOException;

	/**
	 * Stops the stack's last replica {@code stopAtSeconds} after the phase's load starts
	 * (gracefully: out of the balancer's rotation, drained, then SIGTERM; else SIGKILL)
	 * and starts it again on its ports at {@code restartAtSeconds}.
	 */
	Disruptor stopReplica(String phase, boolean graceful, int stopAtSeconds, int restartAtSeconds, int durationSeconds);

	/**
	 * One Gatling run, the app's metrics sampled over it, into the scenario's folder
	 * {@code name}; with {@code htmlReport} false Gatling writes no HTML report.
	 */
	Measured run(Class<? extends Simulation> simulation, Record load, String name, boolean htmlReport)
			throws IOException;

	/**
	 * One Gatling run with the app's process counters read just before and just after it,
	 * and nothing else asking the app anything meanwhile (no metrics sampled): what the
	 * run's requests cost the app. The counters are empty where the app is not one
	 * process started here (remote, or replicas).
	 */
	Costed cost(Class<? extends Simulation> simulation, Record load, String name) throws IOException;

	/**
	 * The stack's bare Spring Boot app (one controller for the plain and the JSON page,
	 * nothing of stackbench's), started beside the app on its cores with the same JVM
	 * options, server settings and serving model, and warmed up as an app is, on
	 * {@code paths}: what the scenario sets the app against. Its
	 * {@link Bare#measurement()} loads and reads the bare app instead of the stack's;
	 * closing it stops the bare app. Empty for a remote stack or replicas, beside which
	 * none is started.
	 */
	Optional<Bare> bare(List<String> paths) throws IOException;

	/** The app's metrics sampled from now until {@link Sampling#finish()}. */
	Sampling sampling();

	/** Waits until the app has no request in flight. */
	void awaitIdle();

	/** The load generator's CPU so far, in seconds. */
	double loadGeneratorCpuSeconds();

	int appCores();

	int loadGeneratorCores();

	/** A line on the console's account of the run. */
	void progress(String line);

	/** The app's metrics over a span of several runs. */
	interface Sampling extends AutoCloseable {

		AppMetrics finish();

		@Override
		void close();

	}

	/** A bare Spring Boot app running beside the stack's, until closed. */
	interface Bare extends AutoCloseable {

		/** What measures the bare app, as the stack's own measurement does the app. */
		Measurement measurement();

		/** Whether its warm-up left the JIT quiet before the preset's limit. */
		boolean settled();

		/** Where it answers, for a simulation that loads it beside the app. */
		URI baseUrl();

		/**
		 * One Gatling run that loads the app and the bare app at once (its load names the
		 * bare app's {@link #baseUrl()}), with both apps' process counters read just
		 * before and just after it, as {@link Measurement#cost} reads one app's.
		 */
		Paired costTogether(Class<? extends Simulation> simulation, Record load, String name) throws IOException;

		@Override
		void close();

	}

	/**
	 * A run of {@link Bare#costTogether}: the app's counters and the bare app's around
	 * the same run, and the ratio of their CPU in each half second of it (see
	 * {@code CpuSlices}).
	 */
	record Paired(Costed app, Costed bare, List<Double> sliceRatios) {

	}

	/** A replica stopped and started again during a phase. */
	interface Disruptor {

		Disruption finish(Measured phase) throws IOException;

	}

	/**
	 * A run of {@link #cost}: the run, and the app's counters as it opened and closed.
	 *
	 * @param measured the Gatling run (its app metrics not sampled)
	 * @param before the counters just before the load generator's first request
	 * @param after the counters just after its last answer
	 * @param windowSeconds the wall time between the two readings
	 */
	record Costed(Measured measured, Optional<ProcessCounters> before, Optional<ProcessCounters> after,
			double windowSeconds) {

	}

	/**
	 * One Gatling run: its rows and errors, whether its assertions held and each one's
	 * result, its report's path relative to the comparison's folder, the app's metrics
	 * over it, the load generator's CPU and its wall time.
	 */
	record Measured(boolean assertionsPassed, List<GatlingAssertion> assertions, String report, Path reportFolder,
			List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds) {

	}

}
