package dev.stackbench.gatling.simulation;

import java.util.Locale;

/** Little's law, L = λ × W, in the words a simulation prints next to its parameters. */
public final class LittlesLaw {

	private LittlesLaw() {
	}

	/**
	 * Requests in flight at once when {@code rate} requests a second each take
	 * {@code delayMillis}.
	 */
	public static double concurrency(double rate, double delayMillis) {
		return rate * delayMillis / 1000.0;
	}

	/**
	 * The most requests a second that {@code workers} concurrent workers complete when
	 * each takes the delay.
	 */
	public static double throughputBound(double workers, double delayMillis) {
		return delayMillis <= 0 ? Double.POSITIVE_INFINITY : workers * 1000.0 / delayMillis;
	}

	static String explain(double rate, int delayMillis) {
		return String.format(Locale.ROOT,
				"Little's law: %.0f req/s x %.3f s = %.0f requests in flight; the server needs at least that many "
						+ "concurrent workers (threads, or timers on an event loop). One thread caps at %.1f req/s, "
						+ "200 platform threads at %.0f req/s.",
				rate, delayMillis / 1000.0, concurrency(rate, delayMillis), throughputBound(1, delayMillis),
				throughputBound(200, delayMillis));
	}

}
