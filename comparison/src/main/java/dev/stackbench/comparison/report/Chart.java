package dev.stackbench.comparison.report;

import java.util.List;
import java.util.Optional;

import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;

/**
 * What one chart of the report shows, whoever draws it: its categories (request rows,
 * concurrency levels, offered rates, percentiles or scenarios) and, per series, each
 * category's figure as a {@link Spread} over the runs, so that a chart draws the median
 * with its range. {@link ReportCharts} decides which charts a scenario gets;
 * {@link EChartsFigure} draws one.
 *
 * @param id the chart's id in the page ({@code data-chart}), unique within a report
 * @param title its title
 * @param shape bars grouped by category, or lines across the categories
 * @param unit the y axis' unit, shown with every value
 * @param logarithmic whether the y axis is logarithmic (latencies spanning decades; a
 * value under 1 is drawn at 1)
 * @param xAxis the x axis' name, empty for none
 * @param categories the x positions, in order
 * @param series one or more series, each with one value per category
 */
public record Chart(String id, String title, Shape shape, String unit, boolean logarithmic, String xAxis,
		List<String> categories, List<Series> series) {

	public Chart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		for (Series one : series) {
			if (one.values().size() != categories.size()) {
				throw new IllegalArgumentException("chart " + id + ": series " + one.label() + " has "
						+ one.values().size() + " values for " + categories.size() + " categories");
			}
		}
	}

	/** Grouped bars: one group per category, one bar per series within it. */
	public static Chart bars(String id, String title, String unit, List<String> categories, List<Series> series) {
		return new Chart(id, title, Shape.BARS, unit, false, "", categories, series);
	}

	/** Lines over categorical x positions, such as concurrency levels. */
	public static Chart lines(String id, String title, String unit, String xAxis, List<String> xs,
			List<Series> series) {
		return new Chart(id, title, Shape.LINES, unit, false, xAxis, xs, series);
	}

	/**
	 * Lines on a logarithmic y axis, for latencies that span decades: the hockey stick of
	 * latency against offered rate, or a percentile spectrum. Equally spaced x positions
	 * of geometric steps make the x axis logarithmic too.
	 */
	public static Chart logLines(String id, String title, String unit, String xAxis, List<String> xs,
			List<Series> series) {
		return new Chart(id, title, Shape.LINES, unit, true, xAxis, xs, series);
	}

	/** Whether any value comes from more than one run, and so has a range to draw. */
	public boolean repeated() {
		return this.series.stream()
			.flatMap((one) -> one.values().stream())
			.flatMap(Optional::stream)
			.anyMatch((spread) -> spread.runs() > 1);
	}

	/** How a chart lays its series out. */
	public enum Shape {

		BARS, LINES

	}

	/** How a line is drawn, to tell apart the lines of one colour. */
	public enum Dash {

		SOLID, DOTTED, DASHED

	}

	/**
	 * One series of a chart.
	 *
	 * @param name the legend's entry, which toggles every series of that name: the
	 * stack's id, shared by a stack's several lines
	 * @param label the series' own name where a value is shown, such as
	 * {@code platform p99}
	 * @param color the stack's colour
	 * @param dash how its line is drawn (bars ignore it)
	 * @param values one figure per category over the runs, empty where there is none
	 */
	public record Series(String name, String label, String color, Dash dash, List<Optional<Spread>> values) {

		public Series {
			values = List.copyOf(values);
		}

		public Series(String name, String color, List<Optional<Spread>> values) {
			this(name, name, color, Dash.SOLID, values);
		}

		/** A stack's series, named and coloured as the stack. */
		public static Series of(Contender stack, List<Optional<Spread>> values) {
			return new Series(stack.id(), stack.color(), values);
		}

	}

}
