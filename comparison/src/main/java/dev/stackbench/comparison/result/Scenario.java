package dev.stackbench.comparison.result;

import dev.stackbench.gatling.simulation.DatabaseSimulation;

import java.util.Map;

import io.gatling.javaapi.core.Simulation;

/**
 * One load shape of the comparison: what it demonstrates and the typed load its
 * simulation applies.
 *
 * @param id the name used on the command line and in the report
 * @param kind what the scenario demonstrates, which decides how the report reads its rows
 * @param load the simulation's parameters
 * @param transport how the load reaches the app: plain HTTP, or TLS, where the app runs
 * with its {@code h2} profile (HTTP/2 and HTTP/1.1 by ALPN)
 */
public record Scenario(String id, Kind kind, LoadShape load, Transport transport) {

	/** A result recorded before scenarios had a transport was plain HTTP. */
	public Scenario {
		transport = (transport != null) ? transport : Transport.PLAIN;
	}

	public Scenario(String id, Kind kind, LoadShape load) {
		this(id, kind, load, Transport.PLAIN);
	}

	/** How a scenario's load reaches the app. */
	public enum Transport {

		PLAIN,

		/** TLS 1.3, HTTP/2 or HTTP/1.1 as the client offers by ALPN. */
		TLS

	}

	public Class<? extends Simulation> simulation() {
		return this.load.simulation();
	}

	/** The same scenario with some parameters replaced, as given on the command line. */
	public Scenario with(Map<String, String> overrides) {
		try {
			return new Scenario(this.id, this.kind, this.load.with(overrides), this.transport);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("scenario " + this.id + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the scenario's page calls the downstream service, which the comparison then
	 * starts.
	 */
	public boolean callsDownstream() {
		return this.load instanceof LoadShape.OnePage page && page.path().startsWith("/api/downstream");
	}

	/**
	 * Whether a row of this scenario comes from a closed model: its kind's, except the
	 * open half of the database scenario.
	 */
	public boolean closedLoop(String rowName) {
		return this.kind.closedLoop() && !DatabaseSimulation.OPEN.equals(rowName);
	}

	/** What a scenario shows, and so which numbers of it the report puts forward. */
	public enum Kind {

		/** Every endpoint once; only its pass or fail matters. */
		SMOKE(true),

		/** Throughput and latency at increasing concurrency, closed model. */
		CONCURRENCY_STEPS(true),

		/**
		 * Many concurrent clients on a page that waits: the Little's-law bound is users /
		 * delay.
		 */
		CONCURRENT_WAIT(true),

		/**
		 * Many concurrent clients on a query that holds a pooled connection, then
		 * arrivals past what the pool serves: the bound is pool size / query time,
		 * whatever the threads. Its headline is the closed model's.
		 */
		DATABASE(true),

		/** A constant arrival rate on a page that waits: the bound is the rate itself. */
		ARRIVAL_RATE(false),

		/**
		 * An open model stepped up past saturation: the highest rate that held an SLO.
		 */
		CAPACITY(false),

		/**
		 * The same load over keep-alive connections, then with a new connection per
		 * request.
		 */
		KEEP_ALIVE(true),

		/**
		 * The same closed load over HTTP/1.1 with keep-alive and over HTTP/2, on each
		 * page: how many connections each needs for the same concurrency.
		 */
		MULTIPLEXING(true),

		/** Thousands of connections held open at once. */
		CONNECTION_FLOOD(true),

		/**
		 * Thousands of idle keep-alive connections, and a probe on new ones: its latency
		 * is an open model's, each probe arriving on its own.
		 */
		IDLE_CONNECTIONS(false),

		/** An arrival rate past capacity, then back. */
		OVERLOAD(false),

		/** A long mixed load at a steady rate, looking for drift. */
		SOAK(false),

		/**
		 * Steady arrivals through a load balancer while one replica is killed, then
		 * stopped gracefully, and each time started again.
		 */
		FAILOVER(false);

		private final boolean closedLoop;

		Kind(boolean closedLoop) {
			this.closedLoop = closedLoop;
		}

		/**
		 * Whether its users wait on their own answers before sending again: such a loop
		 * slows down with a stalled server, so its latencies hide the stall (coordinated
		 * omission) and no claim is drawn from them.
		 */
		public boolean closedLoop() {
			return this.closedLoop;
		}

	}

}
