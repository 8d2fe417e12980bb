package dev.stackbench.gatling.comparison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stackbench.gatling.comparison.GatlingRun.ErrorCount;
import dev.stackbench.gatling.comparison.Scenario.Kind;

/** A comparison as a run would produce it, with numbers chosen so that every claim has a known verdict. */
final class Fixtures {

	static final Scenario THROUGHPUT = new Scenario("throughput", Kind.CONCURRENCY_STEPS, "ThroughputSimulation",
			Map.of("path", "/api/hello", "users", "1,8,32", "stepSeconds", "5"));

	static final Scenario CONCURRENT_SLOW = new Scenario("concurrent-slow", Kind.CONCURRENT_WAIT, "ThroughputSimulation",
			Map.of("path", "/api/slow?delay=500", "users", "1000", "stepSeconds", "10"));

	static final Scenario KEEP_ALIVE = new Scenario("keep-alive", Kind.KEEP_ALIVE, "KeepAliveSimulation",
			Map.of("path", "/api/hello", "users", "16", "phaseSeconds", "5"));

	static final Scenario FLOOD = new Scenario("connection-flood", Kind.CONNECTION_FLOOD, "ConnectionFloodSimulation",
			Map.of("connections", "4000", "rampSeconds", "8", "delay", "10000"));

	private Fixtures() {
	}

	static ComparisonResults comparison() {
		List<Stack> stacks = List.of(Stack.PLATFORM, Stack.VIRTUAL, Stack.REACTIVE);
		Map<String, Map<String, Object>> tuning = new LinkedHashMap<>();
		tuning.put("platform", Map.of("model", "platform-threads", "threads.max", 200, "virtual-threads", false));
		tuning.put("virtual", Map.of("model", "virtual-threads", "threads.max", 200, "virtual-threads", true));
		tuning.put("reactive", Map.of("model", "event-loops", "event-loops", 4));
		List<ScenarioResult> results = new ArrayList<>();
		// platform: capped at 200 / 0.5 s = 400 req/s; virtual: 1,900 of 2,000; reactive: 1,500, under 80%.
		double[] slowThroughput = { 395, 1900, 1500 };
		// Connection: close costs platform and virtual throughput but, here, not reactive.
		double[][] keepAlive = { { 3000, 1200 }, { 2500, 2000 }, { 2000, 2100 } };
		for (int s = 0; s < stacks.size(); s++) {
			String stack = stacks.get(s).id();
			results.add(result(stack, THROUGHPUT,
					List.of(row("GET /api/hello @ 1 users", 900 + s * 10, 1), row("GET /api/hello @ 8 users", 3000 - s * 200, 3),
							row("GET /api/hello @ 32 users", 3200 - s * 300, 9)),
					List.of()));
			results.add(result(stack, CONCURRENT_SLOW, List.of(row("GET /api/slow?delay=500 @ 1000 users", slowThroughput[s], 520)),
					List.of()));
			results.add(result(stack, KEEP_ALIVE, List.of(row("keep-alive", keepAlive[s][0], 4),
					row("new connection per request", keepAlive[s][1], 8)), List.of()));
			boolean platform = s == 0;
			results.add(new ScenarioResult(stack, FLOOD.id(), FLOOD.kind(), FLOOD.parameters(), !platform,
					"gatling/" + stack + "/flood/index.html",
					List.of(new RequestStats("GET /api/slow?delay=10000", platform ? 1200 : 4000, platform ? 300 : 0, 150, 10_020,
							platform ? 60_000 : 10_300, 60_000, 60_001)),
					platform ? List.of(new ErrorCount("Request timeout to 127.0.0.1:8080 after 60000 ms", 300)) : List.of(),
					new AppMetrics(12, platform ? 230 : 30, 240, platform ? 200 : -1, 4000, 300, 4, 0.05, 120, 125, 30), 20));
		}
		Environment environment = new Environment("Eclipse Adoptium 25", 2, 24_000, "Debian 12", Map.of("gatling", "3.15.1"),
				AppProcess.JVM_OPTIONS, "app on CPU 0, load generator on CPU 1 (taskset)", "local");
		return new ComparisonResults("quick", Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:03:00Z"),
				environment, stacks, List.of(THROUGHPUT, CONCURRENT_SLOW, KEEP_ALIVE, FLOOD), tuning, results,
				Theory.claims(results, tuning));
	}

	private static ScenarioResult result(String stack, Scenario scenario, List<RequestStats> rows, List<ErrorCount> errors) {
		return new ScenarioResult(stack, scenario.id(), scenario.kind(), scenario.parameters(), true,
				"gatling/" + stack + "/" + scenario.id() + "/index.html", rows, errors,
				new AppMetrics(5, 40, 60, 12, 33, 250, 2, 0.02, 90, 92, 10), 3.5);
	}

	private static RequestStats row(String name, double throughput, int p50) {
		return new RequestStats(name, Math.round(throughput * 5), 0, throughput, p50, p50 * 2, p50 * 3, p50 * 5);
	}

}
