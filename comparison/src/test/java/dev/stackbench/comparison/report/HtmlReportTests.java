package dev.stackbench.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ComparisonResults comparison = Fixtures.comparison();

	private final String html = HtmlReport.render(this.comparison, Optional.empty());

	@Test
	void everyScenarioAndEveryResourceHasItsCharts() {
		assertThat(charts()).containsExactly("throughput-throughput", "throughput-latency", "throughput-percentiles",
				"concurrent-slow-throughput", "concurrent-slow-latency", "keep-alive-throughput", "keep-alive-latency",
				"capacity-hockey-stick", "capacity-achieved", "capacity-spectrum", "connection-flood-throughput",
				"connection-flood-latency", "resources-threads", "resources-cpu", "resources-memory",
				"resources-connections", "resources-errors", "resources-load-generator");
	}

	@Test
	void everyChartDrawsEveryStackInItsColour() {
		for (String id : charts()) {
			JsonNode option = option(this.html, id);
			for (Contender stack : this.comparison.stacks()) {
				assertThat(option.path("series")
					.valueStream()
					.filter((series) -> series.path("name").asString().equals(stack.id())))
					.as("%s's series of %s", id, stack.id())
					.isNotEmpty()
					.allMatch((series) -> series.path("itemStyle").path("color").asString().equals(stack.color()))
					.anyMatch((series) -> series.path("type").asString().equals("line")
							|| series.path("renderItem").asString().equals("bar"));
			}
			assertThat(strings(option.path("legend").path("data"))).as("%s's legend", id)
				.containsExactlyElementsOf(this.comparison.stacks().stream().map(Contender::id).toList());
			assertThat(option.path("xAxis").path("axisLabel").path("interval").asInt(-1))
				.as("%s shows every x label", id)
				.isZero();
		}
	}

	@Test
	void concurrencyStepsAreDrawnAsLinesAgainstUsers() {
		JsonNode throughput = option(this.html, "throughput-throughput");
		assertThat(throughput.path("xAxis").path("name").asString()).isEqualTo("concurrent users");
		assertThat(strings(throughput.path("xAxis").path("data"))).containsExactly("1", "8", "32");
		JsonNode platform = throughput.path("series").get(0);
		assertThat(platform.path("type").asString()).isEqualTo("line");
		assertThat(platform.path("name").asString()).isEqualTo("platform");
		assertThat(platform.path("data").get(1).toString()).as("at 8 users: median, lowest, highest, runs")
			.isEqualTo("[1,3000.0,3000.0,3000.0,1]");
		assertThat(platform.path("stackbench").path("tips").get(1).asString()).isEqualTo("3,000 req/s");
	}

	@Test
	void repeatedRunsDrawTheMedianWithTheRangeOfTheRuns() {
		String repeated = HtmlReport.render(Fixtures.repeated(0.1), Optional.empty());
		JsonNode platform = option(repeated, "throughput-throughput").path("series").get(0);
		assertThat(platform.path("data").get(1).toString()).isEqualTo("[1,3000.0,2700.0,3300.0,3]");
		assertThat(platform.path("stackbench").path("tips").get(1).asString())
			.isEqualTo("3,000 req/s, median of 3 runs, range 2,700–3,300 req/s");
		JsonNode whiskers = option(repeated, "throughput-throughput").path("series").get(1);
		assertThat(whiskers.path("renderItem").asString()).isEqualTo("range");
		assertThat(whiskers.path("name").asString()).as("toggled with its line by the legend").isEqualTo("platform");
		JsonNode bars = option(repeated, "keep-alive-throughput").path("series").get(0);
		assertThat(bars.path("renderItem").asString()).isEqualTo("bar");
		assertThat(bars.path("data").get(0).toString()).isEqualTo("[0,3000.0,2700.0,3300.0,3]");
		assertThat(repeated).contains("a stack's median over its 3 runs");
	}

	@Test
	void latenciesThatSpanDecadesAreOnLogAxesWithEachPercentileDashedItsOwnWay() {
		JsonNode hockeyStick = option(this.html, "capacity-hockey-stick");
		assertThat(hockeyStick.path("yAxis").path("type").asString()).isEqualTo("log");
		assertThat(hockeyStick.path("yAxis").path("name").asString()).isEqualTo("ms (log scale)");
		assertThat(hockeyStick.path("series")
			.valueStream()
			.filter((series) -> series.path("type").asString().equals("line"))
			.limit(3)
			.map((series) -> series.path("stackbench").path("label").asString() + " "
					+ series.path("lineStyle").path("type").asString()))
			.containsExactly("platform p50 dotted", "platform p99 solid", "platform p99.9 dashed");
		assertThat(option(this.html, "capacity-spectrum").path("yAxis").path("type").asString()).isEqualTo("log");
		assertThat(option(this.html, "throughput-latency").path("yAxis").path("type").asString()).isEqualTo("value");
	}

	@Test
	void isSelfContained() {
		assertThat(this.html).doesNotContain("<script src")
			.doesNotContain("<link")
			.doesNotContain("src=\"http")
			.doesNotContain("url(http")
			.contains("<script>/* Apache ECharts 5.3.1");
		assertThat(Pattern.compile("<script").matcher(this.html).results().count())
			.as("the library, the page's script, and each chart's data")
			.isEqualTo(2 + charts().size());
	}

	@Test
	void namesEveryWarmUpTheLimitEnded() {
		String table = this.html.substring(this.html.indexOf("Self-check: the warm-up"));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table).contains("at most 40 s")
			.contains("<td>reactive</td><td>1</td><td>9</td><td>6,500</td>")
			.contains("ended at the limit, the JIT still compiling")
			.doesNotContain("<td>platform</td>");
	}

	@Test
	void showsClaimsTablesAndGatlingLinks() {
		assertThat(this.html).contains("<td class=\"not-held\">NOT held</td>")
			.contains("<td class=\"held\">held</td>")
			.contains("<h2>Little&#39;s law</h2>")
			.contains("<a href=\"gatling/reactive/keep-alive/index.html\">keep-alive on reactive</a>")
			.contains("limited by the load generator")
			.contains("-Xms1g -Xmx1g");
	}

	private List<String> charts() {
		Matcher matcher = Pattern.compile("data-chart=\"([^\"]+)\"").matcher(this.html);
		List<String> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	/** A chart's ECharts option, as its figure carries it. */
	static JsonNode option(String html, String id) {
		int figure = html.indexOf("data-chart=\"" + id + "\"");
		assertThat(figure).as("chart %s", id).isNotNegative();
		String start = "<script type=\"application/json\" class=\"chart-option\">";
		int from = html.indexOf(start, figure) + start.length();
		return JSON.readTree(html.substring(from, html.indexOf("</script>", from)));
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
