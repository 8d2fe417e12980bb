package dev.stackbench.comparison.report;

import java.util.List;
import java.util.Optional;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.scenario.Capacity;
import dev.stackbench.comparison.scenario.Cost;
import dev.stackbench.comparison.scenario.Overhead;
import dev.stackbench.comparison.theory.Analysis;

/**
 * {@code report.html}: one self-contained page, nothing fetched (inline CSS, and the
 * charts' library and data inlined too, so that it opens offline, from a file or a CI
 * artifact): the verdicts first, then a chart for every scenario and every resource, the
 * tables of the Markdown report, and links to the Gatling reports.
 * <p>
 * Charts show each stack's median over its runs with the range of the runs, the exact
 * values on hover, a legend that hides a stack, and x labels turned so that they never
 * overlap: drawn by Apache ECharts ({@link EChartsFigure}) rather than by hand, for the
 * hover values, the ranges and the label layout of a maintained library. Which charts a
 * scenario gets is {@link ReportCharts}'.
 */
final class HtmlReport {

	private static final String STYLE = """
			body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
			h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
			table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
			th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
			th { background: #f4f4f4; } td.held { background: #e5f5e0; } td.not-held { background: #fde0dd; }
			p.note { color: #555; font-size: 0.9em; }
			figure.chart { margin: 0.8em 0; }
			""";

	private HtmlReport() {
	}

	static String render(ComparisonResults results, Optional<ComparisonResults> baseline) {
		return render(Analysis.of(results, baseline));
	}

	static String render(Analysis analysis) {
		ComparisonResults results = analysis.results();
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<title>stackbench comparison (")
			.append(Html.escape(results.preset()))
			.append(")</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n<h1>stackbench comparison</h1>\n<p>")
			.append(Html.escape(MarkdownReport.header(results)))
			.append("</p>\n<p class=\"noise\">")
			.append(Html.escape(analysis.verdicts().noise().inWords()))
			.append("</p>\n");
		List<Table> tables = ReportTables.all(analysis);
		// The verdicts, the baseline and the capacity lead: what a workshop reads first.
		List<Table> leading = tables.stream().filter(HtmlReport::leads).toList();
		leading.forEach((table) -> html.append(table.html()));
		html.append("<h2>Charts by scenario</h2>\n<p class=\"note\">")
			.append((results.repeat() > 1) ? "Each figure is a stack's median over its " + results.repeat()
					+ " runs, its whisker the range from the lowest run to the highest. " : "")
			.append("Hover over a chart for its values; click a stack in a legend to hide it.</p>\n")
			.append("<noscript><p class=\"note\">The charts are drawn by the page's own script: allow it to see them."
					+ " The tables hold the same figures.</p></noscript>\n");
		for (Scenario scenario : results.scenarios()) {
			List<Chart> charts = ReportCharts.scenario(results, scenario);
			if (!charts.isEmpty()) {
				html.append("<h3>").append(Html.escape(scenario.id())).append("</h3>\n");
				charts.forEach((chart) -> html.append(EChartsFigure.html(chart)));
			}
		}
		html.append("<h2>Resources by scenario</h2>\n");
		ReportCharts.resources(results).forEach((chart) -> html.append(EChartsFigure.html(chart)));
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
		return html.append("</ul>\n").append(EChartsFigure.scripts()).append("</body></html>\n").toString();
	}

	private static boolean leads(Table table) {
		return List
			.of("Verdicts", ReportTables.DEATHS, "Since the baseline", Cost.TABLE, Overhead.TABLE, Capacity.TABLE)
			.contains(table.title());
	}

}
