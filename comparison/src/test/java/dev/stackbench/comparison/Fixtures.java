package dev.stackbench.comparison;

import java.time.Instant;
import dev.stackbench.comparison.scenario.ScenarioTypes;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.gatling.simulation.ConnectionFloodSimulation;
import dev.stackbench.comparison.scenario.Capacity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Environment;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.WarmUp;

/**
 * A comparison as a run would produce it, with numbers chosen so that every claim and
 * check has a known verdict.
 */
public final class Fixtures {

	public static final Scenario THROUGHPUT = new Scenario("throughput", ScenarioTypes.of("concurrency-steps"),
			new ThroughputSimulation.Load("/api/hello", List.of(1, 8, 32), 5, 2000, 0, ""));

	public static final Scenario CONCURRENT_SLOW = new Scenario("concurrent-slow", ScenarioTypes.of("concurrent-wait"),
			new ThroughputSimulation.Load("/api/slow?delay=500", List.of(1000), 10, 5000, 0, ""));

	public static final Scenario KEEP_ALIVE = new Scenario("keep-alive", ScenarioTypes.of("keep-alive"),
			new KeepAliveSimulation.Load("/api/hello", 16, 5, 2000, 0, ""));

	public static final Scenario FLOOD = new Scenario("connection-flood", ScenarioTypes.of("connection-flood"),
			new ConnectionFloodSimulation.Load(4000, 8, 10000, 5000, 20));

	/** Steps of 1,000, 2,000, 4,000, 8,000 and 16,000 req/s offered, p99 within 25 ms. */
	public static final Capacity.Load HELLO_CAPACITY = new Capacity.Load("/api/hello", 25, 5, 1000, 2, 8);

	public static final Scenario CAPACITY = new Scenario("capacity", ScenarioTypes.of("capacity"), HELLO_CAPACITY);

	public static final List<Scenario> SCENARIOS = List.of(THROUGHPUT, CONCURRENT_SLOW, KEEP_ALIVE, CAPACITY, FLOOD);

	private Fixtures() {
	}

	public static ComparisonResults comparison() {
		List<Contender> stacks = List.of(Contender.PLATFORM, Contender.VIRTUAL, Contender.REACTIVE);
		List<ScenarioResult> results = new ArrayList<>();
		for (int s = 0; s < stacks.size(); s++) {
			results.addAll(run(stacks.get(s), s, 1, 1.0));
		}
		return comparison(stacks, 1, results);
	}

	/**
	 * Three interleaved runs whose figures move by {@code ±spread} around the single
	 * run's: with 5% the stacks' ranges stay apart, with 30% they overlap.
	 */
	public static ComparisonResults repeated(double spread) {
		List<Contender> stacks = List.of(Contender.PLATFORM, Contender.VIRTUAL, Contender.REACTIVE);
		List<ScenarioResult> results = new ArrayList<>();
		double[] factors = { 1 - spread, 1, 1 + spread };
		for (int run = 1; run <= 3; run++) {
			for (int s = 0; s < stacks.size(); s++) {
				results.addAll(run(stacks.get(s), s, run, factors[(run + s) % 3]));
			}
		}
		return comparison(stacks, 3, results);
	}

	public static ComparisonResults comparison(List<Contender> stacks, int repeat, List<ScenarioResult> results) {
		Map<String, Map<String, Object>> tuning = new LinkedHashMap<>();
		// Sorted, as an app reports its knobs in one order: Map.of's order changes from
		// one JVM to the next, and the golden files would with it.
		tuning.put("platform",
				new TreeMap<>(Map.of("model", "platform", "threads.max", 200, "virtual-threads", false)));
		tuning.put("virtual", new TreeMap<>(Map.of("model", "virtual", "threads.max", 200, "virtual-threads", true)));
		tuning.put("reactive", new TreeMap<>(Map.of("model", "reactive", "event-loops", 4)));
		Environment environment = new Environment("Eclipse Adoptium 25", 2, 24_000, "Debian 12",
				Map.of("gatling", "3.15.1"), List.of("-Xms1g", "-Xmx1g"),
				"app on CPU 0, load generator on CPU 1 (taskset)", 1, 1, "local");
		return new ComparisonResults(ComparisonResults.SCHEMA_VERSION, "quick", repeat,
				Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:03:00Z"), environment, stacks,
				SCENARIOS, tuning, results, warmUps(stacks, repeat), List.of(), List.of());
	}

	/** One run of every scenario on one stack, its figures scaled by {@code factor}. */
	private static List<ScenarioResult> run(Contender stack, int s, int run, double factor) {
		// platform: capped at 200 / 0.5 s = 400 req/s; virtual: 1,900 of 2,000; reactive:
		// 1,500, under 80%.
		double[] slowThroughput = { 395, 1900, 1500 };
		// Connection: close costs platform and virtual throughput but, here, not
		// reactive.
		double[][] keepAlive = { { 3000, 1200 }, { 2500, 2000 }, { 2000, 2100 } };
		// Capacity: platform holds up to 4,000, virtual to 2,000, reactive to 8,000 and
		// then the load generator gives out.
		int[] lastHeld = { 2, 1, 3 };
		List<ScenarioResult> results = new ArrayList<>();
		results.add(result(stack, THROUGHPUT, run,
				List.of(row("GET /api/hello @ 1 users", (900 + s * 10) * factor, 1),
						row("GET /api/hello @ 8 users", (3000 - s * 200) * factor, 3),
						row("GET /api/hello @ 32 users", (3200 - s * 300) * factor, 9))));
		results.add(result(stack, CONCURRENT_SLOW, run,
				List.of(row("GET /api/slow?delay=500 @ 1000 users", slowThroughput[s] * factor, 520))));
		results.add(result(stack, KEEP_ALIVE, run, List.of(row("keep-alive", keepAlive[s][0] * factor, 4),
				row("new connection per request", keepAlive[s][1] * factor, 8))));
		results.add(capacity(stack, run, lastHeld[s], stack == Contender.REACTIVE));
		boolean platform = s == 0;
		results.add(new ScenarioResult(stack, FLOOD, run, !platform, "gatling/" + stack.id() + "/flood/index.html",
				List.of(new RequestStats("GET /api/slow?delay=10000", platform ? 1200 : 4000, platform ? 300 : 0, 150,
						12_000, 10_020, 10_100, platform ? 60_000 : 10_300, 60_000, 60_001, 60_001, 60_001)),
				platform ? List.of(new ErrorCount("Request timeout to 127.0.0.1:8080 after 60000 ms", 300)) : List.of(),
				new AppMetrics(12, platform ? 230 : 30, 240, platform ? 200 : -1, 4000, 300, 4, 0.05, 120, 125, 1500,
						30, AppMetrics.Pool.NONE),
				20, 30, List.of()));
		return results;
	}

	/**
	 * A capacity search that held every step up to {@code lastHeld} (0-based), then
	 * missed the SLO twice, or ran into a saturated load generator.
	 */
	public static ScenarioResult capacity(Contender stack, int run, int lastHeld, boolean loadGeneratorGivesOut) {
		List<RateStep> steps = new ArrayList<>();
		for (int index = 0; index <= lastHeld + 2; index++) {
			double offered = HELLO_CAPACITY.rate(index);
			boolean held = index <= lastHeld;
			int p99 = held ? 2 + index : 40 * (index - lastHeld);
			long ok = Math.round(offered * 5 * (held ? 1 : 0.9));
			RequestStats stats = new RequestStats("GET /api/hello @ " + (long) offered + "/s", ok, 0, ok / 5.0, 1, 1, 1,
					p99 / 2, p99, p99 * 2, p99 * 3, p99 * 4);
			double generator = (loadGeneratorGivesOut && !held) ? 0.95 : 0.3 + 0.1 * index;
			steps.add(new RateStep(offered, stats, 5, 0.2 * (index + 1), generator, offered * 0.001));
		}
		return new ScenarioResult(stack, CAPACITY, run, true, "gatling/" + stack.id() + "/capacity/step-1/index.html",
				steps.stream().map(RateStep::stats).toList(), List.of(),
				new AppMetrics(8, 40, 60, 12, 33, 250, 2, 0.02, 90, 92, 2, 30, AppMetrics.Pool.NONE), 9, 40, steps);
	}

	private static ScenarioResult result(Contender stack, Scenario scenario, int run, List<RequestStats> rows) {
		return new ScenarioResult(stack, scenario, run, true,
				"gatling/" + stack.id() + "/" + scenario.id() + "/index.html", rows, List.of(),
				new AppMetrics(5, 40, 60, 12, 33, 250, 2, 0.02, 90, 92, 150, 10, AppMetrics.Pool.NONE), 3.5, 12,
				List.of());
	}

	public static RequestStats row(String name, double throughput, int p50) {
		return new RequestStats(name, Math.round(throughput * 5), 0, throughput, p50, p50, p50 * 2, p50 * 2, p50 * 3,
				p50 * 4, p50 * 5, p50 * 5);
	}

	/**
	 * Every app's warm-up settled, except the reactive app's in its first run, cut short
	 * by the limit.
	 */
	private static List<WarmUp> warmUps(List<Contender> stacks, int repeat) {
		List<WarmUp> warmUps = new ArrayList<>();
		for (int run = 1; run <= repeat; run++) {
			for (Contender stack : stacks) {
				boolean cutShort = stack == Contender.REACTIVE && run == 1;
				warmUps.add(new WarmUp(stack, run, cutShort ? 9 : 6, cutShort ? 6500 : 11000, cutShort ? 6500 : 10800,
						!cutShort, 40));
			}
		}
		return warmUps;
	}

}
