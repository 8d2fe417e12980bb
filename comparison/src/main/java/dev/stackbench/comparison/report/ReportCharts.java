package dev.stackbench.comparison.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.stackbench.comparison.report.Chart.Dash;
import dev.stackbench.comparison.report.Chart.Series;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * Which charts the report shows, as {@link Chart}s: for every scenario, and for every
 * resource across the scenarios. Each figure is a stack's median over its runs with the
 * range of the runs; drawing them is {@link EChartsFigure}'s.
 */
public final class ReportCharts {

	/**
	 * How the latency lines of one stack tell their percentiles apart: dotted, solid,
	 * dashed.
	 */
	private static final List<Percentile> HOCKEY_STICK = List.of(new Percentile("p50", Dash.DOTTED, RequestStats::p50),
			new Percentile("p99", Dash.SOLID, RequestStats::p99),
			new Percentile("p99.9", Dash.DASHED, RequestStats::p999));

	private static final List<Percentile> SPECTRUM = List.of(new Percentile("p50", RequestStats::p50),
			new Percentile("p90", RequestStats::p90), new Percentile("p95", RequestStats::p95),
			new Percentile("p99", RequestStats::p99), new Percentile("p99.9", RequestStats::p999),
			new Percentile("p99.99", RequestStats::p9999), new Percentile("max", RequestStats::max));

	private static final List<Percentile> PERCENTILES = List.of(new Percentile("p50", RequestStats::p50),
			new Percentile("p95", RequestStats::p95), new Percentile("p99", RequestStats::p99),
			new Percentile("p99.9", RequestStats::p999));

	private ReportCharts() {
	}

	/**
	 * The charts of one scenario, as its type chooses them from the shapes below; none
	 * where no stack ran it.
	 */
	public static List<Chart> scenario(ComparisonResults results, Scenario scenario) {
		return ofScenario(results, scenario).isEmpty() ? List.of() : scenario.type().charts(results, scenario);
	}

	/**
	 * Per request row: throughput, and a percentile spectrum for an open model, else the
	 * latency percentiles of its one row or the p95 of each.
	 */
	public static List<Chart> byRow(ComparisonResults results, Scenario scenario) {
		List<StackRuns> ofScenario = ofScenario(results, scenario);
		String id = scenario.id();
		List<String> rows = new ArrayList<>(new LinkedHashSet<>(ofScenario.stream()
			.flatMap((stack) -> stack.runs().stream())
			.flatMap((result) -> result.requests().stream())
			.map(RequestStats::name)
			.toList()));
		boolean closedLoop = scenario.type().closedLoop();
		boolean mixed = rows.stream().anyMatch((row) -> scenario.closedLoop(row) != closedLoop);
		String loop = mixed ? " (closed loop, then open model)" : closedLoop ? " (closed loop)" : "";
		List<Chart> charts = new ArrayList<>();
		charts.add(Chart.bars(id + "-throughput", id + ": throughput" + loop, "req/s", rows,
				series(ofScenario, rows, RequestStats::throughput)));
		if (!closedLoop) {
			charts.add(spectrum(id + "-spectrum", id + ": percentile spectrum", ofScenario, ScenarioResult::headline));
		}
		else if (rows.size() == 1) {
			charts.add(percentiles(id + "-latency", id + ": latency percentiles" + loop, ofScenario, rows.getFirst()));
		}
		else {
			charts.add(Chart.bars(id + "-latency", id + ": p95 latency" + loop, "ms", rows,
					series(ofScenario, rows, RequestStats::p95)));
		}
		return charts;
	}

	/**
	 * A closed model stepped up: throughput and p95 against concurrent users, and the
	 * percentiles at the last step.
	 */
	public static List<Chart> againstConcurrency(ComparisonResults results, Scenario scenario, String path,
			List<Integer> levels) {
		List<StackRuns> ofScenario = ofScenario(results, scenario);
		String id = scenario.id();
		List<String> users = levels.stream().map(String::valueOf).toList();
		List<String> rows = levels.stream().map((level) -> ThroughputSimulation.requestName(path, level)).toList();
		return List.of(
				Chart.lines(id + "-throughput", id + ": throughput against concurrency (closed loop)", "req/s",
						"concurrent users", users, series(ofScenario, rows, RequestStats::throughput)),
				Chart.lines(id + "-latency", id + ": p95 latency against concurrency (closed loop)", "ms",
						"concurrent users", users, series(ofScenario, rows, RequestStats::p95)),
				percentiles(id + "-percentiles",
						id + ": latency percentiles at " + users.getLast() + " users (closed loop)", ofScenario,
						rows.getLast()));
	}

	/**
	 * An open model stepped up: the hockey stick (p50, p99 and p99.9 against offered
	 * rate, log latency), achieved against offered rate, and the spectrum at the highest
	 * rate every stack's median run held within {@code sloMillis}, where the stacks are
	 * compared at the same load.
	 */
	public static List<Chart> againstOfferedRate(ComparisonResults results, Scenario scenario, int sloMillis) {
		List<StackRuns> ofScenario = ofScenario(results, scenario);
		String id = scenario.id();
		TreeSet<Double> offered = new TreeSet<>();
		ofScenario.forEach((stack) -> stack.runs()
			.forEach((run) -> run.steps().forEach((step) -> offered.add(step.offeredRate()))));
		List<String> xs = offered.stream().map(ReportCharts::number).toList();
		List<Series> latency = new ArrayList<>();
		for (StackRuns stack : ofScenario) {
			for (Percentile percentile : HOCKEY_STICK) {
				latency.add(new Series(stack.stack().id(), stack.stack().id() + " " + percentile.name(),
						stack.stack().color(), percentile.dash(),
						offered.stream()
							.map((rate) -> spread(stack.runs(),
									(run) -> step(run, rate).map((step) -> (double) percentile.of(step.stats()))))
							.toList()));
			}
		}
		List<Series> achieved = ofScenario.stream()
			.map((stack) -> Series.of(stack.stack(),
					offered.stream()
						.map((rate) -> spread(stack.runs(), (run) -> step(run, rate).map(RateStep::achievedRate)))
						.toList()))
			.toList();
		List<ScenarioResult> medians = ofScenario.stream()
			.flatMap((stack) -> results.medianRun(id, stack.stack()).stream())
			.toList();
		double common = offered.stream()
			.filter((rate) -> medians.stream()
				.allMatch((run) -> step(run, rate)
					.filter((step) -> CapacitySearch.verdict(step, sloMillis) == CapacitySearch.Verdict.HELD)
					.isPresent()))
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(offered.isEmpty() ? 0 : offered.first());
		return List.of(
				Chart.logLines(id + "-hockey-stick", id + ": latency against offered rate", "ms",
						"offered req/s (p50 dotted, p99 solid, p99.9 dashed)", xs, latency),
				Chart.lines(id + "-achieved", id + ": achieved against offered rate", "achieved req/s", "offered req/s",
						xs, achieved),
				spectrum(id + "-spectrum", id + ": percentile spectrum at " + number(common) + " req/s offered",
						ofScenario, (run) -> step(run, common).map(RateStep::stats)));
	}

	private static List<StackRuns> ofScenario(ComparisonResults results, Scenario scenario) {
		return results.stacks()
			.stream()
			.map((stack) -> new StackRuns(stack, results.runsOf(scenario.id(), stack)))
			.filter((stack) -> !stack.runs().isEmpty())
			.toList();
	}

	private static Optional<RateStep> step(ScenarioResult run, double offeredRate) {
		return run.steps().stream().filter((step) -> step.offeredRate() == offeredRate).findFirst();
	}

	/** p50 to max of one row per stack, on a log axis: where the tail starts. */
	private static Chart spectrum(String id, String title, List<StackRuns> ofScenario,
			Function<ScenarioResult, Optional<RequestStats>> row) {
		return Chart.logLines(id, title, "ms", "percentile", SPECTRUM.stream().map(Percentile::name).toList(),
				percentileSeries(ofScenario, SPECTRUM, row));
	}

	/** p50, p95, p99 and p99.9 of one request row, one bar per stack. */
	private static Chart percentiles(String id, String title, List<StackRuns> ofScenario, String row) {
		return Chart.bars(id, title, "ms", PERCENTILES.stream().map(Percentile::name).toList(),
				percentileSeries(ofScenario, PERCENTILES, (result) -> result.row(row)));
	}

	private static List<Series> percentileSeries(List<StackRuns> ofScenario, List<Percentile> percentiles,
			Function<ScenarioResult, Optional<RequestStats>> row) {
		return ofScenario.stream()
			.map((stack) -> Series.of(stack.stack(),
					percentiles.stream()
						.map((percentile) -> spread(stack.runs(),
								(run) -> row.apply(run).map((stats) -> (double) percentile.of(stats))))
						.toList()))
			.toList();
	}

	/**
	 * Threads, CPU, memory, connections and errors of every stack, one group per
	 * scenario.
	 */
	public static List<Chart> resources(ComparisonResults results) {
		return List.of(
				resource(results, "threads", "most live JVM threads", "threads",
						(result) -> result.app().maxLiveThreads()),
				resource(results, "cpu", "app CPU per 1,000 requests", "CPU ms",
						ScenarioResult::appCpuMillisPer1000Requests),
				resource(results, "memory", "most heap in use", "MB", (result) -> result.app().maxHeapMegabytes()),
				resource(results, "connections", "most open connections", "connections",
						(result) -> result.app().maxConnections()),
				resource(results, "errors", "failed or unanswered requests", "requests",
						(result) -> result.failedRequests() + result.unansweredRequests()),
				resource(results, "load-generator", "load generator CPU (Gatling)", "CPU s",
						ScenarioResult::loadGeneratorCpuSeconds));
	}

	private static Chart resource(ComparisonResults results, String id, String title, String unit,
			ToDoubleFunction<ScenarioResult> metric) {
		List<String> scenarios = results.scenarios().stream().map(Scenario::id).toList();
		List<Series> series = results.stacks()
			.stream()
			.map((stack) -> Series.of(stack,
					scenarios.stream()
						.map((scenario) -> spread(results.runsOf(scenario, stack),
								(run) -> Optional.of(Math.max(0, metric.applyAsDouble(run)))))
						.toList()))
			.toList();
		return Chart.bars("resources-" + id, title, unit, scenarios, series);
	}

	private static List<Series> series(List<StackRuns> ofScenario, List<String> rows,
			ToDoubleFunction<RequestStats> metric) {
		return ofScenario.stream()
			.map((stack) -> Series.of(stack.stack(),
					rows.stream()
						.map((row) -> spread(stack.runs(), (run) -> run.row(row).map(metric::applyAsDouble)))
						.toList()))
			.toList();
	}

	/**
	 * A figure over the runs that have it, as a chart's value: empty if none has.
	 */
	public static Optional<Spread> spread(List<ScenarioResult> runs, Function<ScenarioResult, Optional<Double>> value) {
		List<Double> values = runs.stream()
			.flatMap((run) -> value.apply(run).stream())
			.filter((figure) -> !figure.isNaN())
			.toList();
		return values.isEmpty() ? Optional.empty() : Optional.of(Spread.of(values));
	}

	/**
	 * A figure as a chart's label or tooltip writes it: whole from 100 up, else with two
	 * decimals unless whole.
	 */
	public static String number(double value) {
		if (Math.abs(value) >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** Every run of a scenario on one stack. */
	private record StackRuns(Contender stack, List<ScenarioResult> runs) {

	}

	/** A percentile as a chart draws it. */
	private record Percentile(String name, Dash dash, Function<RequestStats, Integer> read) {

		Percentile(String name, Function<RequestStats, Integer> read) {
			this(name, Dash.SOLID, read);
		}

		int of(RequestStats stats) {
			return this.read.apply(stats);
		}

	}

}
