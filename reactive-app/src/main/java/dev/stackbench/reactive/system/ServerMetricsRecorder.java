package dev.stackbench.reactive.system;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import reactor.netty.http.server.HttpServerMetricsRecorder;

/**
 * Reactor Netty's server meters ({@code reactor_netty_http_server_*}) kept in adders, fed
 * by {@link Http11MetricsHandler} on HTTP/1.1 connections and by Reactor Netty's metrics
 * handlers, as its recorder, on HTTP/2 streams. Reactor Netty's own Micrometer recorder
 * times every read, write and response with timers and distribution summaries looked up
 * through the global registry on each call: on {@code /api/hello} that cost about a tenth
 * of the app's throughput, for response times that {@code http.server.requests} already
 * has. This one keeps what only the server can tell, open and active connections, bytes
 * in and out, errors and the time to read a request per endpoint, for a few increments
 * per request; the meters are read only when Prometheus scrapes.
 */
final class ServerMetricsRecorder implements HttpServerMetricsRecorder {

	private static final String PREFIX = "reactor.netty.http.server.";

	private final MeterRegistry registry;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger activeConnections = new AtomicInteger();

	/** The pending-tasks gauge of each event loop, by its thread's name. */
	private final Map<String, Gauge> eventLoops = new ConcurrentHashMap<>();

	/** One entry per {@code uri} tag value, which {@code Api.pathTag} bounds. */
	private final Map<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();

	ServerMetricsRecorder(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(PREFIX + "connections", this.connections, AtomicInteger::get)
			.description("Open connections")
			.register(registry);
		Gauge.builder(PREFIX + "connections.active", this.activeConnections, AtomicInteger::get)
			.description("Connections serving a request now")
			.register(registry);
	}

	/**
	 * Counts a connection from its channel's start to its close, whatever protocol it
	 * ends up speaking: Reactor Netty reports the opening and closing of HTTP/1.1
	 * connections only ({@link #recordServerConnectionOpened}), and an HTTP/2 connection,
	 * which the h2 scenario needs counted, would be missed.
	 */
	void countConnection(Channel channel) {
		this.connections.incrementAndGet();
		channel.closeFuture().addListener((closed) -> this.connections.decrementAndGet());
	}

	/**
	 * {@code reactor_netty_eventloop_pending_tasks} for the loop serving this connection,
	 * registered on its first one. Reactor Netty registers the gauge only along with its
	 * own metrics handlers, which {@link Http11MetricsHandler} replaces.
	 */
	void countEventLoopPendingTasks(EventLoop loop) {
		if (loop instanceof SingleThreadEventExecutor executor) {
			String name = executor.threadProperties().name();
			this.eventLoops.computeIfAbsent(name, (thread) -> Gauge
				.builder("reactor.netty.eventloop.pending.tasks", executor, SingleThreadEventExecutor::pendingTasks)
				.description("Tasks waiting on an event loop")
				.tag("name", thread)
				.register(this.registry));
		}
	}

	/** Counted by {@link #countConnection} instead, for every protocol. */
	@Override
	public void recordServerConnectionOpened(SocketAddress localAddress) {
	}

	/** Counted by {@link #countConnection} instead, for every protocol. */
	@Override
	public void recordServerConnectionClosed(SocketAddress localAddress) {
	}

	// Fed by Http11MetricsHandler on an HTTP/1.1 connection, by Reactor Netty's handlers
	// through the recorder's methods below on HTTP/2.

	void connectionActive() {
		this.activeConnections.incrementAndGet();
	}

	void connectionInactive() {
		this.activeConnections.decrementAndGet();
	}

	void received(String uri, long bytes) {
		endpoint(uri).bytesReceived.add(bytes);
	}

	void sent(String uri, long bytes) {
		endpoint(uri).bytesSent.add(bytes);
	}

	/** A whole request of this endpoint read in this time. */
	void read(String uri, long nanos) {
		EndpointMeters endpoint = endpoint(uri);
		endpoint.reads.increment();
		endpoint.readNanos.add(nanos);
	}

	@Override
	public void recordServerConnectionActive(SocketAddress localAddress) {
		connectionActive();
	}

	@Override
	public void recordServerConnectionInactive(SocketAddress localAddress) {
		connectionInactive();
	}

	@Override
	public void recordDataReceived(SocketAddress remoteAddress, String uri, long bytes) {
		received(uri, bytes);
	}

	@Override
	public void recordDataSent(SocketAddress remoteAddress, String uri, long bytes) {
		sent(uri, bytes);
	}

	@Override
	public void incrementErrorsCount(SocketAddress remoteAddress, String uri) {
		endpoint(uri).errors.increment();
	}

	@Override
	public void recordDataReceivedTime(String uri, String method, Duration time) {
		read(uri, time.toNanos());
	}

	/**
	 * Response and send times are {@code http.server.requests}' business, recorded once
	 * for both stacks.
	 */
	@Override
	public void recordDataSentTime(String uri, String method, String status, Duration time) {
	}

	@Override
	public void recordResponseTime(String uri, String method, String status, Duration time) {
	}

	// The same bytes again without the uri, once per socket read or write: the
	// per-endpoint figures above add up to them.

	@Override
	public void recordDataReceived(SocketAddress remoteAddress, long bytes) {
	}

	@Override
	public void recordDataSent(SocketAddress remoteAddress, long bytes) {
	}

	@Override
	public void incrementErrorsCount(SocketAddress remoteAddress) {
	}

	// Client-side and TLS events: this server neither connects out through this recorder
	// nor terminates TLS.

	@Override
	public void recordTlsHandshakeTime(SocketAddress remoteAddress, Duration time, String status) {
	}

	@Override
	public void recordConnectTime(SocketAddress remoteAddress, Duration time, String status) {
	}

	@Override
	public void recordResolveAddressTime(SocketAddress remoteAddress, Duration time, String status) {
	}

	private EndpointMeters endpoint(String uri) {
		EndpointMeters endpoint = this.endpoints.get(uri);
		return (endpoint != null) ? endpoint : this.endpoints.computeIfAbsent(uri, this::register);
	}

	private EndpointMeters register(String uri) {
		EndpointMeters endpoint = new EndpointMeters();
		FunctionCounter.builder(PREFIX + "data.received", endpoint.bytesReceived, LongAdder::sum)
			.description("Request bytes received")
			.baseUnit("bytes")
			.tag("uri", uri)
			.register(this.registry);
		FunctionCounter.builder(PREFIX + "data.sent", endpoint.bytesSent, LongAdder::sum)
			.description("Response bytes sent")
			.baseUnit("bytes")
			.tag("uri", uri)
			.register(this.registry);
		FunctionCounter.builder(PREFIX + "errors", endpoint.errors, LongAdder::sum)
			.description("Requests that failed at the connection")
			.tag("uri", uri)
			.register(this.registry);
		FunctionTimer
			.builder(PREFIX + "data.received.time", endpoint, (meters) -> meters.reads.sum(),
					(meters) -> meters.readNanos.sum(), TimeUnit.NANOSECONDS)
			.description("Time to receive a whole request")
			.tag("uri", uri)
			.register(this.registry);
		return endpoint;
	}

	private static final class EndpointMeters {

		final LongAdder bytesReceived = new LongAdder();

		final LongAdder bytesSent = new LongAdder();

		final LongAdder errors = new LongAdder();

		final LongAdder reads = new LongAdder();

		final LongAdder readNanos = new LongAdder();

	}

}
