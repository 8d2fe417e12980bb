package dev.stackbench.gatling.comparison;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One load shape of the comparison: a simulation and the parameters it runs with.
 *
 * @param id the name used on the command line and in the report
 * @param kind what the scenario demonstrates, which decides how the report reads its rows
 * @param simulation the simulation's class name in {@code dev.stackbench.gatling.simulation}
 * @param parameters the simulation's system properties
 */
public record Scenario(String id, Kind kind, String simulation, Map<String, String> parameters) {

	public Scenario {
		parameters = Map.copyOf(new LinkedHashMap<>(parameters));
	}

	public String simulationClass() {
		return "dev.stackbench.gatling.simulation." + this.simulation;
	}

	/** The same scenario with some parameters replaced, as given on the command line. */
	public Scenario with(Map<String, String> overrides) {
		Map<String, String> merged = new LinkedHashMap<>(this.parameters);
		merged.putAll(overrides);
		return new Scenario(this.id, this.kind, this.simulation, merged);
	}

	/** Whether the scenario's page calls the downstream service, which the comparison then starts. */
	public boolean callsDownstream() {
		return this.parameters.getOrDefault("path", "").startsWith("/api/downstream");
	}

	public int integer(String name) {
		return Integer.parseInt(this.parameters.get(name));
	}

	/** What a scenario shows, and so which numbers of it the report puts forward. */
	public enum Kind {

		/** Every endpoint once; only its pass or fail matters. */
		SMOKE,

		/** Throughput and latency at increasing concurrency, closed model. */
		CONCURRENCY_STEPS,

		/** Many concurrent clients on a page that waits: the Little's-law bound is users / delay. */
		CONCURRENT_WAIT,

		/** A constant arrival rate on a page that waits: the bound is the rate itself. */
		ARRIVAL_RATE,

		/** The same load over keep-alive connections, then with a new connection per request. */
		KEEP_ALIVE,

		/** Thousands of connections held open at once. */
		CONNECTION_FLOOD,

		/** An arrival rate past capacity, then back. */
		OVERLOAD,

		/** A long mixed load at a steady rate, looking for drift. */
		SOAK

	}

}
