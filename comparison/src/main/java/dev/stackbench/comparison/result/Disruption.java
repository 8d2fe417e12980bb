package dev.stackbench.comparison.result;

import java.util.List;

/**
 * One replica stopped and started again behind the load balancer while load ran: when,
 * what it had in flight, what the clients saw around it and how long it took to come
 * back. Seconds are counted from the start of the phase's Gatling run, as its report's
 * charts count them.
 *
 * @param signal {@code SIGKILL} or {@code SIGTERM}
 * @param replica which replica, from 1
 * @param stoppedAtSecond when the replica was asked to go: the signal, or the start of
 * the drain before it
 * @param inFlightAtStop requests the replica was serving when it was asked to go (before
 * the drain, for a graceful stop), by its own gauge: what a crash can lose at most; -1
 * when it could not be read
 * @param drainSeconds for a graceful stop, how long the replica took, once out of the
 * balancer's rotation, to finish what it had; 0 for a kill, which has no drain
 * @param exitSeconds how long the replica took to exit after the signal (a graceful stop
 * finishes its requests first)
 * @param restartedAtSecond when it was started again
 * @param healthyAfterSeconds from that start until its health was UP
 * @param trafficAfterSeconds from that start until it served a request through the
 * balancer again; -1 if it had not by the end of the phase
 * @param p99BeforeMillis the median of the per-second p99 before the stop: the steady
 * state
 * @param maxAroundStopMillis the slowest answer in the seconds from the stop to
 * {@link #WINDOW_SECONDS} after it
 * @param maxAroundRestartMillis the slowest answer in the seconds from the replica's
 * first request again to {@link #WINDOW_SECONDS} after it (from its start, if it took
 * none)
 * @param failed every request of the phase that failed
 * @param errors those failures by kind, as Gatling words them
 */
public record Disruption(String signal, int replica, double stoppedAtSecond, double inFlightAtStop, double drainSeconds,
		double exitSeconds, double restartedAtSecond, double healthyAfterSeconds, double trafficAfterSeconds,
		int p99BeforeMillis, int maxAroundStopMillis, int maxAroundRestartMillis, long failed,
		List<ErrorCount> errors) {

	/** The seconds after a stop or a return whose answers count as "around" it. */
	public static final int WINDOW_SECONDS = 3;

	public boolean tookTrafficAgain() {
		return this.trafficAfterSeconds >= 0;
	}

}
