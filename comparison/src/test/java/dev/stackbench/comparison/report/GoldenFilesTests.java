package dev.stackbench.comparison.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.theory.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The output formats against files kept in {@code src/test/resources/golden/}, as JMH
 * tests its formats: a change in what a report says shows up as a diff to review, not as
 * a test that checks a few strings. After a change meant to alter them, run with
 * {@code -Dgolden.update=true} and review the files' diff.
 */
class GoldenFilesTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@Test
	void theMarkdownReportOfOneRunOfEachModel() throws IOException {
		assertGolden("one-run.md", MarkdownReport.render(Analysis.of(Fixtures.comparison())));
	}

	@Test
	void theMarkdownReportOfThreeRunsOfEachModel() throws IOException {
		assertGolden("three-runs.md", MarkdownReport.render(Analysis.of(Fixtures.repeated(0.1))));
	}

	@Test
	void theMarkdownReportOfARecordedCapacitySearch() throws IOException {
		ComparisonResults recorded = Reports.read(Path.of("src/test/resources/recorded/capacity-3-runs"));
		assertGolden("recorded-capacity.md", MarkdownReport.render(Analysis.of(recorded)));
	}

	@Test
	void theResultsFileHoldsRawDataAndInputsOnly() throws IOException {
		assertGolden("one-run.results.json", Reports.json(Fixtures.comparison()));
	}

	private static void assertGolden(String name, String actual) throws IOException {
		Path golden = GOLDEN.resolve(name);
		if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		Path written = Files.createDirectories(Path.of("target/golden-actual")).resolve(name);
		Files.writeString(written, actual, StandardCharsets.UTF_8);
		assertThat(actual)
			.as("%s differs from %s; if the change is meant, run with -Dgolden.update=true and " + "review the diff",
					written, golden)
			.isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}
