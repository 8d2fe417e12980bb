package dev.stackbench.comparison.result;

/**
 * One phase of a phased scenario, run on its own so that the app's metrics (connections
 * open, CPU) belong to it alone.
 *
 * @param name the phase, which is also its requests' row name
 * @param app the app's metrics over the phase
 * @param seconds the phase's wall time, Gatling's start and stop included
 * @param disruption what happened to the replica stopped during a failover phase; null
 * for every other phase
 */
public record PhaseResult(String name, AppMetrics app, double seconds, Disruption disruption) {

	public PhaseResult(String name, AppMetrics app, double seconds) {
		this(name, app, seconds, null);
	}

}
