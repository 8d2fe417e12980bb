package dev.stackbench.comparison.scenario;

import java.util.List;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.CostWindow;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost figures on recorded counters: each page's from its own window, between the
 * readings that open and close it, over the requests answered in it.
 */
class CostTests {

	private static final Scenario COST = new Scenario("cost", ScenarioTypes.of("cost"), Cost.DEFAULTS);

	/**
	 * The app had run for a while before the windows (10 s of CPU, 3 s of it compiling, 5
	 * GB allocated): the plain page's window then spent 0.5 s of CPU, 240 MB and 30 ms of
	 * GC on 24,000 requests; the JSON page's, after it, 1.4 s, 0.2 s of it the JIT
	 * compiling, 960 MB and 90 ms on 24,000.
	 */
	private static final CostWindow HELLO = new CostWindow("/api/hello", 3000, 8, 24_000, 0,
			new ProcessCounters(10_000_000_000L, 5_000_000_000L, 400, 40, 3_000_000_000L),
			new ProcessCounters(10_500_000_000L, 5_240_000_000L, 430, 43, 3_000_000_000L), 9.5, 0.45, 1, List.of());

	private static final CostWindow JSON = new CostWindow("/api/json", 3000, 8, 24_000, 0,
			new ProcessCounters(10_700_000_000L, 5_300_000_000L, 440, 44, 3_000_000_000L),
			new ProcessCounters(12_100_000_000L, 6_260_000_000L, 530, 50, 3_200_000_000L), 9.6, 0.5, 1, List.of());

	@Test
	void eachPagesFiguresComeFromItsOwnWindowAndNothingBeforeIt() {
		ScenarioResult run = run(List.of(HELLO, JSON));
		assertThat(figure(run, "CPU per request of /api/hello")).isCloseTo(500_000.0 / 24_000, Offset.offset(1e-9));
		assertThat(figure(run, "heap allocated per request of /api/hello")).isEqualTo(10_000.0);
		assertThat(figure(run, "GC time of /api/hello")).isEqualTo(1.25);
		assertThat(figure(run, "CPU per request of /api/json")).as("the JIT's compiling excluded").isEqualTo(50.0);
		assertThat(JSON.compilerMicrosPerRequest().getAsDouble()).isCloseTo(200_000.0 / 24_000, Offset.offset(1e-9));
		assertThat(HELLO.compilerMicrosPerRequest().getAsDouble()).isZero();
		assertThat(figure(run, "heap allocated per request of /api/json")).isEqualTo(40_000.0);
		assertThat(figure(run, "GC time of /api/json")).isEqualTo(3.75);
		assertThat(figure(run, "p99 of /api/json at a fixed rate")).isEqualTo(4.0);
	}

	@Test
	void aForksFiguresAreThoseOfItsPagesMedianWindow() {
		// Three windows of the plain page, interleaved with the JSON page's: 0.5, then
		// 1.2
		// (a moment of the machine's), then 0.6 s of CPU on 24,000 requests each; the
		// median is the third, whose allocations (300 MB) are the fork's too.
		CostWindow disturbed = hello(10_000_000_000L, 1_200_000_000L, 480_000_000L);
		CostWindow third = hello(20_000_000_000L, 600_000_000L, 300_000_000L);
		ScenarioResult run = run(List.of(HELLO, JSON, disturbed, third));
		assertThat(run.cost("/api/hello")).contains(third);
		assertThat(figure(run, "CPU per request of /api/hello")).isEqualTo(25.0);
		assertThat(figure(run, "heap allocated per request of /api/hello")).isEqualTo(12_500.0);
		assertThat(run.cost("/api/json")).as("one window is its own median").contains(JSON);
		assertThat(CostWindow.median(List.of(HELLO, disturbed))).as("the lower of an even count's middle two")
			.isEqualTo(HELLO);
	}

	private static CostWindow hello(long openingCpuNanos, long cpuNanos, long allocatedBytes) {
		return new CostWindow("/api/hello", 3000, 8, 24_000, 0,
				new ProcessCounters(openingCpuNanos, 5_000_000_000L, 400, 40, 3_000_000_000L),
				new ProcessCounters(openingCpuNanos + cpuNanos, 5_000_000_000L + allocatedBytes, 400, 40,
						3_000_000_000L),
				9.5, 0.45, 1, List.of());
	}

	@Test
	void anAppNotReadHereHasLatenciesButNoCost() {
		CostWindow remote = new CostWindow("/api/hello", 3000, 8, 24_000, 0, ProcessCounters.UNREAD,
				ProcessCounters.UNREAD, 9.5, 0.45, 1, List.of());
		assertThat(remote.cpuMicrosPerRequest()).isEmpty();
		assertThat(remote.allocatedBytesPerRequest()).isEmpty();
		assertThat(remote.gcMillisPer1000Requests()).isEmpty();
		assertThat(remote.compilerMicrosPerRequest()).isEmpty();
		assertThat(remote.appCpuShare()).isZero();
	}

	@Test
	void theEstimatedCapacityIsTheAppsCoresOverItsCpuPerRequest() {
		assertThat(JSON.capacityEstimate().getAsDouble()).isCloseTo(20_000, Offset.offset(1e-6));
		assertThat(JSON.appCpuShare()).as("the whole process, compiling included")
			.isCloseTo(1.4 / 9.6, Offset.offset(1e-9));
	}

	@Test
	void aWindowIsSustainedOnlyWhenEveryArrivalIsAnsweredAndNeitherSideIsAtItsLimit() {
		assertThat(Cost.sustained(HELLO)).isTrue();
		assertThat(Cost.sustained(new CostWindow("/api/hello", 3000, 8, 20_000, 0, HELLO.before(), HELLO.after(), 9.5,
				0.45, 1, List.of())))
			.as("a sixth of the arrivals missing")
			.isFalse();
		assertThat(Cost.sustained(new CostWindow("/api/hello", 3000, 8, 24_000, 3, HELLO.before(), HELLO.after(), 9.5,
				0.45, 1, List.of())))
			.as("failed requests")
			.isFalse();
		assertThat(Cost.sustained(new CostWindow("/api/hello", 3000, 8, 24_000, 0, HELLO.before(), HELLO.after(), 9.5,
				0.93, 1, List.of())))
			.as("the load generator at 93% of its CPU")
			.isFalse();
		assertThat(Cost.sustained(new CostWindow("/api/hello", 3000, 8, 24_000, 0, HELLO.before(),
				new ProcessCounters(19_000_000_000L, 5_240_000_000L, 430, 43, 3_000_000_000L), 9.5, 0.45, 1,
				List.of())))
			.as("the app at 95% of its core")
			.isFalse();
	}

	private static ScenarioResult run(List<CostWindow> windows) {
		List<RequestStats> rows = windows.stream()
			.map((window) -> new RequestStats(OpenRateSimulation.requestName(window.path(), window.rate()),
					window.answered(), 0, 3000, 1, 1, 2, 2, window.path().equals("/api/json") ? 4 : 3, 9, 12, 15))
			.toList();
		return new ScenarioResult(Contender.PLATFORM, COST, 1, true, "", rows, List.of(), AppMetrics.NONE, 3, 20,
				List.of(), List.of(), windows);
	}

	private static double figure(ScenarioResult run, String figure) {
		Measure measure = COST.type()
			.headlines(COST)
			.stream()
			.filter((candidate) -> candidate.figure().equals(figure))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no figure " + figure));
		return measure.read().apply(run).orElseThrow();
	}

}
