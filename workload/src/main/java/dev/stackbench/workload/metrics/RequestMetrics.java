package dev.stackbench.workload.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stackbench.workload.Api;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code http.server.requests} timer and the requests in flight, recorded the same
 * way by both apps' outermost web layer, in place of Spring's observation of each
 * request. That observation (an Observation object, its key values sorted and copied into
 * tags, a timer looked up by those tags and a long task timer started and stopped, per
 * request) cost the reactive app about a tenth of its {@code /api/hello} throughput; this
 * costs a counter, two clock reads and a timer found by a small key. The series keep
 * Spring's names and tags ({@code method}, {@code uri}, {@code status}, {@code outcome},
 * {@code exception}, {@code error}), so the dashboards read them unchanged; the
 * {@code uri} is {@link Api#pathTag}, bounded whatever a client sends.
 */
public final class RequestMetrics {

	public static final String REQUESTS = "http.server.requests";

	/** A gauge, {@code http_server_requests_active} in Prometheus. */
	public static final String ACTIVE = "http.server.requests.active";

	public static final String NO_EXCEPTION = "none";

	public static final String BY_PROTOCOL = "stackbench.requests.protocol";

	/**
	 * The protocols a tag names; anything else is "other", so a client cannot grow the
	 * registry.
	 */
	private static final Set<String> PROTOCOLS = Set.of("HTTP/1.0", "HTTP/1.1", "HTTP/2.0");

	/**
	 * Methods tagged as themselves; any other a client invents is one value, so it cannot
	 * grow the registry.
	 */
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private final MeterRegistry registry;

	private final AtomicInteger active = new AtomicInteger();

	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	private final Map<String, Counter> byProtocol = new ConcurrentHashMap<>();

	public RequestMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(ACTIVE, this.active, AtomicInteger::get)
			.description("Requests being served now")
			.register(registry);
	}

	/** A request has arrived: returns its start time, to hand back to {@link #stop}. */
	public long start() {
		this.active.incrementAndGet();
		return System.nanoTime();
	}

	/**
	 * The request has been answered (or abandoned).
	 * @param exception the simple name of what the request failed with, or
	 * {@link #NO_EXCEPTION}
	 */
	public void stop(long start, String method, String path, int status, String exception) {
		long nanos = System.nanoTime() - start;
		this.active.decrementAndGet();
		Key key = new Key(METHODS.contains(method) ? method : "UNKNOWN", Api.pathTag(path), status, exception);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, this::register);
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Counts a request by the protocol it came in (HTTP/1.1, HTTP/2.0), into
	 * {@value #BY_PROTOCOL}: neither server has a meter of its connections by protocol,
	 * so the dashboards show the requests each protocol carries.
	 */
	public void countProtocol(String protocol) {
		String known = PROTOCOLS.contains(protocol) ? protocol : "other";
		Counter counter = this.byProtocol.get(known);
		if (counter == null) {
			counter = this.byProtocol.computeIfAbsent(known,
					(name) -> Counter.builder(BY_PROTOCOL)
						.description("HTTP server requests by protocol")
						.tag("protocol", name)
						.register(this.registry));
		}
		counter.increment();
	}

	public int active() {
		return this.active.get();
	}

	private Timer register(Key key) {
		return Timer.builder(REQUESTS)
			.description("HTTP server requests")
			.tag("method", key.method())
			.tag("uri", key.uri())
			.tag("status", Integer.toString(key.status()))
			.tag("outcome", outcome(key.status()))
			.tag("exception", key.exception())
			.tag("error", key.exception())
			.register(this.registry);
	}

	/** Spring's outcome names for a status class. */
	static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

	/**
	 * A timer's tags, looked up on every request. Not a record: a record's equals and
	 * hashCode go through method handles (ObjectMethods), which async-profiler showed at
	 * 1.3 µs a request on the servlet app; these compare the fields directly.
	 */
	private static final class Key {

		private final String method;

		private final String uri;

		private final int status;

		private final String exception;

		private final int hash;

		Key(String method, String uri, int status, String exception) {
			this.method = method;
			this.uri = uri;
			this.status = status;
			this.exception = exception;
			this.hash = 31 * (31 * (31 * method.hashCode() + uri.hashCode()) + status) + exception.hashCode();
		}

		String method() {
			return this.method;
		}

		String uri() {
			return this.uri;
		}

		int status() {
			return this.status;
		}

		String exception() {
			return this.exception;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && this.status == key.status && this.method.equals(key.method)
					&& this.uri.equals(key.uri) && this.exception.equals(key.exception);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
