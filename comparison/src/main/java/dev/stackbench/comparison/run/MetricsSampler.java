package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.DoubleSupplier;
import java.util.stream.DoubleStream;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.scenario.Measurement;

/**
 * Scrapes an app's Prometheus endpoint once a second while a scenario runs. It reads the
 * management port, which has its own threads on both stacks, so it keeps answering when
 * the request pool is saturated.
 */
final class MetricsSampler implements Measurement.Sampling {

	private static final Duration PERIOD = Duration.ofSeconds(1);

	/**
	 * The client of every app's management port, for the comparison's scrapes and its
	 * reading of {@code /actuator/info}: HTTP/1.1, as Prometheus scrapes, because the
	 * JDK's client otherwise asks to upgrade to h2c, which the management server of an
	 * app under its h2 profile accepts, and a scrape over that upgrade stalled for half a
	 * minute here.
	 */
	static final HttpClient MANAGEMENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * Requests an app served on its own port, counted by its own hook: one series per
	 * protocol, none for the management port's scrapes.
	 */
	static final String SERVED = "stackbench_requests_protocol_total";

	/** Every replica's endpoint, in replica order: one for a single app. */
	private final List<URI> endpoints;

	/**
	 * Each replica's scrapes that answered, in order: its counters are read from these.
	 */
	private final List<List<Prometheus>> replicaScrapes = new ArrayList<>();

	/**
	 * One scrape a second of every replica at once, merged: the gauges (threads,
	 * connections, heap, in flight) summed over the replicas that answered.
	 */
	private final List<Prometheus> scrapes = new ArrayList<>();

	/** The load balancer's CPU seconds so far, where one stands in front. */
	private final Optional<DoubleSupplier> balancerCpuSeconds;

	private final double balancerCpuAtStart;

	private final Thread sampler;

	private volatile boolean running = true;

	MetricsSampler(List<URI> endpoints, Optional<DoubleSupplier> balancerCpuSeconds) {
		this.endpoints = endpoints;
		endpoints.forEach((endpoint) -> this.replicaScrapes.add(new ArrayList<>()));
		this.balancerCpuSeconds = balancerCpuSeconds;
		this.balancerCpuAtStart = balancerCpuSeconds.map(DoubleSupplier::getAsDouble).orElse(0.0);
		scrape();
		this.sampler = Thread.ofPlatform().daemon().name("stackbench-metrics").start(this::sampleUntilClosed);
	}

	private void sampleUntilClosed() {
		while (this.running) {
			try {
				Thread.sleep(PERIOD);
			}
			catch (InterruptedException ex) {
				return;
			}
			scrape();
		}
	}

	/**
	 * Scrapes every replica once. A scrape missed under load, or of a replica that is
	 * down, is a gap in the samples, not a failed run.
	 */
	private void scrape() {
		List<Prometheus> answered = new ArrayList<>();
		for (int replica = 0; replica < this.endpoints.size(); replica++) {
			Optional<Prometheus> scrape = scrapeOnce(this.endpoints.get(replica));
			if (scrape.isPresent()) {
				answered.add(scrape.get());
				synchronized (this.scrapes) {
					this.replicaScrapes.get(replica).add(scrape.get());
				}
			}
		}
		if (!answered.isEmpty()) {
			synchronized (this.scrapes) {
				this.scrapes.add(Prometheus.merge(answered));
			}
		}
	}

	/**
	 * Requests the app is serving right now, from its in-flight gauge; 0 when it cannot
	 * be read.
	 */
	static double inFlight(URI endpoint) {
		return readOnce(endpoint, "http_server_requests_active");
	}

	/**
	 * CPU seconds the app's process has used since it started; 0 when it cannot be read.
	 */
	static double cpuSeconds(URI endpoint) {
		return readOnce(endpoint, "process_cpu_time_ns_total") / 1e9;
	}

	/**
	 * Requests the app is serving right now; empty when it cannot be read (where
	 * {@link #inFlight(URI)} reads 0).
	 */
	static OptionalDouble inFlightNow(URI endpoint) {
		return scrapeOnce(endpoint).map((scrape) -> scrape.sum("http_server_requests_active"))
			.orElse(OptionalDouble.empty());
	}

	/**
	 * Requests every replica is serving right now, summed; 0 for one that cannot be read.
	 */
	static double inFlight(List<URI> endpoints) {
		return endpoints.stream().mapToDouble(MetricsSampler::inFlight).sum();
	}

	/** CPU seconds every replica has used since it started, summed. */
	static double cpuSeconds(List<URI> endpoints) {
		return endpoints.stream().mapToDouble(MetricsSampler::cpuSeconds).sum();
	}

	/**
	 * Requests an app has served on its own port since it started; empty when it cannot
	 * be read.
	 */
	static OptionalDouble served(URI endpoint) {
		return scrapeOnce(endpoint).map((scrape) -> scrape.sum(SERVED)).orElse(OptionalDouble.empty());
	}

	private static double readOnce(URI endpoint, String metric) {
		return scrapeOnce(endpoint).map((scrape) -> scrape.sum(metric).orElse(0)).orElse(0.0);
	}

	/**
	 * One scrape of the app's metrics; empty when it cannot be read. A connection that
	 * fails (not one that times out) is tried once more: the client's pooled connection
	 * to a replica that was stopped and started again on the same port fails once before
	 * a new one is made, and a timeout is a saturated app, which a second try would only
	 * wait on again.
	 */
	static Optional<Prometheus> scrapeOnce(URI endpoint) {
		HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<String> response;
			try {
				response = MANAGEMENT.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (HttpTimeoutException ex) {
				return Optional.empty();
			}
			catch (IOException ex) {
				response = MANAGEMENT.send(request, HttpResponse.BodyHandlers.ofString());
			}
			if (response.statusCode() != 200) {
				return Optional.empty();
			}
			return Optional.of(Prometheus.parse(response.body()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Open connections the server counts now; empty when it cannot be read. */
	static OptionalDouble openConnections(URI endpoint) {
		return scrapeOnce(endpoint).map(MetricsSampler::connections).orElse(OptionalDouble.empty());
	}

	/** Stops sampling after one last scrape, and sums up what the scrapes saw. */
	@Override
	public AppMetrics finish() {
		close();
		scrape();
		synchronized (this.scrapes) {
			if (this.scrapes.size() < 2) {
				return AppMetrics.NONE;
			}
			Prometheus last = this.scrapes.getLast();
			int fifth = Math.max(1, this.scrapes.size() / 5);
			return new AppMetrics(increase("process_cpu_time_ns_total") / 1e9,
					(int) max((scrape) -> scrape.sum("jvm_threads_live_threads")),
					(int) last.sum("jvm_threads_peak_threads").orElse(-1),
					(int) max((scrape) -> scrape.sum("tomcat_threads_busy_threads")),
					(int) max((scrape) -> connections(scrape)), max(MetricsSampler::heap) / (1024 * 1024),
					(long) increase("jvm_gc_pause_seconds_count"), increase("jvm_gc_pause_seconds_sum"),
					lowestHeap(this.scrapes.subList(0, fifth)),
					lowestHeap(this.scrapes.subList(this.scrapes.size() - fifth, this.scrapes.size())),
					meanInFlight(this.scrapes), this.scrapes.size(), pool(last), replicas());
		}
	}

	/**
	 * What each replica served and the balancer's CPU, behind a balancer; none for a
	 * single app.
	 */
	private AppMetrics.Replicas replicas() {
		if (this.balancerCpuSeconds.isEmpty()) {
			return AppMetrics.Replicas.NONE;
		}
		return new AppMetrics.Replicas(
				this.replicaScrapes.stream().map((scrapes) -> Math.round(increase(scrapes, SERVED))).toList(),
				this.balancerCpuSeconds.get().getAsDouble() - this.balancerCpuAtStart);
	}

	/**
	 * How much a counter grew over the sampling, summed over the replicas, each read on
	 * its own: a replica restarted meanwhile counts from 0 again, which the sum of its
	 * rises sees, as PromQL's {@code increase} does, where last minus first would not.
	 */
	private double increase(String counter) {
		return this.replicaScrapes.stream().mapToDouble((scrapes) -> increase(scrapes, counter)).sum();
	}

	static double increase(List<Prometheus> scrapes, String counter) {
		double increase = 0;
		for (int index = 1; index < scrapes.size(); index++) {
			double before = scrapes.get(index - 1).sum(counter).orElse(0);
			double now = scrapes.get(index).sum(counter).orElse(0);
			increase += (now >= before) ? now - before : now;
		}
		return increase;
	}

	/**
	 * The pool's meters over the scrapes, HikariCP's where the app has them, otherwise
	 * r2dbc-pool's.
	 */
	private AppMetrics.Pool pool(Prometheus last) {
		PoolMeters meters = last.sum(PoolMeters.HIKARI.size()).isPresent() ? PoolMeters.HIKARI : PoolMeters.R2DBC;
		if (last.sum(meters.size()).isEmpty()) {
			return AppMetrics.Pool.NONE;
		}
		boolean hikari = meters == PoolMeters.HIKARI;
		double acquires = increase("hikaricp_connections_acquire_seconds_count");
		double acquireSeconds = increase("hikaricp_connections_acquire_seconds_sum");
		long timeouts = (long) increase("hikaricp_connections_timeout_total");
		return new AppMetrics.Pool((int) last.sum(meters.size()).getAsDouble(),
				(int) max((scrape) -> scrape.sum(meters.active())), (int) min((scrape) -> scrape.sum(meters.idle())),
				(int) max((scrape) -> scrape.sum(meters.pending())),
				(hikari && acquires > 0) ? 1000 * acquireSeconds / acquires : -1, hikari ? timeouts : -1);
	}

	/**
	 * What each pool library names its gauges; only HikariCP also times acquisitions and
	 * counts their timeouts.
	 */
	private record PoolMeters(String size, String active, String idle, String pending) {

		static final PoolMeters HIKARI = new PoolMeters("hikaricp_connections_max", "hikaricp_connections_active",
				"hikaricp_connections_idle", "hikaricp_connections_pending");

		static final PoolMeters R2DBC = new PoolMeters("r2dbc_pool_max_allocated_connections",
				"r2dbc_pool_acquired_connections", "r2dbc_pool_idle_connections", "r2dbc_pool_pending_connections");

	}

	/**
	 * The mean of the in-flight gauge from the first scrape that saw a request to the
	 * last: the scrapes before the load started and after it ended would only dilute it.
	 * 0 when no scrape saw one.
	 */
	static double meanInFlight(List<Prometheus> scrapes) {
		double[] inFlight = scrapes.stream()
			.mapToDouble((scrape) -> scrape.sum("http_server_requests_active").orElse(0))
			.toArray();
		int first = 0;
		int last = inFlight.length - 1;
		while (first <= last && inFlight[first] <= 0) {
			first++;
		}
		while (last >= first && inFlight[last] <= 0) {
			last--;
		}
		return Arrays.stream(inFlight, first, last + 1).average().orElse(0);
	}

	private static double lowestHeap(List<Prometheus> scrapes) {
		return scrapes.stream()
			.map(MetricsSampler::heap)
			.filter(OptionalDouble::isPresent)
			.mapToDouble(OptionalDouble::getAsDouble)
			.min()
			.orElse(-1) / (1024 * 1024);
	}

	private static OptionalDouble heap(Prometheus scrape) {
		return scrape.sum("jvm_memory_used_bytes", "area=\"heap\"");
	}

	private static OptionalDouble connections(Prometheus scrape) {
		OptionalDouble tomcat = scrape.sum("tomcat_connections_current_connections");
		// Open connections on both: Reactor Netty's _active counts only those in the
		// middle of a request.
		return tomcat.isPresent() ? tomcat : scrape.sum("reactor_netty_http_server_connections");
	}

	private double max(Function<Prometheus, OptionalDouble> metric) {
		return readings(metric).max().orElse(-1);
	}

	private double min(Function<Prometheus, OptionalDouble> metric) {
		return readings(metric).min().orElse(-1);
	}

	/** The metric in every scrape that has it. */
	private DoubleStream readings(Function<Prometheus, OptionalDouble> metric) {
		return this.scrapes.stream()
			.map(metric)
			.filter(OptionalDouble::isPresent)
			.mapToDouble(OptionalDouble::getAsDouble);
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
