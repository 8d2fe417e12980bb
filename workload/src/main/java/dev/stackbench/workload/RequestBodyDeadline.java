package dev.stackbench.workload;

import java.time.Duration;

/**
 * The time limit on a request body, the same on both apps: once its head has arrived, a
 * body may take {@code timeout}, plus one second for every {@code minBytesPerSecond}
 * bytes that have arrived, as Apache's mod_reqtimeout does ({@code body=20,MinRate=500},
 * whose defaults these are). The head deadline does not cover the body, and every byte
 * restarts the servers' per-read timeouts, so without this a client trickling a byte
 * every few seconds would hold its connection (and on the servlet app a request thread)
 * for as long as it likes. A body read at the minimum rate or faster never meets it. A
 * body that misses it is answered {@code Problem.forStatus(408, ...)} where an answer can
 * still be sent, and its connection is closed.
 *
 * @param timeout the grace period before the rate counts
 * @param minBytesPerSecond the slowest a body may arrive after it
 */
public record RequestBodyDeadline(Duration timeout, long minBytesPerSecond) {

	public RequestBodyDeadline {
		if (timeout.isNegative() || timeout.isZero() || minBytesPerSecond < 1) {
			throw new IllegalArgumentException("a body deadline needs a positive timeout and rate, not " + timeout
					+ " and " + minBytesPerSecond + " bytes/s");
		}
	}

	/**
	 * When the body must have arrived in full, given when its head did and how much of it
	 * has arrived since.
	 */
	public long deadlineNanos(long headArrivedNanos, long bytesArrived) {
		return headArrivedNanos + this.timeout.toNanos() + bytesArrived * 1_000_000_000L / this.minBytesPerSecond;
	}

	/** How long is left before the deadline, or nothing left (zero). */
	public Duration remaining(long headArrivedNanos, long bytesArrived, long nowNanos) {
		long left = deadlineNanos(headArrivedNanos, bytesArrived) - nowNanos;
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

}
