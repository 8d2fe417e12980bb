package dev.stackbench.workload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /api/stream?count=n&interval=ms}: server-sent events, {@code count} of them,
 * one every {@code interval} ms, the first after one interval. A long-lived response that
 * mostly waits: on the servlet app it holds a request thread for its whole life, on the
 * reactive app only a timer.
 *
 * @param count how many events
 * @param interval milliseconds between events
 */
public record EventStream(long count, long interval) {

	public static final String COUNT_PARAMETER = "count";

	public static final String INTERVAL_PARAMETER = "interval";

	public static final long DEFAULT_COUNT = 10;

	public static final long MAX_COUNT = 1_000;

	public static final long DEFAULT_INTERVAL_MILLIS = 100;

	public static final long MAX_INTERVAL_MILLIS = 10_000;

	/** The name every event carries in its {@code event:} field. */
	public static final String EVENT_NAME = "tick";

	public static final String MEDIA_TYPE = "text/event-stream";

	/**
	 * The Content-Type both apps answer with: WebFlux's SSE writer always names the
	 * charset.
	 */
	public static final String CONTENT_TYPE = MEDIA_TYPE + ";charset=UTF-8";

	/**
	 * Reads {@code count} (default 10, 1 to 1000) and {@code interval} (default 100, 1 to
	 * 10000).
	 */
	public static EventStream of(Query query) {
		return new EventStream(query.wholeNumber(COUNT_PARAMETER, DEFAULT_COUNT, 1, MAX_COUNT),
				query.wholeNumber(INTERVAL_PARAMETER, DEFAULT_INTERVAL_MILLIS, 1, MAX_INTERVAL_MILLIS));
	}

	public Duration intervalDuration() {
		return Duration.ofMillis(this.interval);
	}

	/** The data of event {@code n} (1 to count), a small JSON document. */
	public String data(long n) {
		return "{\"n\":" + n + ",\"of\":" + this.count + "}";
	}

	/**
	 * Event {@code n} as it goes on the wire (the order and spelling Spring's SSE writers
	 * use).
	 */
	public byte[] event(long n) {
		return ("id:" + n + "\nevent:" + EVENT_NAME + "\ndata:" + data(n) + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
