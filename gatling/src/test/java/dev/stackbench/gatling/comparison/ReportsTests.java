package dev.stackbench.gatling.comparison;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTests {

	private final ComparisonResults comparison = Fixtures.comparison();

	@Test
	void writesAllThreeFilesAndTheJsonReadsBackWhole(@TempDir Path folder) throws IOException {
		Reports.write(this.comparison, folder);
		assertThat(folder.resolve("report.html")).isNotEmptyFile();
		assertThat(folder.resolve("report.md")).isNotEmptyFile();
		assertThat(Reports.read(folder.resolve("results.json"))).isEqualTo(this.comparison);
	}

	@Test
	void markdownHasTheSameTablesAsTheHtml() {
		String markdown = MarkdownReport.render(this.comparison);
		for (Table table : ReportTables.all(this.comparison)) {
			assertThat(markdown).contains("## " + table.title());
		}
		assertThat(markdown).contains("| concurrent-slow | GET /api/slow?delay=500 @ 1000 users | virtual | 1,900 | 520 |")
			.contains("| concurrent-slow | virtual | 2,000 | 1,900 | 95% |")
			.contains("| NOT held |");
	}

	@Test
	void summaryOnTheConsoleHasNumbersAndVerdicts() {
		assertThat(MarkdownReport.summary(this.comparison)).contains("## Throughput and latency")
			.contains("## Little's law")
			.contains("## Claims from theory")
			.doesNotContain("## Environment");
	}

	@Test
	void pipesInCellsDoNotBreakMarkdownTables() {
		Table table = new Table("t", "", java.util.List.of("a"), java.util.List.of(java.util.List.of("x|y")));
		assertThat(table.markdown()).contains("| x\\|y |");
	}

}
