package dev.stackbench.gatling.comparison;

import static dev.stackbench.gatling.comparison.Scenario.Kind.ARRIVAL_RATE;
import static dev.stackbench.gatling.comparison.Scenario.Kind.CONCURRENCY_STEPS;
import static dev.stackbench.gatling.comparison.Scenario.Kind.CONCURRENT_WAIT;
import static dev.stackbench.gatling.comparison.Scenario.Kind.CONNECTION_FLOOD;
import static dev.stackbench.gatling.comparison.Scenario.Kind.KEEP_ALIVE;
import static dev.stackbench.gatling.comparison.Scenario.Kind.OVERLOAD;
import static dev.stackbench.gatling.comparison.Scenario.Kind.SMOKE;

import dev.stackbench.gatling.comparison.Scenario.Kind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A named set of scenarios and their sizes. {@code quick} fits a workshop (about three minutes for three stacks),
 * {@code standard} adds the C10k, open-model, CPU, CGI, downstream and overload runs (about fourteen minutes),
 * {@code ci} checks that the apps hold up under load with assertions, fast; {@code soak} looks for drift over ten
 * minutes of mixed load.
 */
public enum Preset {

	QUICK(10, List.of(
			new Scenario("throughput", CONCURRENCY_STEPS, "ThroughputSimulation",
					Map.of("path", "/api/hello", "users", "1,8,32,128,512", "stepSeconds", "5")),
			new Scenario("concurrent-slow", CONCURRENT_WAIT, "ThroughputSimulation",
					Map.of("path", "/api/slow?delay=500", "users", "1000", "stepSeconds", "12", "maxP95Millis", "5000")),
			new Scenario("keep-alive", KEEP_ALIVE, "KeepAliveSimulation",
					Map.of("path", "/api/hello", "users", "16", "phaseSeconds", "5")))),

	STANDARD(15, List.of(
			new Scenario("throughput", CONCURRENCY_STEPS, "ThroughputSimulation",
					Map.of("path", "/api/hello", "users", "1,8,32,128,512", "stepSeconds", "8")),
			new Scenario("cpu", CONCURRENCY_STEPS, "ThroughputSimulation",
					Map.of("path", "/api/cpu?work=20000", "users", "1,2,8,32", "stepSeconds", "6")),
			new Scenario("concurrent-slow", CONCURRENT_WAIT, "ThroughputSimulation",
					Map.of("path", "/api/slow?delay=500", "users", "1000", "stepSeconds", "15", "maxP95Millis", "5000")),
			// The slow page again, but each request a real process (sh and a sleep child): the server's model no longer
			// decides alone, the machine's cost of a process does. Within the 256 process slots. A probe asks for
			// /api/hello meanwhile: starting and reaping 200 processes a second must not stall a non-blocking stack.
			new Scenario("cgi", CONCURRENT_WAIT, "ThroughputSimulation",
					Map.of("path", "/api/cgi/slow.cgi?delay=1000", "users", "200", "stepSeconds", "15", "maxP95Millis",
							"5000", "probePath", "/api/hello")),
			// Ten parallel calls of 100 ms to a downstream service per request, which the comparison starts.
			new Scenario("downstream", CONCURRENCY_STEPS, "ThroughputSimulation",
					Map.of("path", "/api/downstream?calls=10&delay=100", "users", "500", "stepSeconds", "15",
							"maxP95Millis", "10000")),
			new Scenario("slow-rate", ARRIVAL_RATE, "SlowEndpointSimulation",
					Map.of("rate", "300", "delay", "1000", "durationSeconds", "15")),
			new Scenario("keep-alive", KEEP_ALIVE, "KeepAliveSimulation",
					Map.of("path", "/api/hello", "users", "16", "phaseSeconds", "8")),
			new Scenario("overload", OVERLOAD, "OverloadSimulation",
					Map.of("work", "20000", "baseRate", "50", "peakRate", "1000", "baselineSeconds", "6", "rampSeconds",
							"6", "holdSeconds", "8", "recoverySeconds", "20", "windowSeconds", "5")),
			// Last: a thread pool keeps serving flood requests whose clients gave up, for minutes after the run.
			new Scenario("connection-flood", CONNECTION_FLOOD, "ConnectionFloodSimulation",
					Map.of("connections", "4000", "rampSeconds", "8", "delay", "10000", "patienceSeconds", "20")))),

	/** Not for CI: ten minutes per stack. */
	SOAK(15, List.of(new Scenario("soak", Kind.SOAK, "SoakSimulation", Map.of("rate", "200", "durationSeconds", "600")))),

	CI(3, List.of(new Scenario("smoke", SMOKE, "SmokeSimulation", Map.of("rounds", "3")),
			new Scenario("slow-rate", ARRIVAL_RATE, "SlowEndpointSimulation",
					Map.of("rate", "50", "delay", "200", "durationSeconds", "8", "maxQueueMillis", "2000")),
			new Scenario("keep-alive", KEEP_ALIVE, "KeepAliveSimulation",
					Map.of("path", "/api/hello", "users", "8", "phaseSeconds", "3", "maxP95Millis", "3000"))));

	private final int warmUpSeconds;

	private final List<Scenario> scenarios;

	Preset(int warmUpSeconds, List<Scenario> scenarios) {
		this.warmUpSeconds = warmUpSeconds;
		this.scenarios = scenarios;
	}

	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Seconds of load on each freshly started app before anything is measured, so that the JIT has compiled the
	 * request path: the first scenario otherwise pays for compilation (measured here: twice the CPU per request).
	 */
	public int warmUpSeconds() {
		return this.warmUpSeconds;
	}

	public List<Scenario> scenarios() {
		return this.scenarios;
	}

	public static Preset of(String id) {
		return Arrays.stream(values())
			.filter((preset) -> preset.id().equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown preset '" + id + "'; choose from "
					+ Arrays.stream(values()).map(Preset::id).toList()));
	}

}
