package dev.stackbench.workload;

import java.time.Duration;

/**
 * {@code GET /api/slow?delay=ms}: a page that answers after a fixed wait, like a CGI
 * script waiting on a database. The wait is what separates the concurrency models: a
 * blocked thread per request, or a timer and no thread.
 *
 * @param delay the wait in milliseconds
 */
public record SlowPage(long delay) {

	public static final String DELAY_PARAMETER = "delay";

	public static final long DEFAULT_DELAY_MILLIS = 100;

	public static final long MAX_DELAY_MILLIS = 30_000;

	/** Reads {@code delay} (milliseconds, default 100, 0 to 30000). */
	public static SlowPage of(Query query) {
		return new SlowPage(query.wholeNumber(DELAY_PARAMETER, DEFAULT_DELAY_MILLIS, 0, MAX_DELAY_MILLIS));
	}

	public Duration duration() {
		return Duration.ofMillis(this.delay);
	}

}
