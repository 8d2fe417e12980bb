package dev.stackbench.comparison.report;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Spread;

/**
 * How a table's cells write a figure: over several runs, its median with the lowest and
 * highest in brackets; counts with thousands separated.
 */
public final class Cells {

	private Cells() {
	}

	public static <T> Cell spread(List<T> runs, ToDoubleFunction<T> figure) {
		return spread(runs, figure, 0);
	}

	public static <T> Cell spread(List<T> runs, ToDoubleFunction<T> figure, int decimals) {
		return Cell.of(Spread.of(runs.stream().map(figure::applyAsDouble).toList()).text(decimals));
	}

	/** One request row's figure over the runs; 0 in a run without the row. */
	public static Cell rowSpread(List<ScenarioResult> runs, String row, ToDoubleFunction<RequestStats> figure) {
		return spread(runs, (run) -> run.row(row).map(figure::applyAsDouble).orElse(0.0));
	}

	/** A row's p50 / p99 / p99.9 over the runs, each with its spread. */
	public static Cell latencies(List<ScenarioResult> runs, String row) {
		return Cell
			.of(rowSpread(runs, row, RequestStats::p50).text() + " / " + rowSpread(runs, row, RequestStats::p99).text()
					+ " / " + rowSpread(runs, row, RequestStats::p999).text());
	}

	/** A count that a stack may not have (-1): a dash then. */
	public static Cell counts(List<AppMetrics> apps, ToDoubleFunction<AppMetrics> figure) {
		return metered(apps, figure, 0);
	}

	/** A figure a meter may not give (-1 in every run): a dash then. */
	public static <T> Cell metered(List<T> runs, ToDoubleFunction<T> figure, int decimals) {
		return runs.stream().allMatch((run) -> figure.applyAsDouble(run) < 0) ? Cell.of("-")
				: spread(runs, figure, decimals);
	}

	public static String count(double value) {
		return format(Locale.ROOT, "%,.0f", value);
	}

	public static String decimal(double value) {
		return format(Locale.ROOT, "%,.1f", value);
	}

	public static String percent(double share) {
		return format(Locale.ROOT, "%.0f%%", 100 * share);
	}

}
