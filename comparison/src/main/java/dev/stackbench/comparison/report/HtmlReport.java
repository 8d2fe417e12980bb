package dev.stackbench.comparison.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.stackbench.comparison.report.SvgChart.Series;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing
 * fetched): the verdicts first, then a chart for every scenario and every resource, the
 * tables of the Markdown report, and links to the Gatling reports. Charts draw each
 * stack's median run.
 */
final class HtmlReport {

	private static final String STYLE = """
			body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
			h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
			table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
			th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
			th { background: #f4f4f4; } td.held { background: #e5f5e0; } td.not-held { background: #fde0dd; }
			p.note { color: #555; font-size: 0.9em; }
			figure.chart { display: inline-block; margin: 0.5em 0.5em 0.5em 0; }
			svg .title { font-size: 15px; font-weight: bold; } svg .axis, svg .legend { font-size: 12px; fill: #333; }
			svg .grid { stroke: #e3e3e3; }
			""";

	/**
	 * How the latency lines of one stack tell their percentiles apart: dotted, solid,
	 * dashed.
	 */
	private static final List<Percentile> HOCKEY_STICK = List.of(new Percentile("p50", "2,4", RequestStats::p50),
			new Percentile("p99", "", RequestStats::p99), new Percentile("p99.9", "9,5", RequestStats::p999));

	private static final List<Percentile> SPECTRUM = List.of(new Percentile("p50", "", RequestStats::p50),
			new Percentile("p90", "", RequestStats::p90), new Percentile("p95", "", RequestStats::p95),
			new Percentile("p99", "", RequestStats::p99), new Percentile("p99.9", "", RequestStats::p999),
			new Percentile("p99.99", "", RequestStats::p9999), new Percentile("max", "", RequestStats::max));

	private HtmlReport() {
	}

	static String render(ComparisonResults results, Optional<ComparisonResults> baseline) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<title>stackbench comparison (")
			.append(Html.escape(results.preset()))
			.append(")</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>stackbench comparison</h1>\n<p>")
			.append(Html.escape(MarkdownReport.header(results)))
			.append("</p>\n");
		List<Table> tables = ReportTables.all(results, baseline);
		// The verdicts, the baseline and the capacity lead: what a workshop reads first.
		List<Table> leading = tables.stream().filter(HtmlReport::leads).toList();
		leading.forEach((table) -> html.append(table.html()));
		html.append("<h2>Charts by scenario</h2>\n");
		for (Scenario scenario : results.scenarios()) {
			List<String> charts = scenarioCharts(results, scenario);
			if (!charts.isEmpty()) {
				html.append("<h3>").append(Html.escape(scenario.id())).append("</h3>\n");
				charts.forEach(html::append);
			}
		}
		html.append("<h2>Resources by scenario</h2>\n");
		resourceCharts(results).forEach(html::append);
		tables.stream().filter((table) -> !leads(table)).forEach((table) -> html.append(table.html()));
		html.append("<h2>Gatling reports</h2>\n<ul>\n");
		for (ScenarioResult result : results.results()) {
			html.append("<li><a href=\"")
				.append(Html.escape(result.gatlingReport()))
				.append("\">")
				.append(Html.escape(result.scenario().id() + " on " + result.stack().id()
						+ ((results.repeat() > 1) ? ", run " + result.run() : "")))
				.append("</a></li>\n");
		}
		return html.append("</ul>\n</body></html>\n").toString();
	}

	private static boolean leads(Table table) {
		return List.of("Verdicts", "Since the baseline", "Capacity at the SLO").contains(table.title());
	}

	/**
	 * The charts of one scenario: against concurrency for stepped runs, against offered
	 * rate for a capacity search, per request row for the others, and a percentile
	 * spectrum for every open-model scenario.
	 */
	static List<String> scenarioCharts(ComparisonResults results, Scenario scenario) {
		List<ScenarioResult> ofScenario = results.stacks()
			.stream()
			.flatMap((stack) -> results.medianRun(scenario.id(), stack).stream())
			.toList();
		if (ofScenario.isEmpty() || scenario.kind() == Scenario.Kind.SMOKE) {
			return List.of();
		}
		String id = scenario.id();
		if (scenario.load() instanceof LoadShape.Capacity capacity) {
			return capacityCharts(id, capacity, ofScenario);
		}
		if (scenario.kind() == Scenario.Kind.CONCURRENCY_STEPS && scenario.load() instanceof LoadShape.Steps steps) {
			List<String> users = steps.users().stream().map(String::valueOf).toList();
			List<String> rows = steps.users()
				.stream()
				.map((level) -> ThroughputSimulation.requestName(steps.path(), level))
				.toList();
			return List.of(
					SvgChart.lines(id + "-throughput", id + ": throughput against concurrency (closed loop)", "req/s",
							"concurrent users", users, series(ofScenario, rows, RequestStats::throughput)),
					SvgChart.lines(id + "-latency", id + ": p95 latency against concurrency (closed loop)", "ms",
							"concurrent users", users, series(ofScenario, rows, RequestStats::p95)),
					percentiles(id + "-percentiles",
							id + ": latency percentiles at " + users.getLast() + " users (closed loop)", ofScenario,
							rows.getLast()));
		}
		List<String> rows = new ArrayList<>(new LinkedHashSet<>(
				ofScenario.stream().flatMap((result) -> result.requests().stream()).map(RequestStats::name).toList()));
		boolean mixed = rows.stream().anyMatch((row) -> scenario.closedLoop(row) != scenario.kind().closedLoop());
		String loop = mixed ? " (closed loop, then open model)" : scenario.kind().closedLoop() ? " (closed loop)" : "";
		List<String> charts = new ArrayList<>();
		charts.add(SvgChart.bars(id + "-throughput", id + ": throughput" + loop, "req/s", rows,
				series(ofScenario, rows, RequestStats::throughput)));
		if (!scenario.kind().closedLoop()) {
			charts.add(spectrum(id + "-spectrum", id + ": percentile spectrum", ofScenario, ScenarioResult::headline));
		}
		else if (rows.size() == 1) {
			charts.add(percentiles(id + "-latency", id + ": latency percentiles" + loop, ofScenario, rows.getFirst()));
		}
		else {
			charts.add(SvgChart.bars(id + "-latency", id + ": p95 latency" + loop, "ms", rows,
					series(ofScenario, rows, RequestStats::p95)));
		}
		return charts;
	}

	/**
	 * The hockey stick (p50, p99 and p99.9 against offered rate, log latency), achieved
	 * against offered rate, and the spectrum at the highest rate every stack held, where
	 * the stacks are compared at the same load.
	 */
	private static List<String> capacityCharts(String id, LoadShape.Capacity capacity,
			List<ScenarioResult> ofScenario) {
		TreeSet<Double> offered = new TreeSet<>();
		ofScenario.forEach((run) -> run.steps().forEach((step) -> offered.add(step.offeredRate())));
		List<String> xs = offered.stream().map(SvgChart::number).toList();
		List<Series> latency = new ArrayList<>();
		for (ScenarioResult run : ofScenario) {
			for (Percentile percentile : HOCKEY_STICK) {
				latency
					.add(new Series(run.stack().id() + " " + percentile.name(), run.stack().color(), percentile.dash(),
							offered.stream()
								.map((rate) -> step(run, rate).map((step) -> (double) percentile.of(step.stats()))
									.orElse(Double.NaN))
								.toList()));
			}
		}
		List<Series> achieved = ofScenario.stream()
			.map((run) -> new Series(run.stack().id(), run.stack().color(),
					offered.stream()
						.map((rate) -> step(run, rate).map(RateStep::achievedRate).orElse(Double.NaN))
						.toList()))
			.toList();
		double common = offered.stream()
			.filter((rate) -> ofScenario.stream()
				.allMatch((run) -> step(run, rate)
					.filter((step) -> CapacitySearch.verdict(step, capacity) == CapacitySearch.Verdict.HELD)
					.isPresent()))
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(offered.isEmpty() ? 0 : offered.first());
		return List.of(
				SvgChart.logLines(id + "-hockey-stick", id + ": latency against offered rate", "ms",
						"offered req/s (p50 dotted, p99 solid, p99.9 dashed)", xs, latency),
				SvgChart.lines(id + "-achieved", id + ": achieved against offered rate", "achieved req/s",
						"offered req/s", xs, achieved),
				spectrum(id + "-spectrum",
						id + ": percentile spectrum at " + SvgChart.number(common) + " req/s offered", ofScenario,
						(run) -> step(run, common).map(RateStep::stats)));
	}

	private static Optional<RateStep> step(ScenarioResult run, double offeredRate) {
		return run.steps().stream().filter((step) -> step.offeredRate() == offeredRate).findFirst();
	}

	/** p50 to max of one row per stack, on a log axis: where the tail starts. */
	private static String spectrum(String id, String title, List<ScenarioResult> ofScenario,
			Function<ScenarioResult, Optional<RequestStats>> row) {
		List<String> xs = SPECTRUM.stream().map(Percentile::name).toList();
		return SvgChart.logLines(id, title, "ms", "percentile", xs, ofScenario.stream()
			.map((run) -> new Series(run.stack().id(), run.stack().color(), SPECTRUM.stream()
				.map((percentile) -> row.apply(run).map((stats) -> (double) percentile.of(stats)).orElse(Double.NaN))
				.toList()))
			.toList());
	}

	/** p50, p95, p99 and p99.9 of one request row, one bar per stack. */
	private static String percentiles(String id, String title, List<ScenarioResult> ofScenario, String row) {
		return SvgChart.bars(id, title, "ms", List.of("p50", "p95", "p99", "p99.9"),
				ofScenario.stream()
					.map((result) -> new Series(result.stack().id(), result.stack().color(),
							result.row(row)
								.map((stats) -> List.of((double) stats.p50(), (double) stats.p95(),
										(double) stats.p99(), (double) stats.p999()))
								.orElse(List.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN))))
					.toList());
	}

	/**
	 * Threads, CPU, memory, connections and errors of every stack, one group per
	 * scenario.
	 */
	static List<String> resourceCharts(ComparisonResults results) {
		List<String> scenarios = results.scenarios().stream().map(Scenario::id).toList();
		List<ScenarioResult> medians = results.medianRuns();
		return List.of(
				resourceChart(results, medians, scenarios, "threads", "most live JVM threads", "threads",
						(result) -> result.app().maxLiveThreads()),
				resourceChart(results, medians, scenarios, "cpu", "app CPU per 1,000 requests", "CPU ms",
						ScenarioResult::appCpuMillisPer1000Requests),
				resourceChart(results, medians, scenarios, "memory", "most heap in use", "MB",
						(result) -> result.app().maxHeapMegabytes()),
				resourceChart(results, medians, scenarios, "connections", "most open connections", "connections",
						(result) -> result.app().maxConnections()),
				resourceChart(results, medians, scenarios, "errors", "failed or unanswered requests", "requests",
						(result) -> result.failedRequests() + result.unansweredRequests()),
				resourceChart(results, medians, scenarios, "load-generator", "load generator CPU (Gatling)", "CPU s",
						ScenarioResult::loadGeneratorCpuSeconds));
	}

	private static String resourceChart(ComparisonResults results, List<ScenarioResult> medians, List<String> scenarios,
			String id, String title, String unit, ToDoubleFunction<ScenarioResult> metric) {
		List<Series> series = results.stacks()
			.stream()
			.map((stack) -> new Series(stack.id(), stack.color(),
					scenarios.stream()
						.map((scenario) -> medians.stream()
							.filter((result) -> result.stack() == stack && result.scenario().id().equals(scenario))
							.findFirst()
							.map((result) -> Math.max(0, metric.applyAsDouble(result)))
							.orElse(Double.NaN))
						.toList()))
			.toList();
		return SvgChart.bars("resources-" + id, title, unit, scenarios, series);
	}

	private static List<Series> series(List<ScenarioResult> ofScenario, List<String> rows,
			ToDoubleFunction<RequestStats> metric) {
		return ofScenario.stream()
			.map((result) -> new Series(result.stack().id(), result.stack().color(),
					rows.stream().map((row) -> result.row(row).map(metric::applyAsDouble).orElse(Double.NaN)).toList()))
			.toList();
	}

	/** A percentile as a chart draws it. */
	private record Percentile(String name, String dash, Function<RequestStats, Integer> read) {

		int of(RequestStats stats) {
			return this.read.apply(stats);
		}

	}

}
