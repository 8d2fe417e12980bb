package dev.stackbench.workload;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/downstream?calls=n&delay=ms}: calls a downstream service's slow page
 * {@code calls} times in parallel, each taking {@code delay} ms, and answers with the
 * pages combined. The fan-out a service does to its dependencies: threads that wait on
 * sockets on the servlet app, none on the reactive app.
 *
 * @param calls how many calls, all at once
 * @param delay the delay each call asks the downstream slow page for
 */
public record Downstream(long calls, long delay) {

	public static final String CALLS_PARAMETER = "calls";

	public static final long DEFAULT_CALLS = 10;

	public static final long MAX_CALLS = 100;

	/**
	 * Reads {@code calls} (default 10, 1 to 100) and {@code delay} (as the slow page's:
	 * default 100, 0 to 30000).
	 */
	public static Downstream of(Query query) {
		return new Downstream(query.wholeNumber(CALLS_PARAMETER, DEFAULT_CALLS, 1, MAX_CALLS),
				SlowPage.of(query).delay());
	}

	/** The path of each call, relative to the downstream base URL. */
	public String slowPagePath() {
		return Api.SLOW + "?" + SlowPage.DELAY_PARAMETER + "=" + this.delay;
	}

	/** The answer once every call has answered. */
	public Combined combine(List<SlowPage> pages) {
		return new Combined(this.calls, this.delay, pages);
	}

	/** 504: a call took longer than the downstream timeout. */
	public static ProblemException timedOut(Duration timeout) {
		return new ProblemException(ProblemType.GATEWAY_TIMEOUT,
				"The downstream service did not answer within " + timeout.toMillis() + " ms");
	}

	/**
	 * 502: a call failed (refused, reset, an error status or a body that is not a slow
	 * page).
	 */
	public static ProblemException failed() {
		return new ProblemException(ProblemType.BAD_GATEWAY, "The downstream service failed to answer");
	}

	/**
	 * Whether a failed call ran out of time rather than failed: a cause on the way down
	 * is a timeout, whichever client library named it (the JDK's, or Netty's
	 * {@code ReadTimeoutException} for a response that never came).
	 */
	public static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof HttpTimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param calls how many calls were made
	 * @param delay the delay each asked for
	 * @param pages what each answered, in call order
	 */
	public record Combined(long calls, long delay, List<SlowPage> pages) {
	}

}
