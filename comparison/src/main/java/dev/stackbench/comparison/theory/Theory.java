package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.gatling.simulation.DatabaseSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;
import dev.stackbench.gatling.simulation.LittlesLaw;
import dev.stackbench.gatling.simulation.OverloadPhases;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * What theory says the results should show, and whether they do: Little's-law bounds for
 * the scenarios that wait, and a short list of claims, each held or not held with its
 * numbers.
 */
public final class Theory {

	/**
	 * How far apart two stacks' throughputs may be and still count as about the same: the
	 * spread this noisy machine shows between runs of one stack.
	 */
	public static final double SAME_THROUGHPUT = 0.15;

	/** How close to its Little's-law bound a stack that does not block must come. */
	public static final double NON_BLOCKING_SHARE_OF_BOUND = 0.8;

	/**
	 * The slowest a plain request may be answered while slow ones are in flight, on a
	 * stack that does not block.
	 */
	public static final int RESPONSIVE_MILLIS = 50;

	/**
	 * The slowest a probe on a new connection may be while thousands of idle ones are
	 * open: a connect and a plain page, on a loaded machine.
	 */
	public static final int IDLE_PROBE_MILLIS = 1000;

	/**
	 * Slack on a cap before it counts as broken: the machine is noisy, and the cap is an
	 * upper bound anyway.
	 */
	private static final double CAP_SLACK = 1.1;

	private Theory() {
	}

	/**
	 * The same results analysed: theory's claims, checked on each stack's median run of
	 * each scenario, and every headline figure's spread over the runs.
	 */
	public static ComparisonResults analysed(ComparisonResults results) {
		return new ComparisonResults(results.schemaVersion(), results.preset(), results.repeat(), results.started(),
				results.finished(), results.environment(), results.stacks(), results.scenarios(), results.tuning(),
				results.results(), claims(results.medianRuns(), results.tuning()), Headlines.figures(results),
				results.warmUps(), results.idleFootprints());
	}

	/**
	 * The most requests a second the scenario allows if the server never makes a request
	 * wait for another.
	 */
	public static OptionalDouble bound(ScenarioResult result) {
		return switch (result.kind()) {
			case CONCURRENT_WAIT -> {
				LoadShape.Steps steps = (LoadShape.Steps) result.scenario().load();
				yield OptionalDouble.of(LittlesLaw.throughputBound(steps.users().getFirst(), steps.delayMillis()));
			}
			case ARRIVAL_RATE -> OptionalDouble.of(((LoadShape.ArrivalRate) result.scenario().load()).rate());
			case DATABASE -> poolBound(result);
			default -> OptionalDouble.empty();
		};
	}

	/**
	 * The pool's Little's-law bound, connections / query time, from the pool size the
	 * app's own meters reported; empty where they did not.
	 */
	public static OptionalDouble poolBound(ScenarioResult result) {
		int connections = result.app().pool().size();
		return (connections > 0) ? OptionalDouble
			.of(LittlesLaw.throughputBound(connections, ((LoadShape.Database) result.scenario().load()).delayMillis()))
				: OptionalDouble.empty();
	}

	public static OptionalDouble ratioToBound(ScenarioResult result) {
		OptionalDouble bound = bound(result);
		Optional<RequestStats> headline = result.headline();
		return (bound.isPresent() && headline.isPresent())
				? OptionalDouble.of(headline.get().throughput() / bound.getAsDouble()) : OptionalDouble.empty();
	}

	/**
	 * A TLS 1.3 handshake adds to a plain connection's accept, read and close at least a
	 * key agreement (X25519) on the server and, unless the client resumes its session, a
	 * certificate signature (ECDSA P-256), each of which costs the JDK tens to hundreds
	 * of microseconds, where accepting and closing a socket costs tens: at least three
	 * times. A claim that fails says the handshake cost less than that theory.
	 */
	static final int TLS_HANDSHAKE_FACTOR = 3;

	public static List<Claim> claims(List<ScenarioResult> results, Map<String, Map<String, Object>> tuning) {
		List<Claim> claims = new ArrayList<>();
		for (ScenarioResult result : results) {
			switch (result.kind()) {
				case CONCURRENT_WAIT -> {
					Map<String, Object> knobs = tuning.getOrDefault(result.stack().id(), Map.of());
					claims.add(concurrentWait(result, knobs));
					responsiveness(result, knobs).ifPresent(claims::add);
				}
				case ARRIVAL_RATE -> claims.add(arrivalRate(result));
				case DATABASE -> {
					poolIsTheBottleneck(result).ifPresent(claims::add);
					sameAsPlatformThreads(result, results).ifPresent(claims::add);
				}
				case KEEP_ALIVE -> {
					keepAlive(result).ifPresent(claims::add);
					handshakeCost(result, results).ifPresent(claims::add);
				}
				case MULTIPLEXING ->
					multiplexing(result, tuning.getOrDefault(result.stack().id(), Map.of())).ifPresent(claims::add);
				case CONNECTION_FLOOD -> claims.add(connectionFlood(result));
				case IDLE_CONNECTIONS -> claims.add(idleConnections(result));
				case OVERLOAD -> overload(result).ifPresent(claims::add);
				case SOAK -> claims.add(soak(result));
				case FAILOVER -> claims.addAll(failover(result));
				default -> {
				}
			}
		}
		return claims;
	}

	private static Claim concurrentWait(ScenarioResult result, Map<String, Object> knobs) {
		LoadShape.Steps steps = (LoadShape.Steps) result.scenario().load();
		double delay = steps.delayMillis();
		int users = steps.users().getFirst();
		double bound = bound(result).orElseThrow();
		double throughput = result.headline().map(RequestStats::throughput).orElse(0.0);
		Optional<Integer> workers = workers(knobs);
		if (workers.isPresent() && workers.get() < users) {
			double cap = LittlesLaw.throughputBound(workers.get(), delay);
			return new Claim(format(Locale.ROOT,
					"%s: with %d request threads and %.0f ms per request, throughput is capped at threads / delay = "
							+ "%.0f req/s, below the bound of %.0f req/s",
					result.stack().id(), workers.get(), delay, cap, bound), throughput <= cap * CAP_SLACK,
					format(Locale.ROOT, "%.0f req/s measured at %d concurrent requests (%.0f%% of the cap)", throughput,
							users, 100 * throughput / cap));
		}
		return new Claim(format(Locale.ROOT,
				"%s: at %d concurrent slow requests (%.0f ms each), it reaches at least %.0f%% of the Little's-law "
						+ "bound of %.0f req/s",
				result.stack().id(), users, delay, 100 * NON_BLOCKING_SHARE_OF_BOUND, bound),
				throughput >= NON_BLOCKING_SHARE_OF_BOUND * bound,
				format(Locale.ROOT, "%.0f req/s = %.0f%% of the bound", throughput, 100 * throughput / bound));
	}

	/**
	 * With a query that holds a pooled connection and many more users than connections,
	 * the pool is the bottleneck on any stack: every connection busy, requests waiting
	 * for one, and throughput within connections / query time. Below the bound by what a
	 * connection is held beyond the query's wait (the round trip, the app's own work
	 * while it holds it), which the evidence gives as the hold time Little's law implies.
	 */
	private static Optional<Claim> poolIsTheBottleneck(ScenarioResult result) {
		OptionalDouble bound = poolBound(result);
		Optional<RequestStats> closed = result.row(DatabaseSimulation.CLOSED);
		if (bound.isEmpty() || closed.isEmpty()) {
			return Optional.empty();
		}
		LoadShape.Database load = (LoadShape.Database) result.scenario().load();
		AppMetrics.Pool pool = result.app().pool();
		double throughput = closed.get().throughput();
		boolean saturated = pool.maxActive() >= pool.size() && pool.maxPending() > 0;
		return Optional.of(new Claim(
				format(Locale.ROOT,
						"%s: %d users on a %d ms query share %d pooled connections: the pool is the bottleneck (every "
								+ "connection busy, requests waiting for one) and throughput stays within its bound, "
								+ "connections / query time = %.0f req/s",
						result.stack().id(), load.users(), load.delayMillis(), pool.size(), bound.getAsDouble()),
				saturated && throughput <= bound.getAsDouble() * CAP_SLACK,
				format(Locale.ROOT,
						"%.0f req/s = %.0f%% of the bound, so each connection was held %.1f ms per %d ms query; "
								+ "%d of %d connections busy at most, up to %d requests waiting for one",
						throughput, 100 * throughput / bound.getAsDouble(), 1000.0 * pool.size() / throughput,
						load.delayMillis(), pool.maxActive(), pool.size(), pool.maxPending())));
	}

	/**
	 * Where the pool is the bottleneck the serving model no longer decides: virtual
	 * threads and event loops serve about what platform threads do, within
	 * {@link #SAME_THROUGHPUT}.
	 */
	private static Optional<Claim> sameAsPlatformThreads(ScenarioResult result, List<ScenarioResult> results) {
		if (result.stack() == ServingModel.PLATFORM) {
			return Optional.empty();
		}
		Optional<RequestStats> closed = result.row(DatabaseSimulation.CLOSED);
		Optional<RequestStats> platform = results.stream()
			.filter((other) -> other.stack() == ServingModel.PLATFORM
					&& other.scenario().id().equals(result.scenario().id()))
			.findFirst()
			.flatMap((other) -> other.row(DatabaseSimulation.CLOSED));
		if (closed.isEmpty() || platform.isEmpty() || platform.get().throughput() <= 0) {
			return Optional.empty();
		}
		double ratio = closed.get().throughput() / platform.get().throughput();
		return Optional.of(new Claim(format(Locale.ROOT,
				"%s: with the pool as the bottleneck, it reaches about the throughput of platform threads (within "
						+ "%.0f%%)",
				result.stack().id(), 100 * SAME_THROUGHPUT), Math.abs(ratio - 1) <= SAME_THROUGHPUT,
				format(Locale.ROOT, "%.0f req/s against platform's %.0f req/s (%+.0f%%)", closed.get().throughput(),
						platform.get().throughput(), 100 * (ratio - 1))));
	}

	/**
	 * A stack that waits without holding a thread per request must still answer an
	 * unrelated plain request promptly while every user waits on a slow one: its slowest
	 * probe under {@link #RESPONSIVE_MILLIS}. A stack whose threads are all taken by the
	 * load makes no such claim; its probe row shows the wait for a thread.
	 */
	private static Optional<Claim> responsiveness(ScenarioResult result, Map<String, Object> knobs) {
		int users = ((LoadShape.Steps) result.scenario().load()).users().getFirst();
		Optional<Integer> workers = workers(knobs);
		Optional<RequestStats> probe = result.probe();
		if (probe.isEmpty() || (workers.isPresent() && workers.get() <= users)) {
			return Optional.empty();
		}
		RequestStats row = probe.get();
		return Optional.of(new Claim(
				format(Locale.ROOT,
						"%s: while %d slow requests are in flight, a plain request is still answered within %d ms",
						result.stack().id(), users, RESPONSIVE_MILLIS),
				row.ko() == 0 && row.max() < RESPONSIVE_MILLIS,
				format(Locale.ROOT, "%d probes: p50 %d ms, p99 %d ms, max %d ms, %d failed", row.count(), row.p50(),
						row.p99(), row.max(), row.ko())));
	}

	/**
	 * A thread-per-request stack has as many concurrent workers as request threads; the
	 * others are not capped.
	 */
	private static Optional<Integer> workers(Map<String, Object> knobs) {
		boolean virtual = Boolean.TRUE.equals(knobs.get("virtual-threads"));
		return (knobs.get("threads.max") instanceof Number threads && !virtual) ? Optional.of(threads.intValue())
				: Optional.empty();
	}

	private static Claim arrivalRate(ScenarioResult result) {
		double rate = bound(result).orElseThrow();
		double delay = ((LoadShape.ArrivalRate) result.scenario().load()).delay();
		RequestStats row = result.headline().orElseThrow();
		return new Claim(
				format(Locale.ROOT,
						"%s: keeps up with %.0f req/s arriving on a %.0f ms page, which needs %.0f requests in flight",
						result.stack().id(), rate, delay, LittlesLaw.concurrency(rate, delay)),
				row.throughput() >= 0.9 * rate && row.ko() == 0,
				format(Locale.ROOT, "%.0f req/s, p95 %d ms, %d failed", row.throughput(), row.p95(), row.ko()));
	}

	private static Optional<Claim> keepAlive(ScenarioResult result) {
		Optional<RequestStats> keepAlive = result.row(KeepAliveSimulation.KEEP_ALIVE);
		Optional<RequestStats> close = result.row(KeepAliveSimulation.NEW_CONNECTION);
		if (keepAlive.isEmpty() || close.isEmpty()) {
			return Optional.empty();
		}
		double before = keepAlive.get().throughput();
		double after = close.get().throughput();
		return Optional.of(new Claim(
				result.stack().id() + ": with Connection: close (a new connection per request), throughput drops",
				after < before,
				format(Locale.ROOT, "%.0f req/s with keep-alive, %.0f req/s with a new connection each (%+.0f%%)",
						before, after, 100 * (after - before) / before)));
	}

	/**
	 * What a new connection adds to a request's cost in the app's CPU, in microseconds: a
	 * keep-alive scenario's CPU per request with a new connection each, less its CPU per
	 * request with keep-alive. Over TLS that is the handshake.
	 */
	public static OptionalDouble connectionCpuMicros(ScenarioResult result) {
		OptionalDouble kept = result.appCpuMillisPer1000Requests(KeepAliveSimulation.KEEP_ALIVE);
		OptionalDouble fresh = result.appCpuMillisPer1000Requests(KeepAliveSimulation.NEW_CONNECTION);
		// Milliseconds per thousand requests are microseconds per request.
		return (kept.isPresent() && fresh.isPresent()) ? OptionalDouble.of(fresh.getAsDouble() - kept.getAsDouble())
				: OptionalDouble.empty();
	}

	/**
	 * A TLS keep-alive scenario beside the plain one of the same stack and run: a new TLS
	 * connection costs the app at least {@link #TLS_HANDSHAKE_FACTOR} times a plain one.
	 */
	private static Optional<Claim> handshakeCost(ScenarioResult tls, List<ScenarioResult> results) {
		if (tls.scenario().transport() != Scenario.Transport.TLS) {
			return Optional.empty();
		}
		// The same run's where there is one; claims are drawn from each scenario's median
		// run, which need not be the same run for both scenarios.
		Optional<ScenarioResult> plain = results.stream()
			.filter((result) -> result.kind() == Scenario.Kind.KEEP_ALIVE
					&& result.scenario().transport() == Scenario.Transport.PLAIN && result.stack() == tls.stack())
			.min(Comparator.comparingInt((result) -> (result.run() == tls.run()) ? 0 : 1));
		OptionalDouble tlsCost = connectionCpuMicros(tls);
		OptionalDouble plainCost = plain.map(Theory::connectionCpuMicros).orElse(OptionalDouble.empty());
		if (tlsCost.isEmpty() || plainCost.isEmpty()) {
			return Optional.empty();
		}
		double factor = tlsCost.getAsDouble() / plainCost.getAsDouble();
		return Optional.of(new Claim(
				format(Locale.ROOT, "%s: a new TLS connection per request costs the app at least %d times a plain one",
						tls.stack().id(), TLS_HANDSHAKE_FACTOR),
				plainCost.getAsDouble() > 0 && factor >= TLS_HANDSHAKE_FACTOR,
				format(Locale.ROOT,
						"a new connection adds %.0f µs of app CPU per request over TLS, %.0f µs plain (%.1f×); "
								+ "with a new connection each, %.0f req/s over TLS against %.0f plain",
						tlsCost.getAsDouble(), plainCost.getAsDouble(), factor,
						tls.row(KeepAliveSimulation.NEW_CONNECTION).map(RequestStats::throughput).orElse(0.0),
						plain.get()
							.row(KeepAliveSimulation.NEW_CONNECTION)
							.map(RequestStats::throughput)
							.orElse(0.0))));
	}

	/**
	 * HTTP/2 on the waiting page: the same users served as over HTTP/1.1 (within 5%),
	 * with nothing failed, on a tenth of the connections HTTP/1.1 needs (one per user) or
	 * fewer. Either protocol's throughput is bound by users / delay.
	 */
	private static Optional<Claim> multiplexing(ScenarioResult result, Map<String, Object> knobs) {
		LoadShape.Multiplexing load = (LoadShape.Multiplexing) result.scenario().load();
		Optional<String> slow = load.paths().stream().filter((path) -> path.contains("delay=")).findFirst();
		if (slow.isEmpty()) {
			return Optional.empty();
		}
		String http2 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, slow.get());
		String http1 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP1, slow.get());
		Optional<RequestStats> row = result.row(http2);
		Optional<RequestStats> http1Row = result.row(http1);
		Optional<PhaseResult> phase = result.phase(http2);
		if (row.isEmpty() || http1Row.isEmpty() || phase.isEmpty()) {
			return Optional.empty();
		}
		int streams = ((Number) knobs.getOrDefault("http2.max-concurrent-streams", 100)).intValue();
		// At least users / streams connections; a client opens a few more while its first
		// ones are being set up (Gatling: 4 or 5 for 200 users ramped over a second), so
		// the claim allows a tenth of HTTP/1.1's one per user.
		int allowed = Math.max((load.users() + streams - 1) / streams + 1, load.users() / 10);
		double bound = LittlesLaw.throughputBound(load.users(), LoadShape.delayMillis(slow.get()));
		int connections = phase.get().app().maxConnections();
		return Optional.of(new Claim(
				format(Locale.ROOT,
						"%s: HTTP/2 serves %d users on %s as HTTP/1.1 does (within 5%%) on at most %d connections "
								+ "(%d streams each), where HTTP/1.1 needs one per user",
						result.stack().id(), load.users(), slow.get(), allowed, streams),
				row.get().throughput() >= 0.95 * http1Row.get().throughput() && row.get().ko() == 0 && connections > 0
						&& connections <= allowed,
				format(Locale.ROOT, "HTTP/2: %.0f req/s on %d connections; HTTP/1.1: %.0f req/s on %d (bound %.0f)",
						row.get().throughput(), connections, http1Row.get().throughput(),
						result.phase(http1).map((other) -> other.app().maxConnections()).orElse(-1), bound)));
	}

	/**
	 * C10k as idle connections: every one answered and held open, and a new client
	 * answered at once meanwhile (its slowest probe under a second: accepting and one
	 * plain request, with no connection limit or thread in the way).
	 */
	private static Claim idleConnections(ScenarioResult result) {
		LoadShape.IdleConnections idle = (LoadShape.IdleConnections) result.scenario().load();
		long answered = result.requests()
			.stream()
			.filter((row) -> !ThroughputSimulation.isProbe(row.name()))
			.mapToLong(RequestStats::ok)
			.sum();
		Optional<RequestStats> probe = result.probe();
		boolean probed = probe.isPresent() && probe.get().count() > 0 && probe.get().ko() == 0
				&& probe.get().max() < IDLE_PROBE_MILLIS;
		String probes = probe
			.map((row) -> format(Locale.ROOT, "%d probes: p50 %d ms, p99 %d ms, max %d ms, %d failed", row.count(),
					row.p50(), row.p99(), row.max(), row.ko()))
			.orElse("no probe answered");
		return new Claim(
				format(Locale.ROOT,
						"%s: a new client is answered within %d ms while %d idle keep-alive connections are open",
						result.stack().id(), IDLE_PROBE_MILLIS, idle.connections()),
				answered == idle.connections() && probed,
				format(Locale.ROOT, "%d of %d idle connections answered, %d open at the server's peak; %s", answered,
						idle.connections(), result.app().maxConnections(), probes));
	}

	private static Claim connectionFlood(ScenarioResult result) {
		LoadShape.ConnectionFlood flood = (LoadShape.ConnectionFlood) result.scenario().load();
		int connections = flood.connections();
		long ok = result.requests().stream().mapToLong(RequestStats::ok).sum();
		String errors = inWords(result.errors());
		return new Claim(
				format(Locale.ROOT, "%s: holds %d concurrent connections, each waiting on a %d ms request (C10k)",
						result.stack().id(), connections, flood.delay()),
				ok == connections,
				format(Locale.ROOT, "%d of %d answered, %d failed, %d unanswered when time ran out; %s", ok,
						connections, result.failedRequests(), result.unansweredRequests(), errors));
	}

	private static Optional<Claim> overload(ScenarioResult result) {
		Optional<RequestStats> baseline = result.row(OverloadPhases.BASELINE);
		if (baseline.isEmpty()) {
			return Optional.empty();
		}
		int tolerated = Math.max(2 * baseline.get().p95(), baseline.get().p95() + 50);
		Optional<Long> recoveredAfter = result.requests()
			.stream()
			.filter((row) -> OverloadPhases.windowStartSeconds(row.name()) >= 0)
			.sorted(Comparator.comparingLong((RequestStats row) -> OverloadPhases.windowStartSeconds(row.name())))
			.filter((row) -> row.p95() <= tolerated && row.ko() == 0)
			.map((row) -> OverloadPhases.windowStartSeconds(row.name()))
			.findFirst();
		long overloadFailures = result.row(OverloadPhases.OVERLOAD).map(RequestStats::ko).orElse(0L);
		return Optional.of(new Claim(result.stack().id() + ": after an overload, latency comes back to its baseline",
				recoveredAfter.isPresent(),
				format(Locale.ROOT, "baseline p95 %d ms; %s; %d requests failed during the overload",
						baseline.get().p95(),
						recoveredAfter
							.map((seconds) -> "back within " + tolerated + " ms in the window starting " + seconds
									+ " s after it")
							.orElse("not back within " + tolerated + " ms by the end of the run"),
						overloadFailures)));
	}

	/**
	 * Heap after GC may settle a little as caches fill; more than this from start to end
	 * is kept memory.
	 */
	private static final double SOAK_HEAP_GROWTH = 1.2;

	private static Claim soak(ScenarioResult result) {
		AppMetrics app = result.app();
		boolean heapSteady = app.heapAfterGcAtEndMegabytes() <= SOAK_HEAP_GROWTH * app.heapAfterGcAtStartMegabytes();
		return new Claim(
				result.stack().id() + ": under a long mixed load, no request fails and heap after GC does not grow",
				result.failedRequests() == 0 && heapSteady,
				format(Locale.ROOT, "%d requests, %d failed; heap after GC %.0f MB at the start, %.0f MB at the end",
						result.totalRequests(), result.failedRequests(), app.heapAfterGcAtStartMegabytes(),
						app.heapAfterGcAtEndMegabytes()));
	}

	/**
	 * A replica stopped behind the balancer: killed, it loses at most the requests it was
	 * serving (nginx sends the idempotent ones among them to another replica, and every
	 * later one goes elsewhere); stopped gracefully, it finishes what it has and loses
	 * nothing. Either way it serves again once started.
	 */
	static List<Claim> failover(ScenarioResult result) {
		List<Claim> claims = new ArrayList<>();
		for (PhaseResult phase : result.phases()) {
			Disruption stop = phase.disruption();
			if (stop == null) {
				continue;
			}
			int replicas = phase.app().replicas().requests().size();
			boolean graceful = LoadShape.Failover.graceful(stop.signal());
			long lostAtMost = graceful ? 0 : Math.max(0, (long) Math.floor(stop.inFlightAtStop()));
			String statement = graceful
					? format(Locale.ROOT,
							"%s: with %d replicas, stopping one gracefully (out of the balancer's rotation, then "
									+ "SIGTERM) loses no request, and it serves again once started",
							result.stack().id(), replicas)
					: format(Locale.ROOT,
							"%s: with %d replicas, killing one (SIGKILL) loses at most the requests it had in flight, "
									+ "and it serves again once started",
							result.stack().id(), replicas);
			claims.add(new Claim(statement, stop.failed() <= lostAtMost && stop.tookTrafficAgain(),
					format(Locale.ROOT,
							"%d failed (%s) with %.0f in flight at the %s; drained in %.1f s, exited in %.1f s; "
									+ "started again at %.0f s, "
									+ "healthy after %.1f s, %s; slowest answer %d ms around the stop, %d ms around "
									+ "its return, p99 %d ms before",
							stop.failed(), inWords(stop.errors()), stop.inFlightAtStop(), stop.signal(),
							stop.drainSeconds(), stop.exitSeconds(), stop.restartedAtSecond(),
							stop.healthyAfterSeconds(),
							stop.tookTrafficAgain()
									? format(Locale.ROOT, "serving again after %.1f s", stop.trafficAfterSeconds())
									: "no request reached it again",
							stop.maxAroundStopMillis(), stop.maxAroundRestartMillis(), stop.p99BeforeMillis())));
		}
		return claims;
	}

	/** Errors by kind, as Gatling words them, with their counts. */
	private static String inWords(List<ErrorCount> errors) {
		return errors.isEmpty() ? "no errors"
				: errors.stream().map(ErrorCount::inWords).collect(Collectors.joining("; "));
	}

}
