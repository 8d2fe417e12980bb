package dev.stackbench.comparison.theory;

import java.util.List;
import dev.stackbench.comparison.scenario.ScenarioType;
import dev.stackbench.comparison.scenario.ScenarioTypes;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import dev.stackbench.gatling.simulation.SoakSimulation;
import dev.stackbench.gatling.simulation.IdleConnectionsSimulation;
import java.util.Map;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.gatling.simulation.DatabaseSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TheoryTests {

	private final ComparisonResults comparison = Fixtures.comparison();

	@Test
	void platformThreadsAreCappedAtThreadsOverDelay() {
		Claim claim = claim("platform: with 200 request threads");
		assertThat(claim.statement()).contains("capped at threads / delay = 400 req/s");
		assertThat(claim.held()).isTrue();
		assertThat(claim.evidence()).contains("395 req/s");
	}

	@Test
	void aStackThatDoesNotBlockMustReachEightyPercentOfTheBound() {
		assertThat(claim("virtual: at 1000 concurrent slow requests").held()).isTrue();
		Claim reactive = claim("reactive: at 1000 concurrent slow requests");
		assertThat(reactive.held()).isFalse();
		assertThat(reactive.evidence()).isEqualTo("1500 req/s = 75% of the bound");
	}

	@Test
	void connectionCloseMustCostThroughput() {
		assertThat(claim("platform: with Connection: close").held()).isTrue();
		assertThat(claim("platform: with Connection: close").evidence()).contains("-60%");
		assertThat(claim("reactive: with Connection: close").held()).isFalse();
	}

	@Test
	void aFloodHoldsOnlyWhenEveryConnectionIsAnswered() {
		Claim platform = claim("platform: holds 4000 concurrent connections");
		assertThat(platform.held()).isFalse();
		assertThat(platform.evidence()).contains("1200 of 4000 answered, 300 failed, 2500 unanswered")
			.contains("300 x Request timeout");
		assertThat(claim("virtual: holds 4000 concurrent connections").held()).isTrue();
	}

	@Test
	void boundsComeFromUsersOverDelayOrFromTheRate() {
		ScenarioResult virtualSlow = this.comparison.resultsOf("concurrent-slow").get(1);
		assertThat(Theory.bound(virtualSlow)).hasValue(2000);
		assertThat(Theory.ratioToBound(virtualSlow).getAsDouble()).isCloseTo(0.95, within(1e-9));
		assertThat(Theory.bound(this.comparison.resultsOf("keep-alive").getFirst())).isEmpty();
		assertThat(ScenarioType.delayMillis("/api/slow?delay=250&x=1")).isEqualTo(250);
		assertThat(ScenarioType.delayMillis("/api/slow")).as("the apps' default").isEqualTo(100);
	}

	@Test
	void aSoakHoldsWhenNothingFailsAndHeapAfterGcStaysFlat() {
		Scenario soak = new Scenario("soak", ScenarioTypes.of("soak"), new SoakSimulation.Load(200, 600, 2000, 0));
		List<Claim> claims = Theory.claims(List.of(soakResult(soak, Contender.VIRTUAL, 100, 105, 0),
				soakResult(soak, Contender.REACTIVE, 100, 150, 0), soakResult(soak, Contender.PLATFORM, 100, 100, 3)),
				Map.of());
		assertThat(claims).extracting(Claim::held).containsExactly(true, false, false);
		assertThat(claims.get(1).evidence())
			.isEqualTo("1003 requests, 0 failed; heap after GC 100 MB at the start, 150 MB at the end");
	}

	private static ScenarioResult soakResult(Scenario soak, Contender stack, double heapStart, double heapEnd,
			long failed) {
		return new ScenarioResult(stack, soak, 1, failed == 0, "soak/index.html",
				List.of(new RequestStats("hello", 1003 - failed, failed, 200, 1, 1, 2, 2, 3, 3, 4, 4)), List.of(),
				new AppMetrics(10, 20, 20, -1, 10, 300, 50, 0.5, heapStart, heapEnd, 1, 600, AppMetrics.Pool.NONE), 20,
				600, List.of());
	}

	@Test
	void aPlainRequestMustStayUnderFiftyMillisecondsOnAStackThatDoesNotBlock() {
		Scenario cgi = new Scenario("cgi", ScenarioTypes.of("concurrent-wait"),
				new ThroughputSimulation.Load("/api/cgi/slow.cgi?delay=1000", List.of(200), 15, 5000, 0, "/api/hello"));
		Map<String, Map<String, Object>> tuning = Map.of("platform",
				Map.of("threads.max", 200, "virtual-threads", false), "virtual",
				Map.of("threads.max", 200, "virtual-threads", true), "reactive", Map.of("event-loops", 1));
		List<ScenarioResult> results = List.of(withProbe(Contender.PLATFORM, cgi, 700),
				withProbe(Contender.VIRTUAL, cgi, 49), withProbe(Contender.REACTIVE, cgi, 50));
		List<Claim> claims = Theory.claims(results, tuning);
		// Platform's 200 threads are all taken by 200 users: its probe waits for one, and
		// it claims nothing.
		assertThat(claims).noneMatch((claim) -> claim.statement().startsWith("platform: while"));
		Claim virtual = only(claims, "virtual: while 200 slow requests are in flight");
		assertThat(virtual.held()).isTrue();
		assertThat(virtual.evidence()).isEqualTo("1500 probes: p50 1 ms, p99 10 ms, max 49 ms, 0 failed");
		assertThat(only(claims, "reactive: while 200 slow requests are in flight").held()).isFalse();
		// The probe is an aside: not the headline, not counted in the load's requests.
		ScenarioResult reactive = results.get(2);
		assertThat(reactive.headline().orElseThrow().name()).isEqualTo("GET /api/cgi/slow.cgi?delay=1000 @ 200 users");
		assertThat(reactive.totalRequests()).isEqualTo(3000);
		assertThat(reactive.probe().orElseThrow().max()).isEqualTo(50);
	}

	@Test
	void idleConnectionsHoldOnlyWhenEveryOneIsAnsweredAndTheProbeAtOnce() {
		Scenario idle = new Scenario("idle-connections", ScenarioTypes.of("idle-connections"),
				new IdleConnectionsSimulation.Load(10_000, 20, 20, 12, 5, 5000));
		List<Claim> claims = Theory.claims(List.of(idle(Contender.PLATFORM, idle, 10_000, 10_000, 0),
				idle(Contender.VIRTUAL, idle, 10_000, 40, 12_000), idle(Contender.REACTIVE, idle, 9_990, 40, 0)),
				Map.of());
		Claim platform = only(claims,
				"platform: a new client is answered within 1000 ms while 10000 idle keep-alive connections are open");
		assertThat(platform.held()).isFalse();
		assertThat(platform.evidence()).isEqualTo("10000 of 10000 idle connections answered, 10001 open at the "
				+ "server's peak; 40 probes: p50 9000 ms, p99 10000 ms, max 10000 ms, 0 failed");
		assertThat(only(claims, "virtual: a new client").held()).as("a probe failed").isFalse();
		assertThat(only(claims, "reactive: a new client").held()).as("ten idle connections unanswered").isFalse();
		assertThat(Theory.claims(List.of(idle(Contender.REACTIVE, idle, 10_000, 40, 0)), Map.of()).getFirst().held())
			.isTrue();
	}

	@Test
	void withThePoolAsTheBottleneckEveryModelServesAboutTheSame() {
		Scenario db = Preset.STANDARD.scenario("db");
		List<ScenarioResult> results = List.of(database(Contender.PLATFORM, db, 800, 10, 190),
				database(Contender.VIRTUAL, db, 760, 10, 990), database(Contender.REACTIVE, db, 600, 10, 990));
		List<Claim> claims = Theory.claims(results, Map.of());
		Claim platform = only(claims, "platform: 1000 users on a 10 ms query share 10 pooled connections");
		assertThat(platform.held()).isTrue();
		assertThat(platform.evidence()).startsWith("800 req/s = 80% of the bound, so each connection was held 12.5 ms");
		assertThat(only(claims, "virtual: with the pool as the bottleneck").held()).isTrue();
		Claim reactive = only(claims, "reactive: with the pool as the bottleneck");
		assertThat(reactive.held()).isFalse();
		assertThat(reactive.evidence()).isEqualTo("600 req/s against platform's 800 req/s (-25%)");
		assertThat(Theory.bound(results.getFirst())).hasValue(1000);
		assertThat(only(Theory.claims(List.of(database(Contender.VIRTUAL, db, 700, 6, 0)), Map.of()),
				"virtual: 1000 users")
			.held()).as("not the bottleneck when connections stayed free").isFalse();
	}

	@Test
	void aNewTlsConnectionMustCostAtLeastThreeTimesAPlainOne() {
		Scenario plain = Preset.STANDARD.scenario("keep-alive");
		Scenario tls = Preset.STANDARD.scenario("tls-keep-alive");
		List<ScenarioResult> dear = List.of(keepAlive(Contender.PLATFORM, plain, 20, 50),
				keepAlive(Contender.PLATFORM, tls, 25, 175));
		Claim held = only(Theory.claims(dear, Map.of()),
				"platform: a new TLS connection per request costs the app at least 3 times a plain one");
		assertThat(held.held()).isTrue();
		assertThat(held.evidence())
			.startsWith("a new connection adds 150 µs of app CPU per request over TLS, 30 µs plain (5.0×)");
		List<ScenarioResult> cheap = List.of(keepAlive(Contender.PLATFORM, plain, 20, 50),
				keepAlive(Contender.PLATFORM, tls, 25, 85));
		assertThat(only(Theory.claims(cheap, Map.of()), "platform: a new TLS connection").held())
			.as("a handshake only twice a plain connection's cost")
			.isFalse();
		assertThat(Theory.claims(List.of(keepAlive(Contender.PLATFORM, tls, 25, 175)), Map.of()))
			.as("no plain run to compare with: said, not silent")
			.filteredOn((claim) -> claim.statement().contains("TLS connection"))
			.singleElement()
			.satisfies((claim) -> assertThat(claim.outcome()).isEqualTo(Claim.Outcome.NOT_CHECKED));
	}

	@Test
	void http2CarriesTheSlowPagesUsersOnAFewConnections() {
		Scenario h2 = Preset.STANDARD.scenario("h2");
		Claim held = only(Theory.claims(List.of(multiplexing(h2, 1900, 2)), Map.of()),
				"reactive: HTTP/2 serves 200 users on /api/slow?delay=100 as HTTP/1.1 does (within 5%) on at most 20 "
						+ "connections");
		assertThat(held.held()).isTrue();
		assertThat(held.evidence())
			.isEqualTo("HTTP/2: 1900 req/s on 2 connections; HTTP/1.1: 1950 req/s on 200 (bound 2000)");
		assertThat(only(Theory.claims(List.of(multiplexing(h2, 1900, 21)), Map.of()), "reactive: HTTP/2").held())
			.as("a connection per user is no multiplexing")
			.isFalse();
		assertThat(only(Theory.claims(List.of(multiplexing(h2, 700, 1)), Map.of()), "reactive: HTTP/2").held())
			.as("well under HTTP/1.1's throughput")
			.isFalse();
	}

	/**
	 * A keep-alive run phase by phase, 10,000 requests each (5 s at 2,000 req/s), with
	 * the app's CPU per request in microseconds for each phase.
	 */
	private static ScenarioResult keepAlive(Contender stack, Scenario scenario, double keptMicros, double newMicros) {
		List<PhaseResult> phases = List.of(phase(KeepAliveSimulation.KEEP_ALIVE, keptMicros * 10_000 / 1e6, 16),
				phase(KeepAliveSimulation.NEW_CONNECTION, newMicros * 10_000 / 1e6, 16));
		return new ScenarioResult(stack, scenario, 1, true, "index.html",
				List.of(Fixtures.row(KeepAliveSimulation.KEEP_ALIVE, 2_000, 1),
						Fixtures.row(KeepAliveSimulation.NEW_CONNECTION, 2_000, 5)),
				List.of(), AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), 3.5, 30, List.of(),
				phases);
	}

	private static ScenarioResult multiplexing(Scenario scenario, double http2Throughput, int http2Connections) {
		String slow = "/api/slow?delay=100";
		String http1 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP1, slow);
		String http2 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, slow);
		List<PhaseResult> phases = List.of(phase(http1, 2, 200), phase(http2, 2, http2Connections));
		return new ScenarioResult(Contender.REACTIVE, scenario, 1, true, "index.html",
				List.of(Fixtures.row(http1, 1950, 100), Fixtures.row(http2, http2Throughput, 100)), List.of(),
				AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), 3.5, 30, List.of(), phases);
	}

	private static PhaseResult phase(String name, double cpuSeconds, int maxConnections) {
		return new PhaseResult(name, new AppMetrics(cpuSeconds, 40, 60, 12, maxConnections, 250, 2, 0.02, 90, 92, 10,
				10, AppMetrics.Pool.NONE), 10);
	}

	private static ScenarioResult database(Contender stack, Scenario scenario, double closedThroughput, int maxActive,
			int maxPending) {
		return new ScenarioResult(stack, scenario, 1, true, "index.html",
				List.of(Fixtures.row(DatabaseSimulation.CLOSED, closedThroughput, 1200),
						Fixtures.row(DatabaseSimulation.OPEN, 650, 9000)),
				List.of(), new AppMetrics(5, 40, 60, 12, 33, 250, 2, 0.02, 90, 92, 190, 10,
						new AppMetrics.Pool(10, maxActive, 0, maxPending, 300, 0)),
				3.5, 45, List.of());
	}

	private static ScenarioResult idle(Contender stack, Scenario scenario, long answered, int probeMax,
			long probesFailed) {
		RequestStats probe = (probeMax >= 1000)
				? new RequestStats("probe: GET /api/hello", 40, probesFailed, 2, 8000, 9000, 9500, 9800, 10000, 10000,
						10000, probeMax)
				: new RequestStats("probe: GET /api/hello", 40 - probesFailed, probesFailed, 2, 3, 2, 4, 5, 9, 30, 40,
						probeMax);
		return new ScenarioResult(stack, scenario, 1, true, "index.html",
				List.of(new RequestStats("GET /api/hello, then idle", answered, 10_000 - answered, 500, 2, 1, 3, 4, 8,
						20, 30, 40), probe),
				List.of(), new AppMetrics(5, 40, 60, 12, 10_001, 250, 2, 0.02, 90, 92, 0, 10, AppMetrics.Pool.NONE),
				3.5, 45, List.of());
	}

	private static ScenarioResult withProbe(Contender stack, Scenario scenario, int probeMax) {
		// The probe's throughput is above the load's: the headline must still be the
		// load's row.
		return new ScenarioResult(stack, scenario, 1, true, "index.html",
				List.of(new RequestStats("GET /api/cgi/slow.cgi?delay=1000 @ 200 users", 3000, 0, 195, 1020, 1010, 1200,
						1300, 1700, 1800, 1850, 1900),
						new RequestStats("probe: GET /api/hello", 1500, 0, 100, 1, 1, 3, 5, 10, 20, 30, probeMax)),
				List.of(), new AppMetrics(5, 40, 60, 12, 33, 250, 2, 0.02, 90, 92, 190, 10, AppMetrics.Pool.NONE), 3.5,
				15, List.of());
	}

	private static Claim only(List<Claim> claims, String prefix) {
		List<Claim> matching = claims.stream().filter((claim) -> claim.statement().startsWith(prefix)).toList();
		assertThat(matching).as("claims starting with '%s'", prefix).hasSize(1);
		return matching.getFirst();
	}

	private Claim claim(String prefix) {
		return only(Analysis.of(this.comparison).claims(), prefix);
	}

}
