package dev.stackbench.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.ServingModel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

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
	void everyChartDrawsEveryStack() {
		for (String figure : this.html.split("<figure ")) {
			if (!figure.startsWith("class=\"chart\"")) {
				continue;
			}
			for (ServingModel stack : this.comparison.stacks()) {
				assertThat(figure).as("a chart drawing %s", stack.id())
					.containsPattern("(fill|stroke)=\"" + stack.color() + "\"[^>]*(class=\"|points=\"\\d|>)");
			}
			assertThat(figure).containsAnyOf("class=\"bar\"", "class=\"line\"");
		}
	}

	@Test
	void concurrencyStepsAreDrawnAsLinesAgainstUsers() {
		String throughput = figure("throughput-throughput");
		assertThat(throughput).contains("class=\"line\"").contains(">concurrent users<").contains(">32<");
		assertThat(throughput).contains("<title>platform @ 8: 3,000 req/s</title>");
	}

	@Test
	void isSelfContained() {
		assertThat(this.html).doesNotContain("<script")
			.doesNotContain("<link")
			.doesNotContain("src=\"http")
			.doesNotContain("url(http");
	}

	@Test
	void namesEveryWarmUpTheLimitCutShort() {
		String table = this.html.substring(this.html.indexOf("Self-check: the warm-up"));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table).contains("at most 40 s")
			.contains("<td>reactive</td><td>1</td><td>9</td><td>6,500</td><td>6,500</td>")
			.contains("cut short: the first scenario met an app still being compiled")
			.doesNotContain("<td>platform</td>");
	}

	@Test
	void showsClaimsTablesAndGatlingLinks() {
		assertThat(this.html).contains("<td class=\"not-held\">NOT held</td>")
			.contains("<td class=\"held\">held</td>")
			.contains("<h2>Little&#39;s law</h2>")
			.contains("<a href=\"gatling/reactive/keep-alive/index.html\">keep-alive on reactive</a>")
			.contains("<td class=\"held\">best: ≥ 8,000</td>")
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

	private String figure(String id) {
		int start = this.html.indexOf("data-chart=\"" + id + "\"");
		return this.html.substring(start, this.html.indexOf("</figure>", start));
	}

}
