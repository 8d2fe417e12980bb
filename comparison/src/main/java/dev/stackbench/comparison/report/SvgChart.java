package dev.stackbench.comparison.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Charts as inline SVG, drawn by the browser from the report's own markup: no script, no
 * library, no network, so the report opens offline and prints. Each chart carries
 * {@code data-chart} so a test can find it.
 */
final class SvgChart {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 300;

	private static final int LEFT = 70;

	private static final int RIGHT = 20;

	/**
	 * Room for the title and, on a line of its own below it, the legend: a long title
	 * beside it overlapped.
	 */
	private static final int TOP = 52;

	private static final int BOTTOM = 60;

	private SvgChart() {
	}

	/**
	 * One series of a chart.
	 *
	 * @param name the legend's label
	 * @param color the fill or stroke colour
	 * @param dash an SVG {@code stroke-dasharray} for a line, empty for a solid one
	 * @param values one value per group or x position; NaN where there is none
	 */
	record Series(String name, String color, String dash, List<Double> values) {

		Series(String name, String color, List<Double> values) {
			this(name, color, "", values);
		}

	}

	/**
	 * Where a value lands on the y axis, as a fraction of the plot's height from its
	 * bottom.
	 */
	private interface Scale {

		double fraction(double value);

		/** The values to draw grid lines at. */
		List<Double> ticks();

		static Scale linear(double max) {
			return new Scale() {
				@Override
				public double fraction(double value) {
					return value / max;
				}

				@Override
				public List<Double> ticks() {
					return List.of(0.0, max / 4, max / 2, 3 * max / 4, max);
				}
			};
		}

		/**
		 * Powers of ten from 1 up to the first at or above the largest value: latencies
		 * from a millisecond (Gatling's resolution; a 0 ms answer is drawn at 1) to
		 * seconds, so a p50 and a p99.9 a thousand times apart both show.
		 */
		static Scale logarithmic(double max) {
			int decades = Math.max(1, (int) Math.ceil(Math.log10(Math.max(max, 10))));
			return new Scale() {
				@Override
				public double fraction(double value) {
					return Math.log10(Math.max(1, value)) / decades;
				}

				@Override
				public List<Double> ticks() {
					return IntStream.rangeClosed(0, decades).mapToObj((power) -> Math.pow(10, power)).toList();
				}
			};
		}

	}

	/** Grouped bars: one group per category, one bar per series within it. */
	static String bars(String id, String title, String unit, List<String> categories, List<Series> series) {
		double max = niceMax(series);
		StringBuilder svg = open(id, title, unit, Scale.linear(max), series);
		double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
		double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
		for (int category = 0; category < categories.size(); category++) {
			double groupX = LEFT + category * groupWidth + groupWidth * 0.1;
			for (int s = 0; s < series.size(); s++) {
				double value = series.get(s).values().get(category);
				if (Double.isNaN(value)) {
					continue;
				}
				double height = plotHeight() * value / max;
				svg.append(String.format(Locale.ROOT,
						"<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
								+ "fill=\"%s\"><title>%s, %s: %s %s</title></rect>",
						groupX + s * barWidth, TOP + plotHeight() - height, Math.max(1, barWidth - 2),
						Math.max(1, height), series.get(s).color(), Html.escape(series.get(s).name()),
						Html.escape(categories.get(category)), number(value), Html.escape(unit)));
			}
			svg.append(xLabel(LEFT + category * groupWidth + groupWidth / 2, categories.get(category)));
		}
		return close(svg);
	}

	/** Lines over categorical x positions, such as concurrency levels. */
	static String lines(String id, String title, String unit, String xAxis, List<String> xs, List<Series> series) {
		return lines(id, title, unit, xAxis, xs, series, Scale.linear(niceMax(series)));
	}

	/**
	 * Lines on a logarithmic y axis, for latencies that span decades: the hockey stick of
	 * latency against offered rate, or a percentile spectrum. Equally spaced x positions
	 * of geometric steps make the x axis logarithmic too.
	 */
	static String logLines(String id, String title, String unit, String xAxis, List<String> xs, List<Series> series) {
		double max = series.stream()
			.flatMap((s) -> s.values().stream())
			.filter((v) -> !Double.isNaN(v))
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		return lines(id, title, unit + " (log scale)", xAxis, xs, series, Scale.logarithmic(max));
	}

	private static String lines(String id, String title, String unit, String xAxis, List<String> xs,
			List<Series> series, Scale scale) {
		StringBuilder svg = open(id, title, unit, scale, series);
		double step = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, xs.size());
		for (Series line : series) {
			StringBuilder points = new StringBuilder();
			for (int x = 0; x < xs.size(); x++) {
				double value = line.values().get(x);
				if (Double.isNaN(value)) {
					continue;
				}
				double px = LEFT + step * x + step / 2;
				double py = TOP + plotHeight() - plotHeight() * scale.fraction(value);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
				svg.append(String.format(Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s @ %s: %s %s</title></circle>",
						px, py, line.color(), Html.escape(line.name()), Html.escape(xs.get(x)), number(value),
						Html.escape(unit)));
			}
			svg.append("<polyline class=\"line\" fill=\"none\" stroke-width=\"3\" stroke=\"")
				.append(line.color())
				.append(line.dash().isEmpty() ? "" : "\" stroke-dasharray=\"" + line.dash())
				.append("\" points=\"")
				.append(points.toString().trim())
				.append("\"/>");
		}
		for (int x = 0; x < xs.size(); x++) {
			svg.append(xLabel(LEFT + step * x + step / 2, xs.get(x)));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%s</text>",
				LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 8, Html.escape(xAxis)));
		return close(svg);
	}

	private static StringBuilder open(String id, String title, String unit, Scale scale, List<Series> series) {
		StringBuilder svg = new StringBuilder();
		svg.append("<figure class=\"chart\" data-chart=\"").append(Html.escape(id)).append("\">");
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
						+ "role=\"img\" aria-label=\"%s\">",
				WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"title\">%s</text>", LEFT,
				Html.escape(title)));
		for (double value : scale.ticks()) {
			double y = TOP + plotHeight() - plotHeight() * scale.fraction(value);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/><text x=\"%d\" y=\"%.1f\" "
							+ "text-anchor=\"end\" class=\"axis\">%s</text>",
					LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, number(value)));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\" "
						+ "class=\"axis\">%s</text>",
				TOP + plotHeight() / 2, TOP + plotHeight() / 2, Html.escape(unit)));
		// One entry per colour: series that share one (a stack's p50, p99 and p99.9)
		// share its first word.
		Map<String, String> legend = new LinkedHashMap<>();
		series.forEach((line) -> legend.putIfAbsent(line.color(), line.name().split(" ")[0]));
		List<Map.Entry<String, String>> entries = List.copyOf(legend.entrySet());
		int legendX = WIDTH - RIGHT;
		for (int s = entries.size() - 1; s >= 0; s--) {
			String name = entries.get(s).getValue();
			legendX -= 22 + name.length() * 7;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"28\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"39\" "
							+ "class=\"legend\">%s</text>",
					legendX, entries.get(s).getKey(), legendX + 16, Html.escape(name)));
		}
		return svg;
	}

	private static String close(StringBuilder svg) {
		return svg.append("</svg></figure>\n").toString();
	}

	private static String xLabel(double x, String label) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%s</text>",
				x, TOP + plotHeight() + 18, Html.escape(label));
	}

	private static int plotHeight() {
		return HEIGHT - TOP - BOTTOM;
	}

	/**
	 * The axis maximum: the largest value rounded up to 1, 2 or 5 times a power of ten.
	 */
	static double niceMax(List<Series> series) {
		double max = series.stream()
			.flatMap((s) -> s.values().stream())
			.filter((value) -> !Double.isNaN(value))
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		if (max <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
		for (double factor : new double[] { 1, 2, 5, 10 }) {
			if (max <= factor * magnitude) {
				return factor * magnitude;
			}
		}
		return 10 * magnitude;
	}

	static String number(double value) {
		if (Math.abs(value) >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
