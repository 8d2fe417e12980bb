package dev.stackbench.comparison.result;

import static dev.stackbench.comparison.result.Scenario.Kind.ARRIVAL_RATE;
import static dev.stackbench.comparison.result.Scenario.Kind.CAPACITY;
import static dev.stackbench.comparison.result.Scenario.Kind.CONCURRENCY_STEPS;
import static dev.stackbench.comparison.result.Scenario.Kind.CONCURRENT_WAIT;
import static dev.stackbench.comparison.result.Scenario.Kind.CONNECTION_FLOOD;
import static dev.stackbench.comparison.result.Scenario.Kind.DATABASE;
import static dev.stackbench.comparison.result.Scenario.Kind.FAILOVER;
import static dev.stackbench.comparison.result.Scenario.Kind.IDLE_CONNECTIONS;
import static dev.stackbench.comparison.result.Scenario.Kind.KEEP_ALIVE;
import static dev.stackbench.comparison.result.Scenario.Kind.MULTIPLEXING;
import static dev.stackbench.comparison.result.Scenario.Kind.OVERLOAD;
import static dev.stackbench.comparison.result.Scenario.Kind.SMOKE;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.stackbench.comparison.result.LoadShape.ArrivalRate;
import dev.stackbench.comparison.result.LoadShape.Capacity;
import dev.stackbench.comparison.result.LoadShape.ConnectionFlood;
import dev.stackbench.comparison.result.LoadShape.Database;
import dev.stackbench.comparison.result.LoadShape.Failover;
import dev.stackbench.comparison.result.LoadShape.IdleConnections;
import dev.stackbench.comparison.result.LoadShape.KeepAlive;
import dev.stackbench.comparison.result.LoadShape.Multiplexing;
import dev.stackbench.comparison.result.LoadShape.Overload;
import dev.stackbench.comparison.result.LoadShape.Smoke;
import dev.stackbench.comparison.result.LoadShape.Soak;
import dev.stackbench.comparison.result.LoadShape.Steps;
import dev.stackbench.comparison.result.Scenario.Kind;
import dev.stackbench.comparison.result.Scenario.Transport;

/**
 * A named set of scenarios and their sizes. {@code quick} fits a workshop (under eight
 * minutes for three stacks), {@code standard} adds the slow page's capacity, the C10k,
 * open-model, CPU, CGI, downstream, database and overload runs (about twenty minutes),
 * {@code ci} checks that the apps hold up under load with assertions, fast (over TLS
 * too); {@code soak} looks for drift over ten minutes of mixed load.
 */
public enum Preset {

	// Shorter steps than standard's, a shorter warm-up and a coarser capacity search
	// (doubling the rate), so that the whole comparison, build included, stays under
	// eight minutes here.
	QUICK(40, List.of(
			new Scenario("throughput", CONCURRENCY_STEPS,
					new Steps("/api/hello", List.of(1, 8, 32, 128, 512), 4, 2000)),
			new Scenario("concurrent-slow", CONCURRENT_WAIT, new Steps("/api/slow?delay=500", List.of(1000), 10, 5000)),
			new Scenario("keep-alive", KEEP_ALIVE, new KeepAlive("/api/hello", 16, 4, 2000)),
			// An open model on the plain page: 1,000 req/s, doubled each step up to
			// 8,000, past which this machine's load generator gives out (it runs out of
			// its 20,000 file descriptors at 16,000 arrivals a second).
			new Scenario("capacity", CAPACITY, new Capacity("/api/hello", 25, 5, 1000, 2, 4)))),

	STANDARD(90, List.of(
			new Scenario("throughput", CONCURRENCY_STEPS,
					new Steps("/api/hello", List.of(1, 8, 32, 128, 512), 8, 2000)),
			new Scenario("cpu", CONCURRENCY_STEPS, new Steps("/api/cpu?work=20000", List.of(1, 2, 8, 32), 6, 2000)),
			new Scenario("concurrent-slow", CONCURRENT_WAIT, new Steps("/api/slow?delay=500", List.of(1000), 15, 5000)),
			// The slow page again, but each request a real process (sh and a sleep
			// child): the server's model no longer decides alone, the machine's cost of a
			// process does. Within the 256 process slots. A probe asks for /api/hello
			// meanwhile: starting and reaping 200 processes a second must not stall a
			// non-blocking stack.
			new Scenario("cgi", CONCURRENT_WAIT,
					new Steps("/api/cgi/slow.cgi?delay=1000", List.of(200), 15, 5000, 0, "/api/hello")),
			// Ten parallel calls of 100 ms to a downstream service per request, which the
			// comparison starts.
			new Scenario("downstream", CONCURRENCY_STEPS,
					new Steps("/api/downstream?calls=10&delay=100", List.of(500), 15, 10000)),
			new Scenario("slow-rate", ARRIVAL_RATE, new ArrivalRate(300, 1000, 15, 1000)),
			// The pool as the bottleneck: 1,000 users on a 10 ms query share 10
			// connections (a bound of 1,000 req/s), then 1,200 arrivals a second for 8 s,
			// whose queue for a connection grows past the 5 s acquire timeout. Not more:
			// at 1,500 a second for 15 s the virtual-thread app held 15,000 requests at
			// once, about 70 KB each (Tomcat's buffers, the thread's stack), and ran out
			// of
			// its 1 GiB heap.
			new Scenario("db", DATABASE, new Database("/api/db/query?delay=10", 1000, 15, 1200, 8)),
			// TechEmpower's fortunes at its 256 concurrent clients, to set beside that
			// benchmark.
			new Scenario("db-fortunes", CONCURRENCY_STEPS, new Steps("/api/db/fortunes", List.of(256), 10, 5000)),
			new Scenario("keep-alive", KEEP_ALIVE, new KeepAlive("/api/hello", 16, 8, 2000)),
			// The same over TLS 1.3, on the app started again with TLS: set beside
			// keep-alive, the difference is what a handshake costs.
			new Scenario("tls-keep-alive", KEEP_ALIVE, new KeepAlive("/api/hello", 16, 8, 2000), Transport.TLS),
			// 200 users over HTTP/1.1 (a connection each) and over HTTP/2 (streams on
			// shared connections, at most 100 per connection): on the plain page and on a
			// page that waits 100 ms, whose bound is 200 / 0.1 s = 2,000 req/s either
			// way.
			new Scenario("h2", MULTIPLEXING,
					new Multiplexing(List.of("/api/hello", "/api/slow?delay=100"), 200, 8, 2000, ""), Transport.TLS),
			new Scenario("capacity", CAPACITY, new Capacity("/api/hello", 25, 8, 1000, 1.5, 12)),
			// The slow page's SLO is its delay plus 50 ms. Platform threads are capped at
			// 200 / 0.1 s = 2,000 req/s.
			new Scenario("capacity-slow", CAPACITY, new Capacity("/api/slow?delay=100", 150, 6, 250, 1.5, 14)),
			new Scenario("overload", OVERLOAD, new Overload(20000, 50, 1000, 6, 6, 8, 20, 5)),
			// C10k as idle keep-alive connections: 10,000 of them, each one request and
			// then open, together for 20 s (inside both servers' 60 s keep-alive
			// timeout);
			// a probe opens 5 new ones a second for the first 12 s, and the app's
			// footprint is read in the last 8.
			new Scenario("idle-connections", IDLE_CONNECTIONS, new IdleConnections(10_000, 20, 20, 12, 5, 5_000)),
			// Only with -Dreplicas=2 or more: 100 reads a second of a 200 ms page (about
			// 10
			// in flight on each of two replicas) and 100 writes a second through nginx;
			// the
			// last replica is stopped 10 s in and started again 8 s later, once killed
			// and
			// once stopped gracefully. The 45 s leave room for a JVM that takes 10 to 15
			// s
			// to start on a loaded machine.
			new Scenario("failover", FAILOVER, new Failover("/api/slow?delay=200", 100, 100, 45, 10, 18, "")),
			// Last: a thread pool keeps serving flood requests whose clients gave up, for
			// minutes after the run.
			new Scenario("connection-flood", CONNECTION_FLOOD, new ConnectionFlood(4000, 8, 10000, 20)))),

	/** Not for CI: ten minutes per stack. */
	SOAK(90, List.of(new Scenario("soak", Kind.SOAK, new Soak(200, 600)))),

	CI(12, List.of(new Scenario("smoke", SMOKE, new Smoke(3)),
			new Scenario("slow-rate", ARRIVAL_RATE, new ArrivalRate(50, 200, 8, 2000)),
			new Scenario("keep-alive", KEEP_ALIVE, new KeepAlive("/api/hello", 8, 3, 3000)),
			// The apps started again with TLS and HTTP/2, so that CI serves HTTPS under
			// load too.
			new Scenario("tls-keep-alive", KEEP_ALIVE, new KeepAlive("/api/hello", 8, 3, 3000), Transport.TLS)));

	private final int warmUpLimitSeconds;

	private final List<Scenario> scenarios;

	Preset(int warmUpLimitSeconds, List<Scenario> scenarios) {
		this.warmUpLimitSeconds = warmUpLimitSeconds;
		this.scenarios = scenarios;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The most seconds a freshly started app's plain page is warmed up for, however much
	 * its throughput still grows, so that the JIT has compiled the request path before
	 * anything is measured: the first scenario otherwise pays for compilation (measured
	 * here: twice the CPU per request). On one core it takes 40 to 60 s to settle.
	 */
	public int warmUpLimitSeconds() {
		return this.warmUpLimitSeconds;
	}

	public List<Scenario> scenarios() {
		return this.scenarios;
	}

	public static Preset of(String id) {
		return Arrays.stream(values())
			.filter((preset) -> preset.id().equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown preset '" + id + "'; choose from " + Arrays.stream(values()).map(Preset::id).toList()));
	}

	/**
	 * A scenario by id, from this preset or else from any preset, so a quick run can add
	 * a standard scenario.
	 */
	public Scenario scenario(String id) {
		return Stream.concat(this.scenarios.stream(), Arrays.stream(values()).flatMap((p) -> p.scenarios.stream()))
			.filter((scenario) -> scenario.id().equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; choose from "
					+ Arrays.stream(values())
						.flatMap((p) -> p.scenarios.stream())
						.map(Scenario::id)
						.distinct()
						.toList()));
	}

}
