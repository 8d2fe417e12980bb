package dev.stackbench.comparison.scenario;

import java.util.ArrayList;
import java.util.List;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.CostWindow;
import dev.stackbench.comparison.result.OverheadPair;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Spread;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stackbench's own cost on recorded pairs: each pair's ratio from the app's and the bare
 * app's windows over the same seconds, the median and range over every pair of every
 * fork, held to the bar on the plain page.
 */
class OverheadTests {

	private static final Scenario OVERHEAD = new Scenario("overhead", ScenarioTypes.of("overhead"), Overhead.DEFAULTS);

	@Test
	void aPairsRatioIsTheAppsCpuPerRequestOverTheBareAppsFromTheirOwnWindows() {
		OverheadPair pair = pair("/api/hello", 1, 0.51, 0.50, 9_000);
		assertThat(pair.cpuRatio().getAsDouble()).isCloseTo(1.02, Offset.offset(1e-9));
		assertThat(pair.allocationRatio().getAsDouble()).isCloseTo(1.2, Offset.offset(1e-9));
		assertThat(pair.throughputRatio().getAsDouble()).isCloseTo(0.9, Offset.offset(1e-9));
	}

	@Test
	void aPairsRatioIsTheMedianOfItsSlicesWhereItHasEnough() {
		OverheadPair whole = pair("/api/hello", 1, 0.51, 0.50, 9_000);
		OverheadPair sliced = new OverheadPair(1, whole.app(), whole.bare(), 27_000, 30_000, 0.6,
				List.of(1.01, 0.99, 1.6, 1.0, 1.02));
		assertThat(sliced.cpuRatio().getAsDouble()).as("a lump of 1.6 left aside").isEqualTo(1.01);
		assertThat(sliced.windowCpuRatio().getAsDouble()).isCloseTo(1.02, Offset.offset(1e-9));
		OverheadPair few = new OverheadPair(1, whole.app(), whole.bare(), 27_000, 30_000, 0.6,
				List.of(1.01, 0.99, 1.6, 1.0));
		assertThat(few.cpuRatio().getAsDouble()).as("too few slices: the whole windows")
			.isCloseTo(1.02, Offset.offset(1e-9));
	}

	@Test
	void theTableHoldsThePlainPageToTheBarOverEveryPairOfEveryFork() {
		// Platform: 1%, 2% and 3% over bare in three forks, two pages each: within.
		// Reactive: a median of 2%, but one pair 8% over: over the bar.
		List<ScenarioResult> runs = new ArrayList<>();
		double[] platform = { 0.505, 0.51, 0.515 };
		double[] reactive = { 0.51, 0.54, 0.505 };
		for (int fork = 0; fork < 3; fork++) {
			runs.add(run(Contender.PLATFORM, fork + 1, platform[fork]));
			runs.add(run(Contender.REACTIVE, fork + 1, reactive[fork]));
		}
		ComparisonResults results = Fixtures.comparison(List.of(Contender.PLATFORM, Contender.REACTIVE), 3, runs);
		Table table = OVERHEAD.type().leadingTables(results, List.of(OVERHEAD)).getFirst();
		assertThat(table.title()).isEqualTo(Overhead.TABLE);
		List<Table.Cell> platformHello = row(table, "/api/hello", "platform");
		assertThat(platformHello.get(2).text()).isEqualTo("3");
		assertThat(platformHello.get(5).text()).isEqualTo("+2.0% (+1.0% to +3.0%): within the bar");
		assertThat(platformHello.get(5).mark()).isEqualTo(Table.Mark.GOOD);
		List<Table.Cell> reactiveHello = row(table, "/api/hello", "reactive");
		assertThat(reactiveHello.get(5).text()).isEqualTo("+2.0% (+1.0% to +8.0%): over the bar");
		assertThat(reactiveHello.get(5).mark()).isEqualTo(Table.Mark.BAD);
		assertThat(row(table, "/api/json", "reactive").get(5).mark()).as("only the plain page is held to the bar")
			.isEqualTo(Table.Mark.NONE);
	}

	@Test
	void anAaRunIsNamedAsOneAndJudgedByNoBar() {
		Scenario aa = new Scenario("overhead", ScenarioTypes.of("overhead"),
				new Overhead.Load(List.of("/api/hello"), 3_000, 3, 2, 64, 2, true));
		ScenarioResult run = new ScenarioResult(Contender.PLATFORM, aa, 1, true, "", List.of(), List.of(),
				AppMetrics.NONE, 3, 20, List.of(), List.of(), List.of(),
				List.of(pair("/api/hello", 1, 0.54, 0.50, 9_000), pair("/api/hello", 2, 0.49, 0.50, 9_000)));
		ComparisonResults results = Fixtures.comparison(List.of(Contender.PLATFORM), 1, List.of(run));
		List<Table.Cell> hello = row(aa.type().leadingTables(results, List.of(aa)).getFirst(), "/api/hello",
				"platform (A/A: bare against bare)");
		assertThat(hello.get(5).text()).isEqualTo("+3.0% (−2.0% to +8.0%)");
		assertThat(hello.get(5).mark()).isEqualTo(Table.Mark.NONE);
	}

	@Test
	void aPairWithAWindowNotSustainedIsLeftOut() {
		OverheadPair held = pair("/api/hello", 1, 0.51, 0.50, 9_000);
		OverheadPair missed = pair("/api/hello", 2, 0.80, 0.50, 4_000);
		ScenarioResult run = new ScenarioResult(Contender.PLATFORM, OVERHEAD, 1, true, "", List.of(), List.of(),
				AppMetrics.NONE, 3, 20, List.of(), List.of(), List.of(), List.of(held, missed));
		ComparisonResults results = Fixtures.comparison(List.of(Contender.PLATFORM), 1, List.of(run));
		List<Table.Cell> hello = row(OVERHEAD.type().leadingTables(results, List.of(OVERHEAD)).getFirst(), "/api/hello",
				"platform");
		assertThat(hello.get(2).text()).isEqualTo("1 of 2 (not sustained: 1)");
		assertThat(hello.get(5).text()).startsWith("+2.0%");
	}

	@Test
	void aRunWithNoPairsHasNoTable() {
		ScenarioResult remote = new ScenarioResult(Contender.PLATFORM, OVERHEAD, 1, true, "", List.of(), List.of(),
				AppMetrics.NONE, 3, 20, List.of(), List.of(), List.of(), List.of());
		ComparisonResults results = Fixtures.comparison(List.of(Contender.PLATFORM), 1, List.of(remote));
		assertThat(OVERHEAD.type().leadingTables(results, List.of(OVERHEAD))).isEmpty();
	}

	@Test
	void anExcessIsWrittenAsWhatTheAppAddsOnTopOfSpringBoot() {
		assertThat(Overhead.excess(new Spread(1.021, 0.996, 1.05, 5))).isEqualTo("+2.1% (−0.4% to +5.0%)");
		assertThat(Overhead.excess(new Spread(0.98, 0.98, 0.98, 1))).isEqualTo("−2.0%");
	}

	/** A fork's pair on both pages, the app spending {@code appCpuSeconds} on 9,000. */
	private static ScenarioResult run(Contender stack, int fork, double appCpuSeconds) {
		return new ScenarioResult(stack, OVERHEAD, fork, true, "", List.of(), List.of(), AppMetrics.NONE, 3, 20,
				List.of(), List.of(), List.of(), List.of(pair("/api/hello", 1, appCpuSeconds, 0.50, 9_000),
						pair("/api/json", 1, appCpuSeconds, 0.50, 9_000)));
	}

	/**
	 * A pair at 3,000 req/s for 3 s: the bare app spent {@code bareCpuSeconds} and
	 * allocated 50 MB, the app {@code appCpuSeconds} and 60 MB, on {@code answered}
	 * requests each; 27,000 and 30,000 req/s in the closed loop.
	 */
	private static OverheadPair pair(String path, int pair, double appCpuSeconds, double bareCpuSeconds,
			long answered) {
		return new OverheadPair(pair, window(path, appCpuSeconds, 60_000_000L * answered / 9_000, answered),
				window(path, bareCpuSeconds, 50_000_000L * answered / 9_000, answered), 27_000, 30_000, 0.6, List.of());
	}

	private static CostWindow window(String path, double cpuSeconds, long allocated, long answered) {
		long opening = 20_000_000_000L;
		return new CostWindow(path, 3000, 3, answered, 0, new ProcessCounters(opening, 1_000_000_000L, 100, 10, 0),
				new ProcessCounters(opening + (long) (cpuSeconds * 1e9), 1_000_000_000L + allocated, 100, 10, 0), 3.2,
				0.6, 1, List.of());
	}

	private static List<Table.Cell> row(Table table, String page, String model) {
		return table.rows()
			.stream()
			.filter((row) -> row.get(0).text().equals(page) && row.get(1).text().equals(model))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + page + " on " + model));
	}

}
