package dev.stackbench.comparison.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import dev.stackbench.comparison.report.Chart.Series;
import dev.stackbench.comparison.result.Spread;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Draws a {@link Chart} with Apache ECharts: a {@code figure} holding the chart's ECharts
 * option as JSON, which the page's script ({@code charts.js}, after the ECharts library,
 * both inlined by {@link #scripts()}) hands to ECharts, rendering to SVG. Each stack's
 * figure is drawn at its median over the runs with a whisker from the lowest to the
 * highest run; hovering shows the values with their unit, and the legend toggles a stack.
 * <p>
 * Every data item is {@code [category, median, min, max, runs]}, the figures as plotted
 * (at least 1 on a log axis); each series' {@code stackbench.tips} has what the tooltip
 * says of each item, formatted as the report's tables format figures.
 */
final class EChartsFigure {

	/** Where the ECharts WebJar keeps its files. */
	private static final String WEBJAR = "META-INF/resources/webjars/echarts/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A chart's width in pixels, and a wider one's for many groups. */
	private static final int WIDTH = 720;

	private static final int WIDE = 1060;

	/** Above this many categories, a chart takes the page's width. */
	private static final int NARROW_CATEGORIES = 8;

	/**
	 * Pixels between the whiskers of neighbouring stacks at one point of a line chart.
	 */
	private static final double DODGE = 4;

	private EChartsFigure() {
	}

	/**
	 * The chart's {@code figure}, carrying {@code data-chart} with the chart's id so that
	 * a test can find it.
	 */
	static String html(Chart chart) {
		int width = (chart.categories().size() > NARROW_CATEGORIES) ? WIDE : WIDTH;
		return "<figure class=\"chart\" data-chart=\"" + Html.escape(chart.id()) + "\"><div class=\"plot\" role=\"img\""
				+ " aria-label=\"" + Html.escape(chart.title()) + "\" style=\"width:" + width
				+ "px;height:320px\"></div><script type=\"application/json\" class=\"chart-option\">" + option(chart)
				+ "</script></figure>\n";
	}

	/**
	 * The chart's ECharts option, as JSON safe inside a {@code script} element. The
	 * page's script fills in what JSON cannot hold (the functions that draw the bars, the
	 * whiskers and the tooltip) and what needs the fonts measured (the x labels'
	 * rotation).
	 */
	static String option(Chart chart) {
		ObjectNode option = JSON.createObjectNode();
		option.put("animation", false);
		String xName = chart.xAxis();
		// What the tooltip heads its values with: the x axis' name without its notes.
		option.putObject("stackbench")
			.put("xName", xName.contains(" (") ? xName.substring(0, xName.indexOf(" (")) : xName);
		ObjectNode title = option.putObject("title").put("text", chart.title()).put("left", 10).put("top", 4);
		title.putObject("textStyle").put("fontSize", 15);
		List<String> stacks = chart.series().stream().map(Series::name).distinct().toList();
		ArrayNode legend = option.putObject("legend")
			.put("top", 32)
			.put("left", 10)
			.put("icon", "rect")
			.putArray("data");
		stacks.forEach(legend::add);
		ObjectNode tooltip = option.putObject("tooltip")
			.put("trigger", "axis")
			.put("confine", true)
			.put("transitionDuration", 0)
			.put("className", "chart-tooltip");
		tooltip.putObject("axisPointer").put("type", (chart.shape() == Chart.Shape.BARS) ? "shadow" : "line");
		option.putObject("grid")
			.put("left", 10)
			.put("right", 24)
			.put("top", 80)
			.put("bottom", 10)
			.put("containLabel", true);
		axes(option, chart);
		ArrayNode series = option.putArray("series");
		for (Series one : chart.series()) {
			if (chart.shape() == Chart.Shape.BARS) {
				items(custom(series, one, "bar"), one, chart, true);
				continue;
			}
			ObjectNode line = series.addObject().put("type", "line").put("name", one.name());
			line.putObject("stackbench").put("role", "line").put("label", one.label());
			line.putObject("itemStyle").put("color", one.color());
			line.putObject("lineStyle").put("type", one.dash().name().toLowerCase(Locale.ROOT)).put("width", 2.5);
			line.put("symbol", "circle").put("symbolSize", 6).put("connectNulls", false);
			line.putObject("encode").put("x", 0).put("y", 1);
			items(line, one, chart, true);
			ObjectNode range = custom(series, one, "range");
			((ObjectNode) range.get("stackbench")).put("dodge",
					(stacks.indexOf(one.name()) - (stacks.size() - 1) / 2.0) * DODGE);
			// The line's own items show in the tooltip: the whiskers' would repeat them.
			range.putObject("tooltip").put("show", false);
			range.put("z", 3);
			items(range, one, chart, false);
		}
		// '<' only ever appears inside JSON strings: escaped, no text can close the
		// script element.
		return JSON.writeValueAsString(option).replace("<", "\\u003c");
	}

	/**
	 * The categories along x, every label shown (the page's script turns or breaks them
	 * to fit), and the unit up y, logarithmic or linear.
	 */
	private static void axes(ObjectNode option, Chart chart) {
		ObjectNode x = option.putObject("xAxis")
			.put("type", "category")
			.put("name", chart.xAxis())
			.put("nameLocation", "middle");
		ArrayNode categories = x.putArray("data");
		chart.categories().forEach(categories::add);
		x.putObject("axisTick").put("alignWithLabel", true);
		x.putObject("axisLabel").put("interval", 0);
		ObjectNode y = option.putObject("yAxis");
		if (chart.logarithmic()) {
			y.put("type", "log").put("logBase", 10);
		}
		else {
			y.put("type", "value");
		}
		y.put("name", chart.unit() + (chart.logarithmic() ? " (log scale)" : ""))
			.put("nameLocation", "end")
			.put("nameGap", 12);
		y.putObject("nameTextStyle").put("align", "left");
	}

	/**
	 * A series ECharts draws with the page's function named {@code role}: {@code bar} (a
	 * bar with its whisker) or {@code range} (a whisker alone). Its y values are the
	 * median, the lowest and the highest run, so that the axis takes in the whole range.
	 */
	private static ObjectNode custom(ArrayNode series, Series one, String role) {
		ObjectNode custom = series.addObject();
		custom.put("type", "custom");
		custom.put("name", one.name());
		custom.put("renderItem", role);
		custom.putObject("stackbench").put("role", role).put("label", one.label());
		custom.putObject("itemStyle").put("color", one.color());
		ObjectNode encode = custom.putObject("encode");
		encode.put("x", 0);
		encode.putArray("y").add(1).add(2).add(3);
		return custom;
	}

	/**
	 * The series' items, one per category with a value; for a series the tooltip reads,
	 * what it says of each, beside them; and for a line an empty item where there is no
	 * value, so that it breaks there.
	 */
	private static void items(ObjectNode series, Series one, Chart chart, boolean tipped) {
		boolean line = series.path("type").asString().equals("line");
		ArrayNode data = series.putArray("data");
		ArrayNode tips = JSON.createArrayNode();
		for (int category = 0; category < one.values().size(); category++) {
			Optional<Spread> value = one.values().get(category);
			if (value.isPresent()) {
				Spread spread = value.get();
				data.addArray()
					.add(category)
					.add(plotted(rounded(spread.median()), chart.logarithmic()))
					.add(plotted(rounded(spread.min()), chart.logarithmic()))
					.add(plotted(rounded(spread.max()), chart.logarithmic()))
					.add(spread.runs());
				tips.add(tip(spread, chart.unit()));
			}
			else if (line) {
				data.addArray().add(category).addNull();
				tips.addNull();
			}
		}
		if (tipped) {
			((ObjectNode) series.get("stackbench")).set("tips", tips);
		}
	}

	/**
	 * A value as the tooltip shows it: {@code 3,000 req/s} for one run,
	 * {@code 3,000 req/s, median of 3 runs, range 2,700–3,300 req/s} for several, and
	 * {@code 2 ms in each of 3 runs} for several that agree.
	 */
	static String tip(Spread spread, String unit) {
		String median = ReportCharts.number(spread.median()) + " " + unit;
		if (spread.runs() == 1) {
			return median;
		}
		if (rounded(spread.max()) > rounded(spread.min())) {
			return median + ", median of " + spread.runs() + " runs, range " + ReportCharts.number(spread.min()) + "–"
					+ ReportCharts.number(spread.max()) + " " + unit;
		}
		return median + " in each of " + spread.runs() + " runs";
	}

	/**
	 * A log axis starts at 1: Gatling's resolution is a millisecond.
	 */
	static double plotted(double value, boolean logarithmic) {
		return logarithmic ? Math.max(1, value) : value;
	}

	/**
	 * A figure to six significant digits, more than a chart or its tooltip shows: runs
	 * that agree but for the last bits of a division draw no range, and the page is
	 * smaller.
	 */
	static double rounded(double value) {
		return new BigDecimal(value).round(new MathContext(6)).doubleValue();
	}

	/**
	 * The ECharts library and the page's own script, inlined so that the report opens
	 * offline; to be placed after the charts' figures.
	 */
	static String scripts() {
		return Scripts.HTML;
	}

	/** Read once: the library is a megabyte. */
	private static final class Scripts {

		static final String HTML = "<script>/* Apache ECharts " + version()
				+ ", Copyright 2017-2022 The Apache Software Foundation (https://www.apache.org/), Apache License 2.0 */\n"
				+ resource(WEBJAR + version() + "/dist/echarts.min.js") + "\n</script>\n<script>\n"
				+ resource("dev/stackbench/comparison/report/charts.js") + "</script>\n";

		private static String version() {
			Properties pom = new Properties();
			try (InputStream in = stream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
				pom.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return pom.getProperty("version");
		}

		private static String resource(String name) {
			try (InputStream in = stream(name)) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (text.contains("</script")) {
					throw new IllegalStateException(name + " would close its inline script element");
				}
				return text;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static InputStream stream(String name) {
			InputStream in = EChartsFigure.class.getClassLoader().getResourceAsStream(name);
			if (in == null) {
				throw new IllegalStateException(name + " is not on the class path: the report's charts need it");
			}
			return in;
		}

	}

}
