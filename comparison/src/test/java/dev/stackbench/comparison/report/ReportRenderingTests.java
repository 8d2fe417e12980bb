package dev.stackbench.comparison.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Opens reports in headless Chromium and checks what it drew: a screenshot in which every
 * stack's colour covers real area, and, measured in the page on a crowded comparison of
 * three runs a stack, that no two texts of a chart (axis labels, axis names, legend,
 * title) overlap or leave the chart, that every figure whose runs differ has its range
 * drawn from the lowest run to the highest, and that the tooltip shows a value with its
 * range and unit. CI installs Chromium and fails without it; elsewhere the tests are
 * skipped when Chromium is missing.
 */
class ReportRenderingTests {

	/**
	 * The standard preset's scenarios the fixture lacks, each a copy of a fixture
	 * scenario (the one named): seventeen groups of three bars in every resource chart,
	 * whose names are 50 to 110 px wide in a slot of about 55.
	 */
	private static final Map<String, String> COPIES = copies();

	@Test
	void chromiumDrawsEveryChart(@TempDir Path folder) throws Exception {
		Path chromium = chromium();
		ComparisonResults comparison = Fixtures.comparison();
		Reports.write(comparison, Optional.empty(), folder);
		Path screenshot = folder.resolve("report.png");
		run(chromium, folder, "--hide-scrollbars", "--window-size=1280,12000", "--virtual-time-budget=5000",
				"--screenshot=" + screenshot, folder.resolve("report.html").toUri().toString());
		BufferedImage image = ImageIO.read(screenshot.toFile());
		assertThat(image).as("screenshot, Chromium said: %s", Files.readString(folder.resolve("chromium.log")))
			.isNotNull();
		int charts = charts(comparison).size();
		for (Contender stack : comparison.stacks()) {
			int rgb = Integer.parseInt(stack.color().substring(1), 16);
			assertThat(pixels(image, rgb)).as("pixels drawn in %s's colour", stack.id()).isGreaterThan(charts * 150L);
		}
	}

	@Test
	void labelsNeverOverlapRangesAreDrawnAndTheTooltipShowsValues(@TempDir Path folder) throws Exception {
		Path chromium = chromium();
		ComparisonResults comparison = crowded();
		Reports.write(comparison, Optional.empty(), folder);
		Path page = folder.resolve("probe.html");
		String report = Files.readString(folder.resolve("report.html"));
		// The last: the inlined library holds the text too.
		int end = report.lastIndexOf("</body>");
		Files.writeString(page,
				report.substring(0, end) + "<script>\n" + probe() + "</script>\n" + report.substring(end));
		String dom = run(chromium, folder, "--window-size=1280,1000", "--virtual-time-budget=20000", "--dump-dom",
				page.toUri().toString());
		assertThat(dom).as("the page's verdict, Chromium said: %s", Files.readString(folder.resolve("chromium.log")))
			.contains("<pre id=\"verdict\">");
		String json = dom.substring(dom.lastIndexOf("<pre id=\"verdict\">") + "<pre id=\"verdict\">".length());
		json = json.substring(0, json.indexOf("</pre>"))
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&amp;", "&");
		JsonNode verdicts = JsonMapper.builder().build().readTree(json);

		List<Chart> charts = charts(comparison);
		assertThat(verdicts.valueStream().map((verdict) -> verdict.path("id").asString()))
			.containsExactlyElementsOf(charts.stream().map(Chart::id).toList());
		assertThat(charts).as("a crowded comparison").hasSizeGreaterThan(40);
		for (int index = 0; index < charts.size(); index++) {
			Chart chart = charts.get(index);
			JsonNode verdict = verdicts.get(index);
			assertThat(verdict.path("error").asString("")).as("%s drawn", chart.id()).isEmpty();
			List<String> texts = strings(verdict.path("labels"));
			assertThat(texts).as("%s's texts", chart.id()).contains(chart.title());
			assertThat(chart.categories()).as("%s's x labels, every one shown, whole", chart.id())
				.allMatch((category) -> shown(category, texts));
			assertThat(strings(verdict.path("overlaps"))).as("%s's texts that overlap", chart.id()).isEmpty();
			assertThat(strings(verdict.path("outside"))).as("%s's texts past its edge", chart.id()).isEmpty();
			JsonNode ranges = verdict.path("ranges");
			assertThat(ranges.path("expected").asInt()).as("%s's points whose runs differ", chart.id())
				.isEqualTo(ranges(chart))
				.isPositive();
			assertThat(strings(ranges.path("missing"))).as("%s's ranges not drawn", chart.id()).isEmpty();
			assertThat(ranges.path("drawn").asInt()).isEqualTo(ranges(chart));
			assertThat(verdict.path("tooltip").asString()).as("%s's tooltip", chart.id())
				.contains(expectedTooltip(chart));
		}
	}

	/**
	 * Whether a label is among a chart's texts, on one line or broken into several
	 * between its words.
	 */
	private static boolean shown(String label, List<String> texts) {
		for (int first = 0; first < texts.size(); first++) {
			StringBuilder lines = new StringBuilder(texts.get(first));
			for (int last = first + 1; lines.length() < label.length() && last < texts.size(); last++) {
				lines.append(' ').append(texts.get(last));
			}
			if (texts.get(first).equals(label) || lines.toString().equals(label)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The tooltip's line for the first value of a chart's first series: its label, its
	 * median with the unit, and the range of its runs, or that they agree.
	 */
	private static String expectedTooltip(Chart chart) {
		Chart.Series series = chart.series().getFirst();
		Spread spread = series.values().stream().flatMap(Optional::stream).findFirst().orElseThrow();
		String unit = " " + chart.unit();
		String line = series.label() + ": " + ReportCharts.number(spread.median()) + unit;
		if (EChartsFigure.rounded(spread.max()) > EChartsFigure.rounded(spread.min())) {
			return line + ", median of " + spread.runs() + " runs, range " + ReportCharts.number(spread.min()) + "–"
					+ ReportCharts.number(spread.max()) + unit;
		}
		return line + " in each of " + spread.runs() + " runs";
	}

	/**
	 * How many ranges a chart has to draw: its values whose runs differ, as plotted (a
	 * log axis draws everything under 1 ms at 1).
	 */
	private static long ranges(Chart chart) {
		return chart.series()
			.stream()
			.flatMap((series) -> series.values().stream())
			.flatMap(Optional::stream)
			.filter((spread) -> plotted(spread.max(), chart) > plotted(spread.min(), chart))
			.count();
	}

	private static double plotted(double value, Chart chart) {
		return EChartsFigure.plotted(EChartsFigure.rounded(value), chart.logarithmic());
	}

	private static List<Chart> charts(ComparisonResults comparison) {
		return Stream
			.concat(comparison.scenarios()
				.stream()
				.flatMap((scenario) -> ReportCharts.scenario(comparison, scenario).stream()),
					ReportCharts.resources(comparison).stream())
			.toList();
	}

	/**
	 * Three runs a stack of seventeen scenarios, whose latencies, resources and capacity
	 * steps differ between runs too (by ±15%), as their throughputs do.
	 */
	private static ComparisonResults crowded() {
		ComparisonResults base = Fixtures.repeated(0.1);
		List<Scenario> scenarios = new ArrayList<>(base.scenarios());
		List<ScenarioResult> results = new ArrayList<>(base.results());
		COPIES.forEach((id, of) -> {
			Scenario source = base.scenarios()
				.stream()
				.filter((scenario) -> scenario.id().equals(of))
				.findFirst()
				.orElseThrow();
			Scenario copy = new Scenario(id, source.type(), source.load());
			scenarios.add(copy);
			base.resultsOf(of)
				.forEach((result) -> results
					.add(new ScenarioResult(result.stack(), copy, result.run(), result.assertionsPassed(),
							result.gatlingReport(), rows(id, result), result.errors(), result.app(),
							result.loadGeneratorCpuSeconds(), result.seconds(), result.steps(), result.phases())));
		});
		double[] factors = { 0.85, 1, 1.15 };
		List<ScenarioResult> moved = results.stream()
			.map((result) -> moved(result, factors[(result.run() + base.stacks().indexOf(result.stack())) % 3]))
			.toList();
		return new ComparisonResults(base.schemaVersion(), base.preset(), base.repeat(), base.started(),
				base.finished(), base.environment(), base.stacks(), scenarios, base.tuning(), moved, base.warmUps(),
				base.idleFootprints(), base.deaths());
	}

	/**
	 * A copy's rows: the copied scenario's, but for the multiplexing and overload
	 * scenarios, whose long or many row names (up to some 250 px) have to be broken into
	 * lines or turned to fit.
	 */
	private static List<RequestStats> rows(String id, ScenarioResult result) {
		double throughput = result.requests().getFirst().throughput();
		Stream<String> names = switch (id) {
			case "h2" -> Stream.of(MultiplexingSimulation.HTTP1, MultiplexingSimulation.HTTP2)
				.flatMap((protocol) -> Stream.of("/api/hello", "/api/slow?delay=100")
					.map((path) -> MultiplexingSimulation.phaseName(protocol, path)));
			case "overload" -> Stream.of("baseline", "ramp", "overload", "recovery +0s", "recovery +5s",
					"recovery +10s", "recovery +15s", "recovery +20s", "recovery +25s", "recovery +30s");
			default -> null;
		};
		return (names != null) ? names.map((name) -> Fixtures.row(name, throughput, 4)).toList() : result.requests();
	}

	private static ScenarioResult moved(ScenarioResult result, double factor) {
		AppMetrics app = result.app();
		return new ScenarioResult(result.stack(), result.scenario(), result.run(), result.assertionsPassed(),
				result.gatlingReport(), result.requests().stream().map((row) -> moved(row, factor)).toList(),
				result.errors(),
				new AppMetrics(app.cpuSeconds() * factor, (int) Math.round(app.maxLiveThreads() * factor),
						app.peakThreads(), app.maxBusyRequestThreads(), (int) Math.round(app.maxConnections() * factor),
						app.maxHeapMegabytes() * factor, app.gcPauses(), app.gcPauseSeconds(),
						app.heapAfterGcAtStartMegabytes(), app.heapAfterGcAtEndMegabytes(), app.meanInFlight(),
						app.samples(), app.pool(), app.replicas()),
				result.loadGeneratorCpuSeconds() * factor, result.seconds(),
				result.steps()
					.stream()
					.map((step) -> new RateStep(step.offeredRate(), moved(step.stats(), factor), step.seconds(),
							step.appCpuShare(), step.loadGeneratorCpuShare(), step.appInFlight()))
					.toList(),
				result.phases());
	}

	private static RequestStats moved(RequestStats row, double factor) {
		return new RequestStats(row.name(), Math.round(row.ok() * factor), Math.round(row.ko() * factor),
				row.throughput() * factor, scaled(row.mean(), factor), scaled(row.p50(), factor),
				scaled(row.p90(), factor), scaled(row.p95(), factor), scaled(row.p99(), factor),
				scaled(row.p999(), factor), scaled(row.p9999(), factor), scaled(row.max(), factor));
	}

	/** A latency moved, by a millisecond at least where it is over one. */
	private static int scaled(int millis, double factor) {
		int moved = (int) Math.round(millis * factor);
		return (millis > 1 && moved == millis) ? millis + (int) Math.signum(factor - 1) : moved;
	}

	private static Map<String, String> copies() {
		Map<String, String> copies = new LinkedHashMap<>();
		copies.put("cpu", "throughput");
		copies.put("cgi", "concurrent-slow");
		copies.put("downstream", "concurrent-slow");
		copies.put("slow-rate", "keep-alive");
		copies.put("db", "keep-alive");
		copies.put("db-fortunes", "concurrent-slow");
		copies.put("tls-keep-alive", "keep-alive");
		copies.put("h2", "keep-alive");
		copies.put("capacity-slow", "capacity");
		copies.put("overload", "keep-alive");
		copies.put("idle-connections", "connection-flood");
		copies.put("failover", "keep-alive");
		return copies;
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static String probe() throws IOException {
		try (InputStream in = ReportRenderingTests.class.getResourceAsStream("report-probe.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Runs headless Chromium on its own profile, and returns what it wrote out. */
	private static String run(Path chromium, Path folder, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--user-data-dir=" + Files.createTempDirectory(folder, "profile")));
		command.addAll(List.of(arguments));
		Path out = Files.createTempFile(folder, "chromium", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(folder.resolve("chromium.log").toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("Chromium took over two minutes; it said: %s", Files.readString(folder.resolve("chromium.log")));
		}
		return Files.readString(out);
	}

	private static long pixels(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					count++;
				}
			}
		}
		return count;
	}

	private static Path chromium() {
		return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> {
				if ("true".equals(System.getenv("CI"))) {
					fail("CI needs Chromium to check the report renders; .ci/run installs the Debian package chromium");
				}
				return abort("Chromium is not installed");
			});
	}

}
