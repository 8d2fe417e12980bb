package dev.stackbench.gatling.comparison;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.stackbench.gatling.comparison.SvgChart.Series;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) with a chart for
 * every scenario and every resource, the tables of the Markdown report, and links to the Gatling reports.
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

	private HtmlReport() {
	}

	static String render(ComparisonResults results) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<title>stackbench comparison (")
			.append(Html.escape(results.preset()))
			.append(")</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>stackbench comparison</h1>\n<p>")
			.append(Html.escape(MarkdownReport.header(results)))
			.append("</p>\n");
		html.append(ReportTables.claims(results).html());
		html.append("<h2>Charts by scenario</h2>\n");
		for (Scenario scenario : results.scenarios()) {
			html.append("<h3>").append(Html.escape(scenario.id())).append("</h3>\n");
			scenarioCharts(results, scenario).forEach(html::append);
		}
		html.append("<h2>Resources by scenario</h2>\n");
		resourceCharts(results).forEach(html::append);
		for (Table table : ReportTables.all(results)) {
			if (!table.title().equals(ReportTables.claims(results).title())) {
				html.append(table.html());
			}
		}
		html.append("<h2>Gatling reports</h2>\n<ul>\n");
		for (ScenarioResult result : results.results()) {
			html.append("<li><a href=\"")
				.append(Html.escape(result.gatlingReport()))
				.append("\">")
				.append(Html.escape(result.scenario() + " on " + result.stack()))
				.append("</a></li>\n");
		}
		return html.append("</ul>\n</body></html>\n").toString();
	}

	/** The charts of one scenario: against concurrency for stepped runs, per request row for the others. */
	static List<String> scenarioCharts(ComparisonResults results, Scenario scenario) {
		List<ScenarioResult> ofScenario = results.resultsOf(scenario.id());
		if (ofScenario.isEmpty() || scenario.kind() == Scenario.Kind.SMOKE) {
			return List.of();
		}
		if (scenario.kind() == Scenario.Kind.CONCURRENCY_STEPS) {
			List<String> users = List.of(scenario.parameters().get("users").split(","));
			List<String> rows = users.stream()
				.map((level) -> ThroughputSimulation.requestName(scenario.parameters().get("path"), Integer.parseInt(level.trim())))
				.toList();
			return List.of(
					SvgChart.lines(scenario.id() + "-throughput", scenario.id() + ": throughput against concurrency", "req/s",
							"concurrent users", users, series(results, ofScenario, rows, RequestStats::throughput)),
					SvgChart.lines(scenario.id() + "-latency", scenario.id() + ": p95 latency against concurrency", "ms",
							"concurrent users", users, series(results, ofScenario, rows, RequestStats::p95)),
					percentiles(scenario.id() + "-percentiles",
							scenario.id() + ": latency percentiles at " + users.getLast().trim() + " users", ofScenario,
							rows.getLast()));
		}
		List<String> rows = new ArrayList<>(new LinkedHashSet<>(
				ofScenario.stream().flatMap((result) -> result.requests().stream()).map(RequestStats::name).toList()));
		List<String> charts = new ArrayList<>();
		charts.add(SvgChart.bars(scenario.id() + "-throughput", scenario.id() + ": throughput", "req/s", rows,
				series(results, ofScenario, rows, RequestStats::throughput)));
		if (rows.size() == 1) {
			charts.add(percentiles(scenario.id() + "-latency", scenario.id() + ": latency percentiles", ofScenario,
					rows.getFirst()));
		}
		else {
			charts.add(SvgChart.bars(scenario.id() + "-latency", scenario.id() + ": p95 latency", "ms", rows,
					series(results, ofScenario, rows, RequestStats::p95)));
		}
		return charts;
	}

	/** p50, p95 and p99 of one request row, one bar per stack. */
	private static String percentiles(String id, String title, List<ScenarioResult> ofScenario, String row) {
		return SvgChart.bars(id, title, "ms", List.of("p50", "p95", "p99"),
				ofScenario.stream()
					.map((result) -> new Series(result.stack(), Stack.of(result.stack()).color(),
							result.row(row)
								.map((stats) -> List.of((double) stats.p50(), (double) stats.p95(), (double) stats.p99()))
								.orElse(List.of(Double.NaN, Double.NaN, Double.NaN))))
					.toList());
	}

	/** Threads, CPU, memory, connections and errors of every stack, one group per scenario. */
	static List<String> resourceCharts(ComparisonResults results) {
		List<String> scenarios = results.scenarios().stream().map(Scenario::id).toList();
		return List.of(
				resourceChart(results, scenarios, "threads", "most live JVM threads", "threads",
						(result) -> result.app().maxLiveThreads()),
				resourceChart(results, scenarios, "cpu", "app CPU per 1,000 requests", "CPU ms",
						ScenarioResult::appCpuMillisPer1000Requests),
				resourceChart(results, scenarios, "memory", "most heap in use", "MB", (result) -> result.app().maxHeapMegabytes()),
				resourceChart(results, scenarios, "connections", "most open connections", "connections",
						(result) -> result.app().maxConnections()),
				resourceChart(results, scenarios, "errors", "failed or unanswered requests", "requests",
						(result) -> result.failedRequests() + result.unansweredRequests()),
				resourceChart(results, scenarios, "load-generator", "load generator CPU (Gatling)", "CPU s",
						ScenarioResult::loadGeneratorCpuSeconds));
	}

	private static String resourceChart(ComparisonResults results, List<String> scenarios, String id, String title,
			String unit, ToDoubleFunction<ScenarioResult> metric) {
		List<Series> series = results.stacks()
			.stream()
			.map((stack) -> new Series(stack.id(), stack.color(), scenarios.stream()
				.map((scenario) -> results.resultsOf(scenario)
					.stream()
					.filter((result) -> result.stack().equals(stack.id()))
					.findFirst()
					.map((result) -> Math.max(0, metric.applyAsDouble(result)))
					.orElse(Double.NaN))
				.toList()))
			.toList();
		return SvgChart.bars("resources-" + id, title, unit, scenarios, series);
	}

	private static List<Series> series(ComparisonResults results, List<ScenarioResult> ofScenario, List<String> rows,
			ToDoubleFunction<RequestStats> metric) {
		return ofScenario.stream()
			.map((result) -> new Series(result.stack(), Stack.of(result.stack()).color(),
					rows.stream().map((row) -> result.row(row).map(metric::applyAsDouble).orElse(Double.NaN)).toList()))
			.toList();
	}

}
