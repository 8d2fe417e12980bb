package dev.stackbench.workload;

import java.util.concurrent.Semaphore;

/**
 * An optional limit on requests in flight ({@code stackbench.admission.max-in-flight}).
 * Past it, a request is answered at once with 503 and {@code Retry-After} instead of
 * queueing behind the others: overload fails fast rather than as minutes of latency. Off
 * (0) by default, so that the comparison shows each model's raw behaviour.
 */
public final class Admission {

	public static final String MAX_IN_FLIGHT_PROPERTY = "stackbench.admission.max-in-flight";

	/** Seconds a turned-away client should wait before trying again. */
	public static final String RETRY_AFTER_SECONDS = "1";

	private final int maxInFlight;

	private final Semaphore permits;

	private Admission(int maxInFlight) {
		if (maxInFlight < 0) {
			throw new IllegalArgumentException(MAX_IN_FLIGHT_PROPERTY + " must be 0 (off) or more, not " + maxInFlight);
		}
		this.maxInFlight = maxInFlight;
		this.permits = (maxInFlight > 0) ? new Semaphore(maxInFlight) : null;
	}

	/** A limit of {@code maxInFlight} requests, or no limit when it is 0. */
	public static Admission of(int maxInFlight) {
		return new Admission(maxInFlight);
	}

	public int maxInFlight() {
		return this.maxInFlight;
	}

	/**
	 * Admits a request, or refuses it when the limit is reached; every admitted request
	 * must {@link #leave()}.
	 */
	public boolean tryEnter() {
		return this.permits == null || this.permits.tryAcquire();
	}

	public void leave() {
		if (this.permits != null) {
			this.permits.release();
		}
	}

	/** The answer to a request turned away. */
	public Problem overloaded() {
		return Problem.of(ProblemType.OVERLOADED,
				"More than " + this.maxInFlight + " requests are in flight; retry after " + RETRY_AFTER_SECONDS + " s");
	}

}
